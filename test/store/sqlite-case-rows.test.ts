import assert from 'node:assert/strict';
import { CaseRecordShapeError, type CaseRecord } from '../../src/domain/case-record';
import { fromRow, toDoc } from '../../src/store/sqlite-case-rows';
import { newCase } from '../support/case-fixtures';

/** fromRow keeps the rows it has checked, by version: a second read must be the same record, and the caller's own. */
describe('SQLite case rows read again', () => {
  const record = (): CaseRecord => {
    const input: Partial<ReturnType<typeof newCase>> = newCase();
    delete input.referenceYear;
    return { ...(input as Omit<CaseRecord, 'id' | 'reference' | 'version'>), id: 'case-1', reference: 'HC-2026-00001', version: `v-${Math.random()}` };
  };

  it('gives the same record for a version read before, as a copy the caller may change', () => {
    const r = record();
    const row = { doc: toDoc(r), version: r.version };
    const first = fromRow(row);
    const second = fromRow(row);
    assert.deepEqual(second, first);
    assert.notEqual(second.events, first.events);
    first.events.length = 0;
    assert.equal(fromRow(row).events.length, r.events.length);
  });

  it('checks a document again when the row under a known version is not the one checked', () => {
    const r = record();
    fromRow({ doc: toDoc(r), version: r.version });
    // A hand-edited row: the same version, a damaged document.
    const damaged = toDoc({ ...r, state: 'no-such-state' as CaseRecord['state'] });
    assert.throws(() => fromRow({ doc: damaged, version: r.version }), CaseRecordShapeError);
  });
});
