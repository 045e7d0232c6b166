import { availableParallelism } from 'node:os';
import { setImmediate as yieldToMessages } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import type { CalendarDate } from '../domain/calendar-date';
import { CaseRecordShapeError } from '../domain/case-record';
import type { CaseStore } from '../store/case-store.port';
import type { SqliteOptions } from '../store/sqlite-connection';
import { openReportReader, receivedRuns, type ReceivedRange } from '../store/sqlite-report-reads';
import type { ReportContext } from './case-facts';
import type { ReportTally } from './report';
import type { ReportReadReply, ReportReadWorkerData, RunFailure } from './report-read-worker';
import { logLinesOfRun, tallyOfRun, type ReportReadKind } from './report-runs';
import { addTally } from './tally';
import { startWorkerBeside } from '../worker-beside';

/**
 * The `report` command's read of a large embedded store on two threads. Reading a case (the
 * row out of SQLite, JSON.parse, the shape check), working out its facts and counting them is
 * most of a report over 100,000 cases: so the cases are cut into
 * runs of receipt dates (sqlite-report-reads.ts) and the main thread and a worker
 * (report-read-worker.ts) each claim the next run from a shared counter until none is left. A
 * thread slowed by other work on the machine simply claims fewer. The runs' results are put
 * back in order: the report's tallies (tally.ts) are added in the store's order and the log's
 * lines joined in it, so the output is the single read's, byte for byte. Neither thread holds
 * every case's facts, and only a run's tally (its counts and the few lists that name cases) or
 * its lines of text pass between them.
 *
 * A damaged case fails the report as the single read does: both threads stop claiming, and the
 * error is that of the first run in order that failed. A small store, a Cosmos DB store or a
 * machine with one core is read on the main thread alone: a thread costs its start-up.
 */
export interface ParallelReadOptions {
  /** The embedded store's location, or null (Cosmos DB): then the read is the store's own, on this thread. */
  sqlite: SqliteOptions | null;
  /** Fewer cases than this in the range are read on this thread only. */
  minCases?: number;
  /** About this many cases in each run a thread claims. */
  runSize?: number;
  /** False: the worker reads every run and this thread only waits (the tests check the worker's part this way). */
  mainThreadReads?: boolean;
  /** Told how many runs each thread read, when both were used. */
  onRuns?: (runs: { main: number; worker: number }) => void;
}

/** Below this, a second thread's start-up (its modules, its calendar) costs more than it saves. */
const MIN_CASES = 20_000;
const RUN_SIZE = 2_000;

interface ReadOf<T> {
  kind: ReportReadKind;
  /** What this thread makes of a run. */
  local: (cases: ReturnType<CaseStore['reportCasesReceivedBetween']>) => Promise<T>;
}

/** The report's tally (report.ts) of every case received in `range`, for the period: reportOfTally makes the report. */
export async function readReportTally(store: CaseStore, range: ReceivedRange, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, options: ParallelReadOptions): Promise<ReportTally> {
  const runs = await readRuns<ReportTally>(store, range, ctx, period, options, {
    kind: 'report', local: (cases) => tallyOfRun(cases, ctx, period),
  });
  // Added in the store's order: the lists that name cases keep the order of the single read.
  const [first, ...rest] = runs as [ReportTally, ...ReportTally[]];
  for (const run of rest) addTally(first, run);
  return first;
}

/** The complaints log's lines of the cases received in `period` among those in `range`, in the store's order (the header not included). */
export async function readLogLines(store: CaseStore, range: ReceivedRange, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, options: ParallelReadOptions): Promise<string[]> {
  const runs = await readRuns<string>(store, range, ctx, period, options, {
    kind: 'log', local: (cases) => logLinesOfRun(cases, ctx, period),
  });
  return runs.filter((lines) => lines !== '');
}

async function readRuns<T>(store: CaseStore, range: ReceivedRange, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, options: ParallelReadOptions, read: ReadOf<T>): Promise<T[]> {
  const { sqlite } = options;
  // One thread, the store's own read: Cosmos DB, a one-core machine, or a range too small to share.
  const cut = sqlite && availableParallelism() >= 2 ? receivedRuns(sqlite, range, options.runSize ?? RUN_SIZE) : null;
  if (!sqlite || !cut || cut.cases < (options.minCases ?? MIN_CASES) || cut.runs.length < 2) return [await read.local(store.reportCasesReceivedBetween(range.from, range.to))];
  const { runs } = cut;

  // This thread's share is read on a connection of its own too, with a small page cache (openReportReader).
  const reader = openReportReader(sqlite);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const results: T[] = new Array<T>(runs.length);
  const failures = new Map<number, unknown>();
  const stop = (): void => { Atomics.store(claims, 0, runs.length); };
  let worker: Worker;
  try {
    const data: ReportReadWorkerData = { store: sqlite, policy: ctx.policy, today: ctx.today, kind: read.kind, period, runs, claims: claims.buffer };
    worker = startWorkerBeside(__filename, 'report-read-worker', { workerData: data, resourceLimits: READ_THREAD_LIMITS });
  } catch (err) {
    await reader.close();
    throw err;
  }
  const workerDone = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: ReportReadReply) => {
      if ('done' in reply) resolve();
      else if ('payload' in reply) results[reply.run] = reply.payload as T; // what the worker made of the run with `kind`, as `local` would
      else failures.set(reply.run, failureError(reply.failure));
    });
    worker.on('error', (err) => { stop(); reject(err); });
    worker.on('exit', (code) => { stop(); reject(new Error(`The report's reading thread stopped (exit code ${code}) before it finished.`)); });
  });
  // Awaited below, after this thread's runs: until then a failure must not count as unhandled.
  workerDone.catch(() => undefined);
  let mainRuns = 0;
  try {
    for (let i = options.mainThreadReads === false ? runs.length : Atomics.add(claims, 0, 1); i < runs.length; i = Atomics.add(claims, 0, 1)) {
      const run = runs[i] as ReceivedRange;
      try {
        results[i] = await read.local(reader.reportCasesReceivedBetween(run.from, run.to));
        mainRuns++;
      } catch (err) {
        stop();
        failures.set(i, err);
        break;
      }
      // Lets the worker's finished runs in, so that they are parsed as they come, not all held as text.
      await yieldToMessages();
    }
    await workerDone;
  } finally {
    await worker.terminate();
    await reader.close();
  }
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  options.onRuns?.({ main: mainRuns, worker: runs.length - mainRuns });
  return results;
}

function failureError(failure: RunFailure): Error {
  return 'where' in failure ? new CaseRecordShapeError(failure.where, failure.problems) : new Error(failure.message);
}

/**
 * The reading thread's heap: what it allocates (a page of documents, a run's facts) dies within
 * the run, yet with V8's defaults its heap grew to ~90 MB over 100,000 cases, a third of the
 * process's memory. A young generation half the default, and any stated limit on the old one
 * (V8 then sizes the heap to what is live: ~45 MB here), no slower; the limit is far above a
 * page of the largest cases (100 of 1.5 MB, report-read-worker.ts).
 */
const READ_THREAD_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 };

