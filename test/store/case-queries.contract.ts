import assert from 'node:assert/strict';
import type { CaseRecord } from '../../src/domain/case-record';
import type { CaseView } from '../../src/domain/case-state';
import type { CaseStore } from '../../src/store/case-store.port';
import { closedCase, deadline, details, event, newCase, withEvent } from '../support/case-fixtures';
import { assertOtherWorkRunsBetweenPages } from '../support/paged-read';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

const AYESHA = 'officer-ayesha-okafor';
const BARTHOLOMEW = 'officer-bartholomew-quaye';

interface Scenario { a: CaseRecord; b: CaseRecord; c: CaseRecord; d: CaseRecord; e: CaseRecord; f: CaseRecord }

/** Six cases covering each query's edges; letters in creation order (a = HC-2026-00001). */
async function seed(cases: CaseStore): Promise<Scenario> {
  // a: open, two running deadlines (ack 9 Mar, respond 30 Mar)
  const a = await cases.createCase(newCase());
  // b: open, acknowledgement met, response running to 20 Mar
  const b = await cases.createCase(newCase({
    state: 'investigating', receivedOn: '2026-02-27', events: [event('received', '2026-02-27'), event('acknowledged', '2026-03-04')],
    deadlines: [deadline(1, 'acknowledge', '2026-03-05', '2026-03-04'), deadline(1, 'respond', '2026-03-20')], nextDueOn: '2026-03-20',
  }));
  // c: closed on 15 Mar
  const c = await cases.createCase(closedCase('2026-03-15'));
  // d: another officer's open case, response due 12 Mar
  const d = await cases.createCase(newCase({
    responsibleOfficerId: BARTHOLOMEW, receivedOn: '2026-03-01', state: 'investigating',
    deadlines: [deadline(1, 'respond', '2026-03-12')], nextDueOn: '2026-03-12',
  }));
  // e: open (responded, escalation window) with no running deadline
  const e = await cases.createCase(newCase({
    state: 'responded', receivedOn: '2026-03-10',
    deadlines: [deadline(1, 'respond', '2026-03-11', '2026-03-11')], nextDueOn: null,
  }));
  // f: withdrawn on 16 Mar with a deadline never met: not running, because not open
  const f = await cases.createCase(closedCase('2026-03-16', {
    state: 'withdrawn', deadlines: [deadline(1, 'respond', '2026-03-13')], nextDueOn: null,
  }));
  return { a, b, c, d, e, f };
}

const refs = (records: CaseRecord[]) => records.map((r) => r.reference);

/** The CaseStore contract for queries and purging; run against every adapter. */
export function caseQueriesContract(factory: StoreFactory): void {
  describe('CaseStore: queries and purge', () => {
    let fixture: StoreFixture;
    let cases: CaseStore;
    let s: Scenario;
    beforeEach(async () => {
      fixture = await factory();
      cases = fixture.stores.cases;
      s = await seed(cases);
    });
    afterEach(async () => fixture.cleanup());

    it('lists the open cases that may wait for a decision: those whose stored view says so, and those whose view is not known', async () => {
      const view = (pending: boolean) => ({
        pendingExtension: pending ? { workingDays: 10, reason: 'Contractor', reasonCategory: null, complainantAgreed: true, requestedBy: AYESHA, on: '2026-03-05' } : null,
        escalationRefusalProposedOn: null, behaviourProposedOn: null,
      }) as unknown as CaseView;
      const snapshotOf = (record: CaseRecord, pending: boolean) => ({ events: record.events.length, context: 'test', view: view(pending) });
      // a and d (views covering every event) and b (a view one event behind, so not known) may wait;
      // c and f are finished; e's view says nothing waits.
      const waiting = await cases.saveCase({ ...s.a, snapshot: snapshotOf(s.a, true) });
      const quiet = await cases.saveCase({ ...s.e, snapshot: snapshotOf(s.e, false) });
      const behind = await cases.saveCase(withEvent(s.b, event('note', '2026-03-06'), { snapshot: snapshotOf(s.b, false) }));
      assert.ok(waiting.ok && quiet.ok && behind.ok);
      assert.deepEqual(refs(await cases.openCasesMaybeAwaitingDecision()), [s.b.reference, s.d.reference, s.a.reference]);
      // Deciding clears it; closing the case clears it too.
      const decided = await cases.saveCase(withEvent(waiting.record, event('note', '2026-03-07'), { snapshot: { ...snapshotOf(waiting.record, false), events: waiting.record.events.length + 1 } }));
      assert.ok(decided.ok);
      assert.deepEqual(refs(await cases.openCasesMaybeAwaitingDecision()), [s.b.reference, s.d.reference]);
    });

    it('finds the cases whose name, address, postcode or reference holds every word, accents and case aside', async () => {
      const zoe = await cases.createCase(newCase({ details: details({ complainant: { complainantName: 'Zoë O\'Brien', address: '3 Quayside, Eastholme SE1 7PB' } }) }));
      const ids = async (words: string[]) => (await cases.casesMatchingWords(words)).map((r) => r.reference).sort();
      // The seeded six are all Imogen Threlkeld of 14 Larkspur Court, Eastholme.
      assert.deepEqual(await ids(['zoe', 'obrien']), [zoe.reference]);
      assert.deepEqual(await ids(['se17pb']), [zoe.reference], 'a postcode without its space');
      assert.deepEqual(await ids(['se1', '7pb']), [zoe.reference], 'and with it');
      assert.deepEqual(await ids(['threlkeld', 'larkspur']), refs([s.a, s.b, s.c, s.d, s.e, s.f]).sort());
      assert.deepEqual(await ids(['eastholme']).then((r) => r.length), 7);
      assert.deepEqual(await ids([zoe.reference.slice(-5)]), [zoe.reference], 'part of a reference');
      assert.deepEqual(await ids(['zoe', 'threlkeld']), [], 'every word, not any');
      assert.deepEqual(await ids([]), []);
      // The text follows each write: a case whose name changes is found by its new name only.
      const renamed = await cases.saveCase(withEvent({ ...zoe, details: details({ complainant: { complainantName: 'Zoe Marsh', address: zoe.details.complainant.address } }) }, event('note', '2026-03-05')));
      assert.ok(renamed.ok);
      assert.deepEqual(await ids(['obrien']), []);
      assert.deepEqual(await ids(['marsh']), [zoe.reference]);
    });

    it('lists an officer\'s open cases, soonest due first, cases with nothing due last', async () => {
      assert.deepEqual(refs(await cases.openCasesByOfficer(AYESHA)), [s.a.reference, s.b.reference, s.e.reference]);
      assert.deepEqual(refs(await cases.openCasesByOfficer(BARTHOLOMEW)), [s.d.reference]);
      assert.deepEqual(await cases.openCasesByOfficer('officer-nobody'), []);
      const [first] = await cases.openCasesByOfficer(AYESHA);
      assert.deepEqual(first, s.a);
    });

    it('lists every open case, received first first, and none that is closed or withdrawn', async () => {
      const open = await cases.openCases();
      assert.deepEqual(refs(open).sort(), [s.a.reference, s.b.reference, s.d.reference, s.e.reference].sort());
      const received = open.map((r) => r.receivedOn ?? '');
      assert.deepEqual(received, [...received].sort(), 'received first first');
      assert.deepEqual(open.find((r) => r.id === s.d.id), s.d);
    });

    it('reads the open cases a page at a time: the same cases, whole, in the same order as openCases', async () => {
      // More open cases: three on one day created out of reference order, one without a receipt
      // date (first, as openCases orders it), and one more closed case to leave out.
      for (const on of ['2026-03-05', '2026-02-20', '2026-03-05', '2026-03-01', '2026-03-05']) await cases.createCase(newCase({ receivedOn: on, events: [event('received', on)] }));
      const undated = await cases.createCase({ ...newCase(), receivedOn: null });
      await cases.createCase(closedCase('2026-03-18'));
      const whole = await cases.openCases();
      assert.equal(whole.length, 10);
      assert.equal(whole[0]?.reference, undated.reference, 'a case without a receipt date first');
      for (const pageSize of [1, 2, 3, 500]) {
        const paged: CaseRecord[] = [];
        for await (const record of cases.openCasesPaged({ pageSize })) paged.push(record);
        assert.deepEqual(paged, whole, `page size ${pageSize}`);
      }
      const finished = new Set([s.c.reference, s.f.reference]);
      for await (const record of cases.openCasesPaged()) assert.ok(!finished.has(record.reference), `${record.reference} is finished`);
    });

    it('lets other work run while the open cases are read a page at a time', async () => {
      await assertOtherWorkRunsBetweenPages(() => cases.openCasesPaged({ pageSize: 1 }), 4, (record) => record.reference);
    });

    it('lists running deadlines of open cases due by a date, soonest first', async () => {
      const due = await cases.deadlinesDueBy('2026-03-20');
      assert.deepEqual(due, [
        { caseId: s.a.id, reference: s.a.reference, responsibleOfficerId: AYESHA, stage: 1, kind: 'acknowledge', id: null, owner: null, due: '2026-03-09', demo: false },
        { caseId: s.d.id, reference: s.d.reference, responsibleOfficerId: BARTHOLOMEW, stage: 1, kind: 'respond', id: null, owner: null, due: '2026-03-12', demo: false },
        { caseId: s.b.id, reference: s.b.reference, responsibleOfficerId: AYESHA, stage: 1, kind: 'respond', id: null, owner: null, due: '2026-03-20', demo: false },
      ]);
      assert.deepEqual(await cases.deadlinesDueBy('2026-03-08'), []);
      assert.equal((await cases.deadlinesDueBy('2026-12-31')).length, 4);
    });

    it('drops a case\'s deadlines from the due list once it is closed, and moves met ones out', async () => {
      const closed = await cases.saveCase(withEvent(s.a, event('closed', '2026-03-21'), {
        state: 'closed', closedOn: '2026-03-21', nextDueOn: null,
        deadlines: [deadline(1, 'acknowledge', '2026-03-09', '2026-03-03'), deadline(1, 'respond', '2026-03-30')],
      }));
      assert.ok(closed.ok);
      const met = await cases.saveCase(withEvent(s.d, event('responded', '2026-03-11', { outcome: 'upheld' } as never), {
        state: 'responded', deadlines: [deadline(1, 'respond', '2026-03-12', '2026-03-11')], nextDueOn: null,
      }));
      assert.ok(met.ok);
      assert.deepEqual((await cases.deadlinesDueBy('2026-12-31')).map((d) => [d.reference, d.kind]), [[s.b.reference, 'respond']]);
      assert.deepEqual(refs(await cases.openCasesByOfficer(AYESHA)), [s.b.reference, s.e.reference]);
    });

    it('keeps a closed case\'s follow-ups (a remedy still to deliver) in the due list, with their ids and owners', async () => {
      const closed = await cases.saveCase(withEvent(s.e, event('closed', '2026-03-21'), {
        state: 'closed', closedOn: '2026-03-21', nextDueOn: '2026-03-25',
        deadlines: [
          deadline(1, 'respond', '2026-03-20', '2026-03-19'),
          { stage: 1, kind: 'action', id: 'a1', owner: 'officer-sam', due: '2026-03-25', originalDue: '2026-03-25', metOn: null },
          { stage: 1, kind: 'action', id: 'a2', due: '2026-03-25', originalDue: '2026-03-25', metOn: '2026-03-24' },
        ],
      }));
      assert.ok(closed.ok);
      const due = (await cases.deadlinesDueBy('2026-12-31')).filter((d) => d.caseId === s.e.id);
      assert.deepEqual(due.map((d) => [d.kind, d.id, d.owner, d.due]), [['action', 'a1', 'officer-sam', '2026-03-25']]);
    });

    it('counts all, demo and real cases, keeping the demo marker through saves and purges', async () => {
      assert.deepEqual([await cases.countCases(), await cases.countCases({ demo: true }), await cases.countCases({ demo: false })], [6, 0, 6]);
      const demoOpen = await cases.createCase(newCase({ details: { ...details({ intakeId: 'demo-1-1' }), demo: true } }));
      const demoClosed = await cases.createCase(closedCase('2026-03-14', { details: { ...details({ intakeId: 'demo-1-2' }), demo: true } }));
      // demo: false is a real case, like one without the field.
      const markedReal = await cases.createCase(newCase({ details: { ...details(), demo: false } }));
      assert.equal(demoOpen.details.demo, true);
      assert.deepEqual([await cases.countCases(), await cases.countCases({ demo: true }), await cases.countCases({ demo: false })], [9, 2, 7]);
      // The due list says which deadlines belong to a demo case.
      const due = await cases.deadlinesDueBy('2026-03-09');
      assert.deepEqual(due.map((d) => [d.reference, d.demo]).sort(), [[s.a.reference, false], [demoOpen.reference, true], [markedReal.reference, false]].sort());
      // A save keeps the marker (and the count); a purge takes the case out of it.
      const saved = await cases.saveCase(withEvent(demoOpen, event('acknowledged', '2026-03-03'), { state: 'investigating' }));
      assert.ok(saved.ok);
      assert.equal(saved.record.details.demo, true);
      assert.equal(await cases.countCases({ demo: true }), 2);
      assert.deepEqual(await cases.purgeClosedBefore('2026-03-15', { dryRun: false }), [{ id: demoClosed.id, reference: demoClosed.reference }]);
      assert.deepEqual([await cases.countCases(), await cases.countCases({ demo: true }), await cases.countCases({ demo: false })], [8, 1, 7]);
    });

    it('counts nothing in an empty store', async () => {
      const empty = await factory();
      try {
        assert.deepEqual([await empty.stores.cases.countCases(), await empty.stores.cases.countCases({ demo: true }), await empty.stores.cases.countCases({ demo: false })], [0, 0, 0]);
      } finally {
        await empty.cleanup();
      }
    });

    it('lists cases received between two dates, both inclusive', async () => {
      assert.deepEqual(refs(await cases.casesReceivedBetween('2026-03-01', '2026-03-02')), [s.d.reference, s.a.reference]);
      assert.deepEqual(refs(await cases.casesReceivedBetween('2026-02-27', '2026-03-10')), [s.b.reference, s.d.reference, s.a.reference, s.e.reference]);
      assert.deepEqual(await cases.casesReceivedBetween('2025-01-01', '2025-12-31'), []);
    });

    it('lists cases closed between two dates, both inclusive', async () => {
      assert.deepEqual(refs(await cases.casesClosedBetween('2026-03-15', '2026-03-16')), [s.c.reference, s.f.reference]);
      assert.deepEqual(refs(await cases.casesClosedBetween('2026-03-16', '2026-03-31')), [s.f.reference]);
      const [closed] = await cases.casesClosedBetween('2026-03-15', '2026-03-15');
      assert.deepEqual(closed, s.c);
    });

    it('purges closed and withdrawn cases closed before a date, after a dry run that changes nothing', async () => {
      assert.deepEqual(await cases.purgeClosedBefore('2026-03-16', { dryRun: true }), [{ id: s.c.id, reference: s.c.reference }]);
      assert.deepEqual(await cases.getCase(s.c.id), s.c);
      assert.deepEqual(await cases.purgeClosedBefore('2026-03-16', { dryRun: false }), [{ id: s.c.id, reference: s.c.reference }]);
      assert.equal(await cases.getCase(s.c.id), undefined);
      assert.equal(await cases.getCaseByReference(s.c.reference), undefined);
      assert.deepEqual(await cases.casesClosedBetween('2026-01-01', '2026-12-31').then(refs), [s.f.reference]);
      assert.deepEqual(await cases.purgeClosedBefore('2026-12-31', { dryRun: false }), [{ id: s.f.id, reference: s.f.reference }]);
      // A refused complaint is finished too: purged once past the date, never listed as open.
      const refused = await cases.createCase(closedCase('2026-03-10', { state: 'refused', responsibleOfficerId: AYESHA }));
      assert.ok(!refs(await cases.openCasesByOfficer(AYESHA)).includes(refused.reference));
      assert.deepEqual(await cases.purgeClosedBefore('2026-12-31', { dryRun: false }), [{ id: refused.id, reference: refused.reference }]);
      // Open cases are never purged, whatever the date.
      assert.deepEqual(refs(await cases.casesReceivedBetween('2000-01-01', '2100-01-01')).sort(), [s.a, s.b, s.d, s.e].map((r) => r.reference).sort());
    });

    it('removes a purged case\'s reminder claims and keeps those of other cases', async () => {
      const claims = fixture.stores.reminderClaims;
      const point = { stage: 1, kind: 'respond', point: 'due-minus-2' };
      assert.equal(await claims.claimReminder({ caseId: s.c.id, ...point }, 'bot-a', '2026-03-26T10:00:00.000Z', '2026-03-26T09:00:00.000Z'), true);
      assert.equal(await claims.claimReminder({ caseId: s.a.id, ...point }, 'bot-a', '2026-03-26T10:00:00.000Z', '2026-03-26T09:00:00.000Z'), true);
      await cases.purgeClosedBefore('2026-03-16', { dryRun: true });
      assert.ok(await claims.getReminderClaim({ caseId: s.c.id, ...point }));
      await cases.purgeClosedBefore('2026-03-16', { dryRun: false });
      assert.equal(await claims.getReminderClaim({ caseId: s.c.id, ...point }), undefined);
      assert.ok(await claims.getReminderClaim({ caseId: s.a.id, ...point }));
    });

    it('never reuses a purged case\'s reference', async () => {
      await cases.purgeClosedBefore('2026-12-31', { dryRun: false });
      const next = await cases.createCase(newCase());
      assert.equal(next.reference, 'HC-2026-00007');
    });
  });
}
