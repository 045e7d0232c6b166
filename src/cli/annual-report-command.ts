import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { modelProcedureOf } from '../domain/model-procedures';
import type { Policy } from '../domain/policy';
import { annualReportDocument } from '../reports/annual-report/annual-report-document';
import { frontDoorFigures } from '../reports/front-door';
import { countsTsms, tsmAreEnglands } from '../reports/national-measures';
import type { Period } from '../reports/periods';
import { reportOfTally } from '../reports/report';
import { codeYearFiguresOf } from '../reports/self-assessment/code-year-figures';
import { tsmFiguresOf } from '../reports/tsm';
import { loadCodeYear, parseYear } from './code-year';
import type { CliResult } from './report-command';
import { assessYear, documentResult, parseFormat, readEvidence } from './self-assessment-command';

/** Why there is no annual report under a Scottish or Welsh policy, and the command that gives the year's figures. */
export function annualReportIsEnglands(policy: Policy, period: Period): string {
  return `The annual complaints performance and service improvement report is the one England's Complaint Handling Code asks for (8.1, 8.2), with the Code's self-assessment; the policy ${policy.id} follows ${modelProcedureOf(policy.modelProcedure).name}. `
    + `${tsmAreEnglands(policy)} For the year's figures${policy.modelProcedure === 'spso-mchp' ? ', with the Scottish Housing Regulator\'s annual return figures' : ' by stage'}, run: complaints report --from ${period.from} --to ${period.to} --format html`;
}

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
    // England's document (Code 8.1, 8.2, with the Code's self-assessment and the RSH's TSMs): under another model, say what to run instead.
    if (!countsTsms(year.core.policy)) return { exitCode: 2, stderr: annualReportIsEnglands(year.core.policy, period) };
    const assessed = assessYear(year, evidence.evidence);
    if (!assessed.ok) return { exitCode: 2, stderr: assessed.message };
    const { core, ctx, tally } = year;
    const homes = core.letters.landlord.homes ?? null;
    const input = {
      landlordName: core.letters.landlord.name,
      policy: { id: core.policy.id, name: core.policy.name },
      year: { from: period.from, to: period.to, label: period.label },
      generatedOn: today,
      report: reportOfTally(tally.report, ctx, { from: period.from, to: period.to, homes: homes ? homes.lcra + homes.lcho : null }),
      tsm: homes ? tsmFiguresOf(tally.tsm, { from: period.from, to: period.to, label: period.label, homes }) : null,
      codeFigures: codeYearFiguresOf(tally.code),
      assessment: assessed.assessment,
      // The Code's front door: dissatisfaction answered "no" to "do you want to make a complaint?", and why.
      frontDoor: frontDoorFigures(await core.stores.dissatisfaction.receivedBetween(period.from, period.to), period),
    };
    const warning = homes ? undefined : 'The landlord file has no "homes": the report leaves out the Tenant Satisfaction Measures.';
    if (format === 'json') return { exitCode: 0, stdout: { ...input, report: { ...input.report, stage3: undefined } }, ...(warning ? { stderr: warning } : {}) };
    const result = documentResult(annualReportDocument(input), format, `${input.landlordName} · Annual complaints performance and service improvement report, ${period.label}`);
    return warning ? { ...result, stderr: warning } : result;
  } finally {
    await year.core.close();
  }
}
