import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { annualReportDocument } from '../reports/annual-report/annual-report-document';
import { reportFromFacts } from '../reports/report';
import { codeYearFigures } from '../reports/self-assessment/code-year-figures';
import { tsmFigures } from '../reports/tsm';
import { loadCodeYear, parseYear } from './code-year';
import type { CliResult } from './report-command';
import { assessYear, documentResult, parseFormat, readEvidence } from './self-assessment-command';

export interface AnnualReportArgs { year: string | undefined; format: string | undefined; evidence: string | undefined }

/**
 * `complaints annual-report --year 2026 --format html|docx|json [--evidence file.json]`: the
 * annual complaints performance and service improvement report, with the self-assessment. Without
 * homes in the landlord file the TSMs are left out, and the report says what to add.
 */
export async function annualReportCommand(config: AppConfig, args: AnnualReportArgs, today: CalendarDate = londonDateOf(new Date())): Promise<CliResult> {
  const period = parseYear('annual-report', args.year);
  const format = parseFormat('annual-report', args.format);
  const evidence = readEvidence(args.evidence);
  if (!evidence.ok) return { exitCode: 2, stderr: evidence.message };
  const year = await loadCodeYear(config, period, today);
  try {
    const assessed = assessYear(year, evidence.evidence);
    if (!assessed.ok) return { exitCode: 2, stderr: assessed.message };
    const { core, ctx, facts } = year;
    const homes = core.letters.landlord.homes ?? null;
    const input = {
      landlordName: core.letters.landlord.name,
      policy: { id: core.policy.id, name: core.policy.name },
      year: { from: period.from, to: period.to, label: period.label },
      generatedOn: today,
      report: reportFromFacts(facts, ctx, { from: period.from, to: period.to, homes: homes ? homes.lcra + homes.lcho : null }),
      tsm: homes ? tsmFigures(facts, { from: period.from, to: period.to, label: period.label, homes, calendar: ctx.calendar }) : null,
      codeFigures: codeYearFigures(facts, period, ctx.calendar, today),
      assessment: assessed.assessment,
    };
    const warning = homes ? undefined : 'The landlord file has no "homes": the report leaves out the Tenant Satisfaction Measures.';
    if (format === 'json') return { exitCode: 0, stdout: { ...input, report: { ...input.report, stage3: undefined } }, ...(warning ? { stderr: warning } : {}) };
    const result = documentResult(annualReportDocument(input), format, `${input.landlordName} · Annual complaints performance and service improvement report, ${period.label}`);
    return warning ? { ...result, stderr: warning } : result;
  } finally {
    await year.core.close();
  }
}
