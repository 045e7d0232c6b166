import assert from 'node:assert/strict';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { reportCommand } from '../../src/cli/report-command';
import { loadConfig } from '../../src/config';
import { projectView } from '../../src/domain/case-projection';
import type { NewCaseRecord } from '../../src/domain/case-record';
import { deriveCase } from '../../src/domain/case-timeline';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts, type CaseFacts, type ReportContext } from '../../src/reports/case-facts';
import { complaintsLogHeader, complaintsLogRow } from '../../src/reports/complaints-log';
import { toCsv } from '../../src/reports/csv';
import { renderHtmlReport } from '../../src/reports/html-report';
import { inPeriod } from '../../src/reports/performance';
import { reportFromFacts, reportStoreRange } from '../../src/reports/report';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { demoCases } from './demo-store';

/**
 * The report over the paged read and the stored projection (reportCasesReceivedBetween, and
 * caseFacts without a replay) against the way it was made before: every record read in full
 * and every case replayed through the domain. Over the demo data, under a two-stage and a
 * three-stage policy, with some cases stored under another policy (which are replayed).
 */
const TODAY = '2026-11-29';
const PERIOD = { from: '2026-01-01', to: '2026-09-30' };

/** The old way: every record in full, every case replayed. */
async function replayedFacts(stores: Stores, ctx: ReportContext): Promise<CaseFacts[]> {
  const range = reportStoreRange(PERIOD);
  return (await stores.cases.casesReceivedBetween(range.from, range.to)).map((r) => caseFacts(r, ctx, { replay: true }));
}

async function streamedFacts(stores: Stores, ctx: ReportContext): Promise<CaseFacts[]> {
  const range = reportStoreRange(PERIOD);
  const out: CaseFacts[] = [];
  for await (const r of stores.cases.reportCasesReceivedBetween(range.from, range.to, { pageSize: 37 })) out.push(caseFacts(r, ctx));
  return out;
}

for (const presetId of ['hos-2024', 'city-of-london']) {
  describe(`the streamed report is the replayed report (${presetId} demo data)`, function () {
    this.timeout(60_000);
    const policy = findPreset(presetId) as Policy;
    const other = findPreset('herefordshire-2021') as Policy;
    const ctx: ReportContext = { policy, calendar: calendarForPolicy(policy), today: TODAY };
    let dataDir: string;
    let stores: Stores;
    let cases: NewCaseRecord[];

    before(async () => {
      dataDir = makeTempDir('streamed-report');
      stores = await createStores({ kind: 'sqlite', dataDir });
      cases = demoCases(policy, 600, 5, TODAY);
      await stores.cases.createCases(cases);
      // Cases logged under an earlier policy: their stored view is not the report policy's, so both ways replay them.
      await stores.cases.createCases(demoCases(other, 40, 11, TODAY));
    });
    after(async () => {
      await stores.close();
      removeTempDir(dataDir);
    });

    it('stores each demo case with the view the domain derives from its events', () => {
      for (const c of cases) {
        const derived = deriveCase(c.events, { policy, calendar: calendarForPolicy(policy) });
        assert.ok(derived.ok);
        const view = projectView(derived.view);
        assert.deepEqual({ state: c.state, stage: c.stage, deadlines: c.deadlines }, { state: view.state, stage: view.stage, deadlines: view.deadlines });
      }
    });

    it('gives the same facts, figures, HTML and log', async () => {
      const before = await replayedFacts(stores, ctx);
      const now = await streamedFacts(stores, ctx);
      assert.ok(now.length > 500, 'every case received up to the period\'s end');
      assert.deepEqual(now, before);
      const options = { ...PERIOD, homes: 12_000 };
      const old = reportFromFacts(before, ctx, options);
      assert.ok(old.figures.casesReceived > 100 && old.figures.remedies.promised > 0, 'the period has cases and remedies to count');
      assert.deepEqual(reportFromFacts(now, ctx, options), old);
      assert.equal(renderHtmlReport(reportFromFacts(now, ctx, options)), renderHtmlReport(old));
    });

    it('the report command gives what the old way gave, in every format', async () => {
      const config = loadConfig({ DATA_DIR: dataDir, COMPLAINT_POLICY: presetId });
      const before = await replayedFacts(stores, ctx);
      const stageCount = policy.stages.length;
      const csv = toCsv(complaintsLogHeader(stageCount), before.filter((f) => inPeriod(f, PERIOD.from, PERIOD.to)).map((f) => complaintsLogRow(f, stageCount)));
      const args = { ...PERIOD, homes: '12000' };
      assert.equal((await reportCommand(config, { ...args, format: 'csv' }, TODAY)).text, csv);
      assert.deepEqual((await reportCommand(config, { ...args, format: 'json' }, TODAY)).stdout, reportFromFacts(before, ctx, { ...PERIOD, homes: 12_000 }));
      assert.equal((await reportCommand(config, { ...args, format: 'html' }, TODAY)).text, renderHtmlReport(reportFromFacts(before, ctx, { ...PERIOD, homes: 12_000 })));
    });
  });
}
