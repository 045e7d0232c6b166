import type { CalendarDate } from '../domain/calendar-date';
import type { CaseFacts, ReportContext } from './case-facts';
import { addToReport, newReportTally, stageReturnOptionsOf, type ReportTally } from './report';
import { addToCodeFigures, newCodeFiguresTally, type CodeFiguresTally } from './self-assessment/code-year-figures';
import { addToTsmTally, newTsmTally, type TsmTally } from './tsm';

/**
 * What the Code-year commands (report --tsm, self-assessment, annual-report) count, a case at a
 * time as the store is read, so that no case's facts outlive its counting: at 100,000 cases the
 * list of every case's facts was most of the process's memory. Each part is a tally (tally.ts),
 * so tallies of runs of cases add up to that of them all; the parts keep only the few cases the
 * documents name (the report's stage 3 briefing, its cases at the Ombudsman, its lessons).
 *
 * Give it every case received up to the year's end (reportStoreRange) and a context with the
 * memo calendar (reportContext): every part counts working days for every response.
 */
export interface YearTally {
  /** The Tenant Satisfaction Measures (tsmFiguresOf). */
  tsm: TsmTally;
  /** The self-assessment's figures against the Code (codeYearFiguresOf). */
  code: CodeFiguresTally;
  /** The year's report (reportOfTally): the annual report's figures, with the remedies and the Ombudsman the self-assessment quotes. */
  report: ReportTally;
}

export function newYearTally(ctx: ReportContext): YearTally {
  return { tsm: newTsmTally(), code: newCodeFiguresTally(), report: newReportTally(ctx) };
}

/** Counts one case. `national`: the report's stage return options, the same for every case, so worked out once by a caller counting many. */
export function addToYear(t: YearTally, f: CaseFacts, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, national = stageReturnOptionsOf(ctx, period)): void {
  addToTsmTally(t.tsm, f, period, ctx.calendar);
  addToCodeFigures(t.code, f, period, ctx.calendar, ctx.today);
  addToReport(t.report, f, ctx, period, national);
}
