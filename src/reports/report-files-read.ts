import type { CalendarDate } from '../domain/calendar-date';
import { maySeeCaseRead, seesEveryCase } from '../domain/case-access';
import type { TimelineContext } from '../domain/case-timeline';
import type { Directory, DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';
import { caseFacts, type ReportContext } from './case-facts';
import { complaintsLogHeader, complaintsLogLine } from './complaints-log';
import { csvFromLines, csvLine } from './csv';
import { renderHtmlReport } from './html-report';
import { inPeriod, refusalReasonsOf, type PerformanceFigures } from './performance';
import { addToReport, newReportTally, reportContext, reportOfTally, reportStoreRange, stageReturnOptionsOf, type ReportTally } from './report';
import { csvReportFile, htmlReportFile, reportRowsOf, type ReportFile, type ReportFileKind } from './report-files';

/**
 * The Teams `report <period>` command's figures and files, from one read of the store a page at
 * a time (reportCasesReceivedBetween), as the admin command line's `report` reads it: each case is
 * turned into its facts, counted into the report's tally (report.ts) and dropped. What is held is
 * what is output: the tally, and the rows of the cases the person may see (the CSV's lines, the
 * references the HTML's per-case parts may name, the reasons of the refusals they may see).
 *
 * Who may see a case is asked as each case is read (maySeeCaseRead: the same rule as
 * casesVisibleTo, from the case's view and who logged it, which the report read keeps), of the
 * cases a file could name (received in the period, or at the Ombudsman) and only for a person who
 * does not see every case; the complaints team and the PIM need no asking. No case is read twice.
 */
export interface ReportFilesContext extends ReportContext, TimelineContext { directory: Directory }

export interface ReportFilesWanted {
  /** The summary card's figures. */
  figures: boolean;
  files: readonly ReportFileKind[];
}

export interface ReportFilesRead {
  /** Null when not asked for. */
  figures: PerformanceFigures | null;
  /** In the order asked for. */
  files: ReportFile[];
}

interface ReportFilesReadOptions {
  /** Cases in each page read from the store (its default when absent). */
  pageSize?: number;
}

type ReportCases = Pick<CaseStore, 'reportCasesReceivedBetween'>;
type Period = { from: CalendarDate; to: CalendarDate };

/** With the figures asked for, they are there. */
export async function readReportFiles(
  cases: ReportCases, person: DirectoryPerson, given: ReportFilesContext, period: Period, wanted: ReportFilesWanted & { figures: true }, options?: ReportFilesReadOptions,
): Promise<ReportFilesRead & { figures: PerformanceFigures }>;
export async function readReportFiles(
  cases: ReportCases, person: DirectoryPerson, given: ReportFilesContext, period: Period, wanted: ReportFilesWanted, options?: ReportFilesReadOptions,
): Promise<ReportFilesRead>;
export async function readReportFiles(
  cases: ReportCases, person: DirectoryPerson, given: ReportFilesContext, period: Period, wanted: ReportFilesWanted, options: ReportFilesReadOptions = {},
): Promise<ReportFilesRead> {
  const ctx = reportContext(given);
  const html = wanted.files.includes('report-html');
  const csv = wanted.files.includes('log-csv');
  // The log alone needs no tally: the figures and the HTML report do.
  const tally: ReportTally | null = wanted.figures || html ? newReportTally(ctx) : null;
  const national = stageReturnOptionsOf(ctx, period);
  const everyCase = seesEveryCase(person);
  const lines: string[] = [];
  const shown = new Set<string>();
  // The reasons of the refusals they may see, counted: the HTML lists them, and counts the others without their words.
  const shownRefusals = new Map<string, number>();

  const range = reportStoreRange(period);
  const stageCount = ctx.policy.stages.length;
  // The memo calendar (reportContext) replays as the domain's calendar does, from tables.
  const access = { ...ctx, directory: given.directory };
  for await (const record of cases.reportCasesReceivedBetween(range.from, range.to, options.pageSize ? { pageSize: options.pageSize } : {})) {
    const f = caseFacts(record, ctx);
    // The row the report lists among its cases at the Ombudsman, if any: the HTML names it.
    const atOmbudsman = tally ? addToReport(tally, f, ctx, period, national) : null;
    if (wanted.files.length === 0) continue;
    const received = inPeriod(f, period.from, period.to);
    // Named in the HTML report: its lessons and stage 3 items (received in the period), its cases at the Ombudsman (any).
    const named = received || (html && atOmbudsman !== null);
    if (!named) continue;
    if (!everyCase && !maySeeCaseRead(record, person, access)) continue;
    shown.add(record.reference);
    // The log's line, if the case is one it lists (received in the period).
    const line = csv ? complaintsLogLine(f, stageCount, period) : null;
    if (line !== null) lines.push(line);
    if (html && received && f.refusal) shownRefusals.set(f.refusal.reason, (shownRefusals.get(f.refusal.reason) ?? 0) + 1);
  }

  const report = tally && reportOfTally(tally, ctx, { from: period.from, to: period.to, homes: null });
  const files = wanted.files.map((kind): ReportFile => {
    if (kind === 'log-csv') return csvReportFile(period, csvFromLines([csvLine(complaintsLogHeader(stageCount)), ...lines]));
    if (!report) throw new Error('The HTML report needs the tally');
    return htmlReportFile(period, renderHtmlReport(reportRowsOf(report, shown, refusalReasonsOf(shownRefusals))));
  });
  return { figures: wanted.figures && report ? report.figures : null, files };
}
