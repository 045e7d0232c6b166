import assert from 'node:assert/strict';
import { parseCaseRecord, type CaseRecord } from '../../src/domain/case-record';
import { deriveCase } from '../../src/domain/case-timeline';
import { viewOf } from '../../src/domain/case-view';
import { ERASED, eraseComplainant, erasedFields, erasureBlocker } from '../../src/domain/erase-complainant';
import { caseFacts } from '../../src/reports/case-facts';
import { performanceFromFacts } from '../../src/reports/performance';
import { HOS, HOS_CALENDAR, makeCase } from '../reports/fixtures';
import { closedCase, DESCRIPTION, openCaseEvents, refusedCaseEvents, remedyDueCaseEvents, RESIDENT_WORDS, withResident } from './erase-fixtures';

const ctx = { policy: HOS, calendar: HOS_CALENDAR };
const found = (record: CaseRecord): string[] => {
  const text = JSON.stringify(record).toLowerCase();
  return RESIDENT_WORDS.filter((w) => text.includes(w.toLowerCase()));
};

describe('domain: eraseComplainant', () => {
  it('leaves none of the resident\'s words anywhere in the case, details or history', () => {
    const before = closedCase();
    assert.ok(found(before).length >= 8, 'the fixture holds her words to start with');
    const erased = eraseComplainant(before);
    assert.deepEqual(found(erased), []);
    assert.equal(erased.details.complainant.complainantName, ERASED);
    assert.equal(erased.details.complaint.description, ERASED);
    // Still a case as the stores read one: every enum, date and number kept its shape.
    parseCaseRecord(JSON.parse(JSON.stringify(erased)), 'the erased case');
  });

  it('keeps every date, stage, outcome, category, tenure and amount, so the view and the figures are the same', () => {
    const before = closedCase();
    const erased = eraseComplainant(before);
    assert.equal(erased.snapshot, undefined, 'the old view, which held words from the events, is dropped');
    const replayed = deriveCase(erased.events, ctx);
    assert.ok(replayed.ok, 'the erased history replays');
    const original = deriveCase(before.events, ctx);
    assert.ok(original.ok);
    assert.deepEqual(replayed.view.deadlines, original.view.deadlines);
    assert.deepEqual([replayed.view.state, replayed.view.stage, replayed.view.closedOn, replayed.view.lastResponse], [original.view.state, original.view.stage, original.view.closedOn, original.view.lastResponse]);
    assert.deepEqual(
      { tenure: erased.details.complainant.tenure, estate: erased.details.complainant.estate, category: erased.details.complaint.category, channel: erased.details.complaint.channel, received: erased.details.complaint.receivedOn },
      { tenure: 'social-rent', estate: 'Larkspur', category: 'damp-mould', channel: before.details.complaint.channel, received: before.details.complaint.receivedOn },
    );
    const responded = erased.events.filter((e) => e.type === 'responded');
    assert.deepEqual(responded.map((e) => e.type === 'responded' && [e.outcome, e.actions?.map((a) => [a.id, a.kind, a.due, a.amountPence, a.description])]), [
      ['upheld', [['a1', 'compensation', '2026-04-17', 15000, ERASED]]], ['not-upheld', undefined],
    ]);
    const today = { ...ctx, today: '2026-06-01' };
    const figures = (r: CaseRecord) => performanceFromFacts([caseFacts(r, today, { replay: true })], today, { from: '2026-01-01', to: '2026-12-31', homes: null });
    assert.deepEqual(figures(erased), figures(before));
  });

  it('replaces only what was typed: empty fields stay empty, the audit fields and file facts stay', () => {
    const before = withResident(closedCase(), { adjustments: '' });
    const erased = eraseComplainant(before);
    assert.equal(erased.details.complainant.adjustments, '', '"none recorded" stays true');
    assert.equal(erased.details.complainant.representativeName, ERASED);
    assert.equal(erased.details.complainant.hasRepresentative, true);
    erased.events.forEach((e, i) => {
      const b = before.events[i];
      assert.deepEqual([e.id, e.type, e.on, e.at, e.by], [b?.id, b?.type, b?.on, b?.at, b?.by]);
    });
    const note = erased.events.find((e) => e.type === 'note');
    assert.equal(note?.why, ERASED);
    const extended = erased.events.find((e) => e.type === 'extended');
    assert.deepEqual(extended?.type === 'extended' && [extended.reason, extended.workingDays, extended.reasonCategory], [ERASED, 5, 'investigation']);
  });

  it('erases a file\'s name but keeps its kind, size and SHA-256', () => {
    const record = makeCase('HC-2026-00102', [
      { type: 'received', on: '2026-03-02' },
      { type: 'correspondence-attached', on: '2026-03-04', fileId: 'f1', fileName: 'imogen-threlkeld.PDF', contentType: 'application/pdf', size: 1234, sha256: 'a'.repeat(64), direction: 'from-resident', dated: '2026-03-03', description: DESCRIPTION },
    ], { category: 'repairs' });
    const file = eraseComplainant(record).events[1];
    assert.deepEqual(file?.type === 'correspondence-attached' && [file.fileName, file.description, file.size, file.sha256, file.direction, file.dated, file.contentType],
      [`${ERASED}.pdf`, ERASED, 1234, 'a'.repeat(64), 'from-resident', '2026-03-03', 'application/pdf']);
  });

  it('lists the fields it would change by name, never their values', () => {
    const fields = erasedFields(closedCase());
    assert.ok(fields.includes('details.complainant.complainantName') && fields.includes('details.complaint.description'));
    assert.ok(fields.some((f) => /^events\[\d+\]\.why$/.test(f)) && fields.some((f) => /^events\[\d+\]\.actions\[0\]\.description$/.test(f)));
    assert.ok(!fields.includes('details.complainant.tenure') && !fields.some((f) => f.endsWith('.on') || f.endsWith('.outcome')));
    assert.deepEqual(RESIDENT_WORDS.filter((w) => fields.join(' ').includes(w)), []);
  });
});

describe('domain: erasureBlocker (only a finished case is erased)', () => {
  const file = (record: CaseRecord) => ({ record, view: viewOf(record, ctx) });

  it('erases a closed case with everything done, and a refused one', () => {
    assert.equal(erasureBlocker(file(closedCase())), null);
    assert.equal(erasureBlocker(file(makeCase('HC-2026-00103', refusedCaseEvents(), { category: 'repairs' }))), null);
  });

  it('leaves an open case, a remedy still due and a case with the Ombudsman alone, saying why', () => {
    assert.match(erasureBlocker(file(makeCase('HC-2026-00104', openCaseEvents(), { category: 'repairs' }))) ?? '', /still open \(awaiting acknowledgement\)/);
    assert.match(erasureBlocker(file(makeCase('HC-2026-00105', remedyDueCaseEvents(), { category: 'repairs' }))) ?? '', /still to be done for the resident: remedy a1 \(due .*2027\)/);
    const referred = makeCase('HC-2026-00106', [
      { type: 'refused', on: '2026-02-02', why: 'Out of time' }, { type: 'ombudsman-referred', on: '2026-03-01', by: 'morgan.lee', reference: '202655555' },
    ], { category: 'repairs' });
    assert.match(erasureBlocker(file(referred)) ?? '', /with the Ombudsman \(reference 202655555, referred .*\) and not yet determined/);
  });
});
