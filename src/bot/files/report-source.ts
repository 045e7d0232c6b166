import type { CaseContext } from '../../cases/case-context';
import { londonDateOf } from '../../domain/calendar-date';
import { REPORT_FILE_TITLES, REPORT_FILE_WORDS } from '../../reports/report-files';
import { readReportFiles } from '../../reports/report-files-read';
import type { CaseStore } from '../../store/case-store.port';
import { canSeeReports } from '../../domain/report-access';
import { findPerson } from '../../domain/directory';
import type { FileSource } from './offered-file';

/**
 * The report's two files (the HTML report and the complaints log CSV), for those who may see
 * reports, each made for the person it was offered to: the figures are the whole landlord's,
 * the rows that name a case only of the cases they may see.
 */
export function reportSource(cases: CaseStore, ctx: CaseContext): FileSource<'report'> {
  return {
    words: (s) => `${REPORT_FILE_WORDS[s.kind]} for ${s.period.label}`,
    title: (s) => REPORT_FILE_TITLES[s.kind],
    description: (s) => (s.kind === 'report-html'
      ? `Complaints report, ${s.period.label}: figures, charts, breakdowns and learning. Opens in a web browser.`
      : `Complaints log, ${s.period.label}: one row per case received, for a spreadsheet.`),
    again: 'Type "report" and the period again for the files.',
    mayHave: (person, s) => Promise.resolve(canSeeReports(person) && s.by === person.id),
    async render(s) {
      const person = findPerson(ctx.directory, s.by);
      if (!person) return null;
      // Read a page at a time, holding only this file's rows (report-files-read.ts); earlier complaints' remedies and orders count in this period too.
      const today = londonDateOf(ctx.now());
      const { files: [file] } = await readReportFiles(cases, person, { policy: ctx.policy, calendar: ctx.calendar, directory: ctx.directory, today }, s.period, { figures: false, files: [s.kind] });
      return file ?? null;
    },
  };
}
