import { londonDateOf, isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import type { ReportContext } from '../reports/case-facts';
import { complaintsLogHeader } from '../reports/complaints-log';
import { csvFromLines, csvLine } from '../reports/csv';
import { renderHtmlReport } from '../reports/html-report';
import { readLogLines, readReportTally, type ParallelReadOptions } from '../reports/parallel-report-read';
import { reportOfTally, reportStoreRange } from '../reports/report';
import { UsageError, type CommandResult } from './cli-io';

/** A command result that may be plain text (CSV, HTML) or a file's bytes (a letter) rather than JSON. */
export type CliResult = CommandResult & { text?: string; bytes?: Uint8Array };

export const REPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportArgs { from: string | undefined; to: string | undefined; format: string | undefined; homes: string | undefined }

/**
 * `complaints report --from --to --format csv|json|html [--homes N]`: the complaints log
 * (csv), the figures and learning (json) or the full report (html) for the cases received in
 * the period, from the store the settings select.
 */
export async function reportCommand(config: AppConfig, args: ReportArgs, today: CalendarDate = londonDateOf(new Date()), read: Omit<ParallelReadOptions, 'sqlite'> = {}): Promise<CliResult> {
  const { from, to } = args;
  if (!from || !isCalendarDate(from) || !to || !isCalendarDate(to)) throw new UsageError('report needs --from YYYY-MM-DD and --to YYYY-MM-DD.');
  if (from > to) throw new UsageError(`report: --from ${from} is after --to ${to}.`);
  const format = (args.format ?? 'json') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`report --format must be one of ${REPORT_FORMATS.join(', ')}.`);
  let homes: number | null = null;
  if (args.homes !== undefined) {
    homes = Number(args.homes);
    if (!Number.isInteger(homes) || homes < 1) throw new UsageError('report --homes must be a whole number of homes, at least 1.');
  }
  const core = await buildCore(config);
  const { policy } = core;
  const ctx: ReportContext = { policy, calendar: core.calendar, today };
  try {
    // Every case received up to the end of the period: remedies and the Ombudsman are counted by their own dates.
    const range = reportStoreRange({ from, to });
    // A large embedded store is read on two threads (parallel-report-read.ts); either way each
    // case is turned into its facts as it is read, counted and dropped: the report keeps only its
    // tally (report.ts), the log only its lines of text.
    const options: ParallelReadOptions = { ...read, sqlite: config.store.kind === 'sqlite' ? { dataDir: config.store.dataDir } : null };
    if (format === 'csv') {
      const lines = await readLogLines(core.stores.cases, range, ctx, { from, to }, options);
      return { exitCode: 0, text: csvFromLines([csvLine(complaintsLogHeader(policy.stages.length)), ...lines]) };
    }
    const tally = await readReportTally(core.stores.cases, range, ctx, { from, to }, options);
    const report = reportOfTally(tally, ctx, { from, to, homes });
    if (format === 'json') return { exitCode: 0, stdout: report };
    return { exitCode: 0, text: renderHtmlReport(report) };
  } finally {
    await core.close();
  }
}
