import type { CalendarDate } from '../domain/calendar-date';
import type { ComplaintsReport } from './report';

/**
 * The two files behind the Teams `report <period>` command, the same as the admin command
 * line's `report --format html` and `--format csv` for the period. The bot makes them from the
 * store a page at a time (report-files-read.ts) with the parts here. (The whole-list form the
 * streamed files are tested against is test support: test/reports/whole-list-reference.ts.)
 */
export type ReportFileKind = 'report-html' | 'log-csv';
export const REPORT_FILE_KINDS: readonly ReportFileKind[] = ['report-html', 'log-csv'];

export interface ReportFile {
  kind: ReportFileKind;
  /** e.g. complaints-report-2026-10-01-to-2026-12-31.html: dates only, no personal data. */
  name: string;
  contentType: string;
  /** Without the dot, as Teams' file cards want it. */
  fileType: 'html' | 'csv';
  body: Buffer;
}

/** A UTF-8 byte-order mark: without it Excel reads a CSV as the local code page and garbles "£" and accents. */
const UTF8_BOM = '\uFEFF';

export function reportFileName(kind: ReportFileKind, period: { from: CalendarDate; to: CalendarDate }): string {
  return kind === 'report-html' ? `complaints-report-${period.from}-to-${period.to}.html` : `complaints-log-${period.from}-to-${period.to}.csv`;
}

/** What each file is: a button's title, and the words in a sentence. */
export const REPORT_FILE_TITLES: Record<ReportFileKind, string> = {
  'report-html': 'Full report (HTML)',
  'log-csv': 'Complaints log (CSV)',
};
export const REPORT_FILE_WORDS: Record<ReportFileKind, string> = {
  'report-html': 'the full report',
  'log-csv': 'the complaints log',
};

/**
 * The report's parts that name cases (the lessons learned with their remedies, the stage 3
 * briefing, the Ombudsman cases) kept to the cases given; its figures untouched. The reasons
 * for refusing complaints are the words typed on each case, which may name the resident: only
 * those of the cases given (`shownRefusals`, from a report over them), the rest counted.
 */
export function reportRowsOf(report: ComplaintsReport, shown: ReadonlySet<string>, shownRefusals: ComplaintsReport['figures']['refused']['reasons']): ComplaintsReport {
  const refused = report.figures.refused;
  const others = refused.count - shownRefusals.reduce((n, r) => n + r.count, 0);
  return {
    ...report,
    figures: { ...report.figures, refused: { ...refused, reasons: [...shownRefusals, ...(others > 0 ? [{ reason: OTHER_REFUSALS, count: others }] : [])] } },
    learning: report.learning.map((g) => ({ ...g, lessons: g.lessons.filter((l) => shown.has(l.reference)) })).filter((g) => g.lessons.length > 0),
    stage3: report.stage3 && report.stage3.filter((i) => shown.has(i.reference)),
    ombudsmanCases: report.ombudsmanCases.filter((c) => shown.has(c.reference)),
  };
}

/** In the refusal reasons of a report made for someone who may not see every case: the reasons they may not see. */
export const OTHER_REFUSALS = 'Cases you may not see (their reasons are not shown)';

/** The complaints log's file from its text, with the byte-order mark in front. */
export function csvReportFile(period: { from: CalendarDate; to: CalendarDate }, csv: string): ReportFile {
  return { kind: 'log-csv', name: reportFileName('log-csv', period), contentType: 'text/csv; charset=utf-8', fileType: 'csv', body: Buffer.from(UTF8_BOM + csv, 'utf8') };
}

export function htmlReportFile(period: { from: CalendarDate; to: CalendarDate }, html: string): ReportFile {
  return { kind: 'report-html', name: reportFileName('report-html', period), contentType: 'text/html; charset=utf-8', fileType: 'html', body: Buffer.from(html, 'utf8') };
}
