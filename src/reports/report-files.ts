import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import type { ReportContext } from './case-facts';
import { complaintsLogCsv } from './complaints-log';
import { renderHtmlReport } from './html-report';
import { buildReport } from './report';

/**
 * The two files behind the Teams `report <period>` command, the same as the admin command
 * line's `report --format html` and `--format csv` for the period: records in, bytes out.
 * Give it the cases received up to the period's end (`reportStoreRange`): the log keeps those
 * received in the period, and the report counts remedies and the Ombudsman over them all.
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

export function renderReportFile(kind: ReportFileKind, records: readonly CaseRecord[], ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }): ReportFile {
  const name = reportFileName(kind, period);
  if (kind === 'log-csv') {
    return { kind, name, contentType: 'text/csv; charset=utf-8', fileType: 'csv', body: Buffer.from(UTF8_BOM + complaintsLogCsv(records, ctx, period), 'utf8') };
  }
  const html = renderHtmlReport(buildReport(records, ctx, { from: period.from, to: period.to, homes: null }));
  return { kind, name, contentType: 'text/html; charset=utf-8', fileType: 'html', body: Buffer.from(html, 'utf8') };
}
