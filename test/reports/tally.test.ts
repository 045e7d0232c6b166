import assert from 'node:assert/strict';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts, type CaseFacts, type ReportContext } from '../../src/reports/case-facts';
import { generateDemoCases } from '../../src/reports/demo-cases';
import { renderHtmlReport } from '../../src/reports/html-report';
import { addToReport, newReportTally, reportContext, reportFromFacts, reportOfTally, type ReportTally } from '../../src/reports/report';
import { addTally } from '../../src/reports/tally';
import type { ReportCaseRecord } from '../../src/store/case-store.port';

describe('addTally: two tallies added together', () => {
  it('adds numbers, joins lists in order, adds maps and objects key by key, and keeps the earlier date', () => {
    const a = { n: 2, list: ['a'], byKey: new Map([['x', { n: 1 }]]), oldest: '2026-03-02' as string | null, none: null as string | null, nested: { m: 1 } };
    const b = { n: 3, list: ['b', 'c'], byKey: new Map([['y', { n: 5 }], ['x', { n: 2 }]]), oldest: '2026-01-15' as string | null, none: '2026-02-01' as string | null, nested: { m: 4 } };
    const sum = addTally(a, b);
    assert.equal(sum, a, 'added into the first');
    assert.equal(sum.n, 5);
    assert.deepEqual(sum.list, ['a', 'b', 'c']);
    assert.deepEqual([...sum.byKey.entries()], [['x', { n: 3 }], ['y', { n: 5 }]], 'a key first met later comes after');
    assert.equal(sum.oldest, '2026-01-15');
    assert.equal(sum.none, '2026-02-01');
    assert.deepEqual(sum.nested, { m: 5 });
    assert.equal(addTally({ oldest: '2026-01-15' as string | null }, { oldest: null }).oldest, '2026-01-15');
    assert.throws(() => addTally({ n: 1 } as object, { n: [1] } as object), /different shapes/);
  });
});

/**
 * The report from tallies of runs of cases, added in order (as the report's two threads make
 * it: parallel-report-read.ts), is the report from every case's facts at once, to the byte:
 * under England's Code, a three-stage policy with a stage 3 briefing, and Scotland's and Wales's
 * models (whose national measures are tallied too). Each run's tally goes through a structured
 * clone, as it does between threads.
 */
for (const presetId of ['hos-2024', 'city-of-london', 'spso-model', 'psow-model']) {
  describe(`tallies of runs add up to the report of all the cases (${presetId})`, function () {
    this.timeout(60_000);
    const TODAY = '2026-11-29';
    const policy = findPreset(presetId) as Policy;
    const ctx: ReportContext = { policy, calendar: calendarForPolicy(policy), today: TODAY };
    const facts: CaseFacts[] = [...generateDemoCases({ count: 500, seed: 21, today: TODAY, policy, calendar: ctx.calendar, directory: DEMO_DIRECTORY })]
      .map((c, i) => caseFacts({ ...c, id: `case-${i}`, reference: `HC-2026-${String(i + 1).padStart(5, '0')}` } as unknown as ReportCaseRecord, ctx));

    for (const period of [{ from: '2026-01-01', to: '2026-09-30' }, { from: '2025-06-01', to: '2026-11-29' }]) {
      it(`from ${period.from} to ${period.to}`, () => {
        const options = { ...period, homes: 8_000 };
        const received = facts.filter((f) => f.receivedOn !== null && f.receivedOn <= period.to);
        const whole = reportFromFacts(received, ctx, options);
        assert.ok(whole.figures.casesReceived > 50 && whole.figures.remedies.promised > 0 && whole.learning.length > 0, 'figures to compare');
        // Runs of uneven sizes, one of a single case, each tallied on its own.
        const runs: CaseFacts[][] = [];
        for (let at = 0, size = 1; at < received.length; at += size, size = (size * 7) % 90 + 1) runs.push(received.slice(at, at + size));
        assert.ok(runs.length > 5);
        const rctx = reportContext(ctx);
        const tallies = runs.map((run): ReportTally => {
          const t = newReportTally(rctx);
          for (const f of run) addToReport(t, f, rctx, period);
          return structuredClone(t);
        });
        const [first, ...rest] = tallies as [ReportTally, ...ReportTally[]];
        for (const t of rest) addTally(first, t);
        const added = reportOfTally(first, ctx, options);
        assert.equal(JSON.stringify(added), JSON.stringify(whole));
        assert.equal(renderHtmlReport(added), renderHtmlReport(whole));
      });
    }
  });
}
