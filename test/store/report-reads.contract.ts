import assert from 'node:assert/strict';
import type { CaseRecord, NewCaseRecord } from '../../src/domain/case-record';
import type { CaseStore, ReportCaseRecord } from '../../src/store/case-store.port';
import { StoreError } from '../../src/store/store-errors';
import { details, event, newCase } from '../support/case-fixtures';
import { assertOtherWorkRunsBetweenPages } from '../support/paged-read';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

async function collect(cases: AsyncIterable<ReportCaseRecord>): Promise<ReportCaseRecord[]> {
  const out: ReportCaseRecord[] = [];
  for await (const c of cases) out.push(c);
  return out;
}

/** What a report should read of a full record: everything but the version and the personal details (who logged it is staff's, and kept). */
function asReportRecord(r: CaseRecord): ReportCaseRecord {
  const rest: Partial<CaseRecord> = { ...r };
  delete rest.version;
  const d = r.details;
  return {
    ...(rest as Omit<CaseRecord, 'version'>),
    details: {
      ...(d.demo === undefined ? {} : { demo: d.demo }),
      loggedBy: d.loggedBy,
      complainant: { estate: d.complainant.estate, ...(d.complainant.tenure === undefined ? {} : { tenure: d.complainant.tenure }) },
      complaint: { category: d.complaint.category, serviceArea: d.complaint.serviceArea },
    },
  };
}

/**
 * The CaseStore contract for what reports and loaders use at scale: the paged report read and
 * creating many cases at once; run against every adapter.
 */
export function reportReadsContract(factory: StoreFactory): void {
  describe('CaseStore: the report read, a page at a time, creating many cases, and the size limit', () => {
    let fixture: StoreFixture;
    let cases: CaseStore;
    beforeEach(async () => {
      fixture = await factory();
      cases = fixture.stores.cases;
    });
    afterEach(async () => fixture.cleanup());

    it('creates many cases as createCase would, with consecutive references, readable and indexed', async () => {
      const inputs = ['2026-03-02', '2026-03-03', '2026-03-04'].map((on, i) => newCase({
        receivedOn: on, events: [event('received', on)], details: details({ complainant: { estate: `Estate ${i}` } }),
      }));
      const created = await cases.createCases(inputs);
      assert.deepEqual(created.map((c) => c.reference), ['HC-2026-00001', 'HC-2026-00002', 'HC-2026-00003']);
      for (const [i, c] of created.entries()) {
        const stored = await cases.getCase(c.id);
        assert.equal(stored?.reference, c.reference);
        const input: Partial<NewCaseRecord> = { ...inputs[i] };
        delete input.referenceYear;
        assert.deepEqual({ ...stored, id: undefined, reference: undefined, version: undefined }, { ...input, id: undefined, reference: undefined, version: undefined });
      }
      assert.equal(await cases.countCases(), 3);
      // The running deadlines are indexed as for createCase: every case's acknowledgement is due by 9 March.
      assert.equal((await cases.deadlinesDueBy('2026-03-09')).length, 3);
      // The counter carries on from the batch.
      assert.equal((await cases.createCase(newCase())).reference, 'HC-2026-00004');
      assert.deepEqual(await cases.createCases([]), []);
    });

    it('refuses a batch with an invalid case before writing any of it', async () => {
      await assert.rejects(cases.createCases([newCase(), newCase({ referenceYear: 26 })]), (err: unknown) => err instanceof StoreError && err.code === 'STORE.INVALID_INPUT');
      assert.equal(await cases.countCases(), 0);
    });

    it('reads the same cases as casesReceivedBetween, in the same order, across pages, without personal details', async () => {
      // Seven cases over four days, three on one day, created out of date order.
      const days = ['2026-03-05', '2026-03-02', '2026-03-05', '2026-03-09', '2026-03-05', '2026-03-03', '2026-02-27'];
      for (const on of days) await cases.createCase(newCase({ receivedOn: on, events: [event('received', on)], details: details({ complainant: { tenure: 'shared-ownership' } }) }));
      const full = await cases.casesReceivedBetween('2026-03-02', '2026-03-09');
      assert.equal(full.length, 6);
      for (const pageSize of [1, 2, 3, 6, 500]) {
        const paged = await collect(cases.reportCasesReceivedBetween('2026-03-02', '2026-03-09', { pageSize }));
        assert.deepEqual(paged, full.map(asReportRecord), `page size ${pageSize}`);
      }
      const [first] = await collect(cases.reportCasesReceivedBetween('2026-03-02', '2026-03-02'));
      assert.equal(first?.receivedOn, '2026-03-02');
      assert.equal((first?.details as unknown as { complainant: Record<string, unknown> }).complainant.complainantName, undefined, 'no personal details');
      assert.deepEqual(await collect(cases.reportCasesReceivedBetween('2026-04-01', '2026-04-30')), []);
    });

    it('lets other work run between pages, so a long read does not hold up the bot', async () => {
      for (const on of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) await cases.createCase(newCase({ receivedOn: on, events: [event('received', on)] }));
      await assertOtherWorkRunsBetweenPages(() => cases.reportCasesReceivedBetween('2026-03-01', '2026-03-31', { pageSize: 1 }), 4, (c) => c.receivedOn);
    });

    it('refuses a save that would take a case past the safe size, and keeps the case as it was', async () => {
      const created = await cases.createCase(newCase());
      const big = { ...created, events: [...created.events, event('note', '2026-03-03', { why: `Phone: ${'x'.repeat(1_600_000)}` } as never)] };
      await assert.rejects(cases.saveCase(big), (err: unknown) => err instanceof StoreError && err.code === 'STORE.INVALID_INPUT' && /^Case HC-2026-00001 is too large to save/.test(err.message));
      assert.deepEqual(await cases.getCase(created.id), created);
      await assert.rejects(cases.createCases([{ ...newCase(), events: big.events }]), (err: unknown) => err instanceof StoreError && /too large to save/.test(err.message));
      assert.equal(await cases.countCases(), 1);
    });

    it('keeps the demo marker and a missing tenure as they are stored', async () => {
      const demo = details();
      demo.demo = true;
      await cases.createCases([newCase({ details: demo }), newCase()]);
      const read = await collect(cases.reportCasesReceivedBetween('2026-01-01', '2026-12-31'));
      assert.deepEqual(read.map((r) => r.details), [
        { demo: true, loggedBy: 'alex.morgan', complainant: { estate: 'Larkspur' }, complaint: { category: 'repairs', serviceArea: 'housing-management' } },
        { loggedBy: 'alex.morgan', complainant: { estate: 'Larkspur' }, complaint: { category: 'repairs', serviceArea: 'housing-management' } },
      ]);
    });
  });
}
