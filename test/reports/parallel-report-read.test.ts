import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { reportCommand } from '../../src/cli/report-command';
import { loadConfig } from '../../src/config';
import { CaseRecordShapeError } from '../../src/domain/case-record';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts, type CaseFacts, type ReportContext } from '../../src/reports/case-facts';
import { readLogLines, readReportTally } from '../../src/reports/parallel-report-read';
import { reportFromFacts, reportOfTally, reportStoreRange } from '../../src/reports/report';
import { logLinesOfRun } from '../../src/reports/report-runs';
import { createStores } from '../../src/store/create-stores';
import { DEFAULT_SQLITE_FILE } from '../../src/store/sqlite-connection';
import { receivedRuns } from '../../src/store/sqlite-report-reads';
import type { Stores } from '../../src/store/stores';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { demoCases } from './demo-store';

/**
 * The report's read on two threads (parallel-report-read.ts) against the read on one: the same
 * report from the runs' tallies as from every case's facts, the same log, the same output in
 * every format, and a damaged case failing the report with the same error. Small runs, and no minimum number of cases, so that
 * both threads read many runs of a small store.
 */
const TODAY = '2026-11-29';
const PERIOD = { from: '2026-01-01', to: '2026-09-30' };
const RANGE = reportStoreRange(PERIOD);
const BOTH_THREADS = { minCases: 0, runSize: 40 };

/** The single read, as the report was made before: every case's facts, in the store's order. */
async function allFacts(stores: Stores, ctx: ReportContext): Promise<CaseFacts[]> {
  const out: CaseFacts[] = [];
  for await (const r of stores.cases.reportCasesReceivedBetween(RANGE.from, RANGE.to)) out.push(caseFacts(r, ctx));
  return out;
}

describe('the report read on two threads is the read on one (city-of-london demo data)', function () {
  this.timeout(60_000);
  const policy = findPreset('city-of-london') as Policy;
  const ctx: ReportContext = { policy, calendar: calendarForPolicy(policy), today: TODAY };
  let dataDir: string;
  let stores: Stores;

  before(async () => {
    dataDir = makeTempDir('parallel-report');
    stores = await createStores({ kind: 'sqlite', dataDir });
    await stores.cases.createCases(demoCases(policy, 700, 5, TODAY));
    // Cases logged under another policy: both threads replay them under the report's.
    await stores.cases.createCases(demoCases(findPreset('herefordshire-2021') as Policy, 40, 11, TODAY));
  });
  after(async () => {
    await stores.close();
    removeTempDir(dataDir);
  });

  it('cuts the range into runs that tile it, never splitting a date, with every case in one', () => {
    const { cases, runs } = receivedRuns({ dataDir }, RANGE, 40);
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE), { readonly: true });
    const count = db.prepare('SELECT COUNT(*) FROM cases WHERE received_on >= ? AND received_on <= ?').pluck();
    const inRange = count.get(RANGE.from, RANGE.to) as number;
    assert.ok(inRange > 600, `most of the demo cases are received by the period's end: ${inRange}`);
    assert.equal(cases, inRange);
    assert.ok(runs.length > 10, `many runs: ${runs.length}`);
    assert.equal(runs[0]?.from, RANGE.from);
    assert.equal(runs.at(-1)?.to, RANGE.to);
    try {
      let total = 0;
      runs.forEach((run, i) => {
        assert.ok(run.from <= run.to, `run ${i} is a range`);
        const next = runs[i + 1];
        if (next) assert.equal(new Date(`${run.to}T00:00:00Z`).getTime() + 86_400_000, new Date(`${next.from}T00:00:00Z`).getTime(), `run ${i} ends the day before the next begins`);
        total += count.get(run.from, run.to) as number;
      });
      assert.equal(total, inRange);
    } finally {
      db.close();
    }
  });

  it('gives the same report and the same log lines, whichever thread reads which run', async () => {
    const facts = await allFacts(stores, ctx);
    assert.ok(facts.length > 600);
    const options = { ...PERIOD, homes: 12_000 };
    const one = reportFromFacts(facts, ctx, options);
    assert.ok(one.figures.casesReceived > 100 && one.learning.length > 0 && (one.stage3?.length ?? 0) > 0, 'figures, lessons and a stage 3 briefing to compare');
    const lines = await logLinesOfRun(stores.cases.reportCasesReceivedBetween(RANGE.from, RANGE.to), ctx, PERIOD);
    assert.ok(lines.split('\r\n').length > 100, 'the period has cases in the log');
    // The worker alone, then both threads claiming runs as they go.
    for (const mainThreadReads of [false, true]) {
      const used: Array<{ main: number; worker: number }> = [];
      const read = { sqlite: { dataDir }, ...BOTH_THREADS, mainThreadReads, onRuns: (runs: { main: number; worker: number }) => { used.push(runs); } };
      const tally = await readReportTally(stores.cases, RANGE, ctx, PERIOD, read);
      assert.deepEqual(reportOfTally(tally, ctx, options), one);
      assert.equal((await readLogLines(stores.cases, RANGE, ctx, PERIOD, read)).join('\r\n'), lines);
      assert.equal(used.length, 2, 'both reads went through the two-thread path');
      if (!mainThreadReads) assert.deepEqual(used.map((u) => u.main), [0, 0], 'the worker read every run');
    }
  });

  it('the report command gives the same CSV, JSON and HTML on two threads as on one', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, COMPLAINT_POLICY: 'city-of-london' });
    const oneThread = { minCases: Number.POSITIVE_INFINITY };
    for (const format of ['csv', 'json', 'html']) {
      const args = { ...PERIOD, format, homes: '12000' };
      const used: Array<{ main: number; worker: number }> = [];
      const one = await reportCommand(config, args, TODAY, oneThread);
      const two = await reportCommand(config, args, TODAY, { ...BOTH_THREADS, mainThreadReads: false, onRuns: (runs) => { used.push(runs); } });
      assert.equal(two.exitCode, 0);
      assert.deepEqual(two, one, format);
      assert.ok(used.length > 0 && used.every((u) => u.worker > 0), `${format}: the worker read runs (${JSON.stringify(used)})`);
    }
  });
});

describe('a damaged case fails the report read on two threads as on one', function () {
  this.timeout(60_000);
  const policy = findPreset('hos-2024') as Policy;
  const ctx: ReportContext = { policy, calendar: calendarForPolicy(policy), today: TODAY };
  let dataDir: string;
  let stores: Stores;
  let references: string[];

  before(async () => {
    dataDir = makeTempDir('parallel-report-damaged');
    stores = await createStores({ kind: 'sqlite', dataDir });
    await stores.cases.createCases(demoCases(policy, 400, 3, TODAY));
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    try {
      references = db.prepare('SELECT reference FROM cases ORDER BY received_on, reference').pluck().all() as string[];
    } finally {
      db.close();
    }
  });
  after(async () => {
    await stores.close();
    removeTempDir(dataDir);
  });

  /** A hand edit of the stored document, as a person with the file might make. */
  function damage(reference: string): void {
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    try {
      db.prepare(`UPDATE cases SET doc = json_set(doc, '$.state', 'lost') WHERE reference = ?`).run(reference);
    } finally {
      db.close();
    }
  }

  async function failure(read: () => Promise<unknown>): Promise<CaseRecordShapeError> {
    try {
      await read();
    } catch (err) {
      assert.ok(err instanceof CaseRecordShapeError, String(err));
      return err;
    }
    assert.fail('the read should have failed');
  }

  it('names the first damaged case in order, whichever thread read it', async () => {
    const late = references[330] as string;
    const early = references[250] as string;
    damage(late);
    damage(early);
    const one = await failure(() => allFacts(stores, ctx));
    assert.match(one.message, new RegExp(`^Case ${early} in the embedded database is not a valid case: state: not a case state`));
    // Runs of a few cases: either thread may claim the run with the damaged case.
    for (const [runSize, mainThreadReads] of [[5, true], [17, true], [60, true], [17, false]] as const) {
      const two = await failure(() => readReportTally(stores.cases, RANGE, ctx, PERIOD, { sqlite: { dataDir }, minCases: 0, runSize, mainThreadReads }));
      assert.equal(two.message, one.message, `runs of ${runSize}`);
      assert.deepEqual(two.problems, one.problems);
      const log = await failure(() => readLogLines(stores.cases, RANGE, ctx, PERIOD, { sqlite: { dataDir }, minCases: 0, runSize, mainThreadReads }));
      assert.equal(log.message, one.message);
    }
  });
});
