import { parentPort, workerData } from 'node:worker_threads';
import { calendarForPolicy } from '../calendar/policy-calendar';
import type { CalendarDate } from '../domain/calendar-date';
import { CaseRecordShapeError } from '../domain/case-record';
import type { Policy } from '../domain/policy';
import type { SqliteOptions } from '../store/sqlite-connection';
import { openReportReader, type ReceivedRange } from '../store/sqlite-report-reads';
import type { ReportContext } from './case-facts';
import type { ReportTally } from './report';
import { logLinesOfRun, tallyOfRun, type ReportReadKind } from './report-runs';

/**
 * The second thread of a report's read (parallel-report-read.ts): it claims runs of cases from
 * the counter it shares with the main thread, reads each through its own connection to the file
 * and the store's own report read (the same shape checks, the same error for a damaged case),
 * and sends back what the main thread would have made of the run: the report's tally of it (a
 * few counts and the lists that name cases, not every case's facts) or the log's lines.
 */
export interface ReportReadWorkerData {
  store: SqliteOptions;
  policy: Policy;
  today: CalendarDate;
  kind: ReportReadKind;
  period: { from: CalendarDate; to: CalendarDate };
  runs: ReceivedRange[];
  /** An Int32Array of one: the next run to claim, shared with the main thread. */
  claims: SharedArrayBuffer;
}

/** A damaged case's error as the store raised it, or any other error's message. */
export type RunFailure = { where: string; problems: string[] } | { message: string };

export type ReportReadReply =
  /** The run's report tally (report.ts: plain data, posted as it is) or its log lines. */
  | { run: number; payload: ReportTally | string }
  | { run: number; failure: RunFailure }
  | { done: true };

function runFailure(err: unknown): RunFailure {
  if (err instanceof CaseRecordShapeError) return { where: err.where, problems: err.problems };
  return { message: err instanceof Error ? err.message : String(err) };
}

/** Pages smaller than the store's default: this thread's heap is capped (parallel-report-read.ts), and a page of large cases must fit. */
const READ_PAGE = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('report-read-worker.ts runs as a worker thread');
  const data = workerData as ReportReadWorkerData;
  const claims = new Int32Array(data.claims);
  const ctx: ReportContext = { policy: data.policy, calendar: calendarForPolicy(data.policy), today: data.today };
  const store = openReportReader(data.store);
  try {
    for (let i = Atomics.add(claims, 0, 1); i < data.runs.length; i = Atomics.add(claims, 0, 1)) {
      const run = data.runs[i] as ReceivedRange;
      const cases = store.reportCasesReceivedBetween(run.from, run.to, { pageSize: READ_PAGE });
      try {
        const payload = data.kind === 'report' ? await tallyOfRun(cases, ctx, data.period) : await logLinesOfRun(cases, ctx, data.period);
        port.postMessage({ run: i, payload } satisfies ReportReadReply);
      } catch (err) {
        // No more runs for either thread: the report fails with the first damaged case in order.
        Atomics.store(claims, 0, data.runs.length);
        port.postMessage({ run: i, failure: runFailure(err) } satisfies ReportReadReply);
        break;
      }
    }
  } finally {
    await store.close();
    port.postMessage({ done: true } satisfies ReportReadReply);
  }
}

if (parentPort) void main();
