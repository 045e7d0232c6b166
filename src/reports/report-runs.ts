import type { CalendarDate } from '../domain/calendar-date';
import type { ReportCaseRecord } from '../store/case-store.port';
import { caseFacts, type CaseFacts, type ReportContext } from './case-facts';
import { complaintsLogRow } from './complaints-log';
import { csvLine } from './csv';
import { inPeriod } from './performance';

/**
 * What a thread makes of a run of cases read for the `report` command, the same on the main
 * thread and on the reading thread (parallel-report-read.ts): each case is turned into its facts
 * as it is read and then dropped, so only the facts, much smaller, are held; the complaints log
 * keeps only its lines of text.
 */
export type ReportReadKind = 'facts' | 'log';

export async function factsOfRun(cases: AsyncIterable<ReportCaseRecord>, ctx: ReportContext): Promise<CaseFacts[]> {
  const facts: CaseFacts[] = [];
  for await (const record of cases) facts.push(caseFacts(record, ctx));
  return facts;
}

/** The log's lines of the cases received in the period, joined by the CSV line end ('' when none): one string per run. */
export async function logLinesOfRun(cases: AsyncIterable<ReportCaseRecord>, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }): Promise<string> {
  const stageCount = ctx.policy.stages.length;
  const lines: string[] = [];
  for await (const record of cases) {
    const f = caseFacts(record, ctx);
    if (inPeriod(f, period.from, period.to)) lines.push(csvLine(complaintsLogRow(f, stageCount)));
  }
  return lines.join('\r\n');
}
