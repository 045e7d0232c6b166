import assert from 'node:assert/strict';
import { assertCaseFits, caseDocumentBytes, COSMOS_ITEM_LIMIT_BYTES, MAX_CASE_BYTES } from '../../src/store/case-size';
import { StoreError } from '../../src/store/store-errors';
import { event, newCase } from '../support/case-fixtures';

/** A case with `notes` notes of `chars` characters each. */
function withNotes(notes: number, chars: number, letter = 'x') {
  const c = newCase();
  for (let i = 0; i < notes; i++) c.events.push(event('note', '2026-03-03', { why: `Phone: ${letter.repeat(chars)}` } as never));
  return { ...c, reference: 'HC-2026-00042' };
}

describe('case size: the guard that keeps a case under Cosmos DB\'s 2 MB item limit', () => {
  it('leaves room under the 2 MB limit', () => {
    assert.equal(COSMOS_ITEM_LIMIT_BYTES, 2_097_152);
    assert.ok(MAX_CASE_BYTES <= COSMOS_ITEM_LIMIT_BYTES * 0.8);
  });

  it('counts the document in UTF-8 bytes, not characters', () => {
    const ascii = caseDocumentBytes(withNotes(1, 1000));
    assert.equal(caseDocumentBytes(withNotes(1, 1000, '€')) - ascii, 2000, 'a euro sign is three bytes');
  });

  it('lets a case with hundreds of the longest notes through, and refuses the note that takes it over, saying what to do', () => {
    // 4,000 characters is the note form's limit; ~4.1 KB of JSON each.
    const fits = withNotes(350, 4000);
    assert.doesNotThrow(() => { assertCaseFits(fits); });
    const over = withNotes(400, 4000);
    assert.ok(caseDocumentBytes(over) > MAX_CASE_BYTES);
    assert.throws(() => { assertCaseFits(over); }, (err: unknown) => err instanceof StoreError && err.code === 'STORE.INVALID_INPUT'
      && /^Case HC-2026-00042 is too large to save: with this change it would be 1\.\d\d MB, over the 1\.50 MB a case may hold \(a Cosmos DB document can be at most 2\.00 MB\)\. Nothing was saved\. Attach long text/.test(err.message));
  });
});
