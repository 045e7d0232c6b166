import type { CalendarDate } from '../domain/calendar-date';
import type { ReportCaseRecord } from '../store/case-store.port';
import { caseFacts, type ReportContext } from './case-facts';
import { complaintsLogLine } from './complaints-log';
import { CSV_LINE_END } from './csv';
import { addToReport, newReportTally, reportContext, stageReturnOptionsOf, type ReportTally } from './report';

/**
 * What a thread makes of a run of cases read for the `report` command, the same on the main
 * thread and on the reading thread (parallel-report-read.ts): each case is turned into its facts
 * as it is read, counted, and dropped, so no thread holds every case: the report keeps its tally
 * (report.ts), the complaints log its lines of text.
 */
export type ReportReadKind = 'report' | 'log';

/** The report's tally of the run (reportOfTally makes the report from the tallies of every run, added in order). */
export async function tallyOfRun(cases: AsyncIterable<ReportCaseRecord>, given: ReportContext, period: { from: CalendarDate; to: CalendarDate }): Promise<ReportTally> {
  const ctx = reportContext(given);
  const tally = newReportTally(ctx);
  const national = stageReturnOptionsOf(ctx, period);
  for await (const record of cases) addToReport(tally, caseFacts(record, ctx), ctx, period, national);
  return tally;
}

/** The log's lines of the cases received in the period, joined by the CSV line end ('' when none): one string per run. */
export async function logLinesOfRun(cases: AsyncIterable<ReportCaseRecord>, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }): Promise<string> {
  const stageCount = ctx.policy.stages.length;
  const lines: string[] = [];
  for await (const record of cases) {
    const line = complaintsLogLine(caseFacts(record, ctx), stageCount, period);
    if (line !== null) lines.push(line);
  }
  return lines.join(CSV_LINE_END);
}
