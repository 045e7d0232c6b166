import { strict as assert } from 'node:assert';
import { attachCorrespondence } from '../../src/domain/commands/attach-correspondence';
import { decide } from '../../src/domain/commands/command';
import { ACKNOWLEDGED, contextFor, fileOf, person } from './commands/command-fixtures';

// Issue 14's record of correspondence, in the domain: a file's facts and hash kept in the history.
describe('correspondence on a case', () => {
  const ctx = contextFor('hos-2024', '2027-01-06');
  const photo = {
    fileId: 'f-1', fileName: 'damp-bedroom.jpg', contentType: 'image/jpeg', size: 84_213, sha256: 'a'.repeat(64),
    direction: 'from-resident' as const, dated: '2027-01-05', description: 'Photo of the mould behind the wardrobe',
  };

  it('those who act on the case attach a file; its facts and hash are in the event and the view', () => {
    const decided = decide(attachCorrespondence, fileOf(ctx, ACKNOWLEDGED), person('alex.morgan'), photo, ctx);
    assert.ok(decided.ok);
    const file = fileOf(ctx, [...ACKNOWLEDGED, ...decided.events]);
    assert.deepEqual(file.view.correspondence.map((c) => [c.fileName, c.size, c.sha256, c.dated]), [['damp-bedroom.jpg', 84_213, 'a'.repeat(64), '2027-01-05']]);
  });

  it('someone outside the case cannot attach to it', () => {
    const decided = decide(attachCorrespondence, fileOf(ctx, ACKNOWLEDGED), person('jo.bennett'), photo, ctx);
    assert.ok(!decided.ok);
    assert.equal(decided.code, 'CASE.NOT_PERMITTED');
  });

  it('refuses a file without a hash, an empty one, one dated in the future, and the same file twice', () => {
    const alex = person('alex.morgan');
    const bad = [
      [{ ...photo, sha256: 'not-a-hash' }, /SHA-256/],
      [{ ...photo, size: 0 }, /cannot be empty/],
      [{ ...photo, dated: '2027-01-07' }, /cannot be dated after/],
    ] as const;
    for (const [input, says] of bad) {
      const decided = decide(attachCorrespondence, fileOf(ctx, ACKNOWLEDGED), alex, input, ctx);
      assert.ok(!decided.ok);
      assert.match(decided.message, says);
    }
    const once = decide(attachCorrespondence, fileOf(ctx, ACKNOWLEDGED), alex, photo, ctx);
    assert.ok(once.ok);
    const twice = decide(attachCorrespondence, fileOf(ctx, [...ACKNOWLEDGED, ...once.events]), alex, photo, ctx);
    assert.ok(!twice.ok);
    assert.match(twice.message, /already attached/);
  });
});
