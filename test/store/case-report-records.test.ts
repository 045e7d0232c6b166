import assert from 'node:assert/strict';
import { CaseRecordShapeError } from '../../src/domain/case-record';
import { readReportRecord } from '../../src/store/case-report-records';
import { details, event, newCase } from '../support/case-fixtures';

/** A stored document as the stores keep it: a record with an id and a reference. */
function doc(over: Record<string, unknown> = {}): Record<string, unknown> {
  const record: Record<string, unknown> = { ...newCase({
    events: [event('received', '2026-03-02'), event('responded', '2026-03-16', { outcome: 'upheld', content: { remedy: 'Repaired' }, actions: [{ id: 'a1', kind: 'repair', description: 'Fix it', due: '2026-03-30' }] } as never)],
  }) };
  delete record.referenceYear;
  return { ...record, id: 'case-1', reference: 'HC-2026-00001', ...over };
}

function problems(data: unknown): string[] {
  try {
    readReportRecord(data, 'Case HC-2026-00001 in a test');
  } catch (err) {
    assert.ok(err instanceof CaseRecordShapeError);
    assert.match(err.message, /^Case HC-2026-00001 in a test is not a valid case: /);
    return err.problems;
  }
  return [];
}

describe('readReportRecord: a stored case as a report reads it', () => {
  it('keeps the fields the reports use, and who logged the case, and drops the personal details', () => {
    const read = readReportRecord(doc({ details: details({ complainant: { tenure: 'leaseholder' } }) }), 'x');
    assert.equal(read.reference, 'HC-2026-00001');
    assert.equal(read.events.length, 2);
    assert.deepEqual(read.details, { loggedBy: 'alex.morgan', complainant: { estate: 'Larkspur', tenure: 'leaseholder' }, complaint: { category: 'repairs', serviceArea: 'housing-management' } });
    assert.equal(JSON.stringify(read).includes('Imogen'), false);
  });

  it('names each field a report reads that is missing or of the wrong type', () => {
    assert.deepEqual(problems(doc()), []);
    assert.deepEqual(problems(doc({ state: 'lost' })), ['state: not a case state']);
    assert.deepEqual(problems(doc({ receivedOn: '02/03/2026' })), ['receivedOn: not a date or null']);
    assert.deepEqual(problems(doc({ deadlines: [{ stage: 1, kind: 'respond', due: '2026-13-01', originalDue: '2026-03-30', metOn: null }] })), ['deadlines.0: not a deadline']);
    assert.deepEqual(problems(doc({ events: 'none' })), ['events: not a list']);
    assert.deepEqual(problems(doc({ events: [{ type: 'teleported', on: '2026-03-02' }] })), ['events.0: has an unknown type "teleported"']);
    assert.deepEqual(problems(doc({ events: [{ type: 'received' }] })), ['events.0: (received) has no date "on"']);
    assert.deepEqual(problems(doc({ events: [{ type: 'ombudsman-referred', on: '2026-03-02' }] })), ['events.0: (ombudsman-referred) lacks a field the report reads, or has it of the wrong type']);
    assert.deepEqual(problems(doc({ events: [{ type: 'responded', on: '2026-03-02', outcome: 'upheld', actions: [{ id: 'a1', kind: 'repair', description: 'x' }] }] })).length, 1);
    assert.deepEqual(problems(doc({ details: { complainant: {}, complaint: { category: 'repairs' } } })), [
      'details.complainant: no estate, or a tenure that is not a string', 'details.complaint: no category or service area', 'details.loggedBy: not a string',
    ]);
    assert.deepEqual(problems(doc({ details: { ...details(), loggedBy: 42 } })), ['details.loggedBy: not a string']);
    assert.deepEqual(problems(null), ['(case): not an object']);
  });
});
