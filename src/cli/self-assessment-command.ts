import { readFileSync } from 'node:fs';
import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import { checkPolicy } from '../domain/policy-checker';
import type { Policy } from '../domain/policy';
import type { AppConfig } from '../config';
import { renderDocumentDocx } from '../documents/docx/document-docx';
import { renderDocumentHtml } from '../reports/document-html';
import type { ReportDocument } from '../reports/document-model';
import { ombudsmanFiguresOf, remedyFiguresOf } from '../reports/follow-up-figures';
import { codeYearFiguresOf } from '../reports/self-assessment/code-year-figures';
import { parseEvidence, type LandlordEvidence } from '../reports/self-assessment/evidence-file';
import { buildSelfAssessment, type Departure, type SelfAssessment } from '../reports/self-assessment/self-assessment';
import { selfAssessmentDocument } from '../reports/self-assessment/self-assessment-document';
import { UsageError } from './cli-io';
import { loadCodeYear, parseYear, type CodeYear } from './code-year';
import type { CliResult } from './report-command';

export const DOCUMENT_FORMATS = ['html', 'docx', 'json'] as const;

export interface SelfAssessmentArgs { year: string | undefined; format: string | undefined; evidence: string | undefined }

/** The landlord's evidence file, read and checked; a problem is a message naming the provision. */
export function readEvidence(path: string | undefined): { ok: true; evidence: LandlordEvidence } | { ok: false; message: string } {
  if (path === undefined) return { ok: true, evidence: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `Cannot read the evidence file ${path}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = parseEvidence(text);
  return parsed.ok ? parsed : { ok: false, message: `The evidence file ${path} is not usable:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}` };
}

/** Builds the self-assessment for a loaded year; the annual report uses it too. */
export function assessYear(year: CodeYear, evidence: LandlordEvidence): { ok: true; assessment: SelfAssessment } | { ok: false; message: string } {
  const { core, period, ctx, tally } = year;
  const model = (core.policy as { modelProcedure?: string }).modelProcedure ?? 'hos-code-2024';
  if (model !== 'hos-code-2024') {
    return { ok: false, message: `The self-assessment is against the Housing Ombudsman's Complaint Handling Code; the policy ${core.policy.id} follows another nation's model procedure (${model}).` };
  }
  const built = buildSelfAssessment({
    landlordName: core.letters.landlord.name,
    policy: { id: core.policy.id, name: core.policy.name },
    year: { from: period.from, to: period.to, label: period.label },
    generatedOn: ctx.today,
    departures: codeDepartures(core.policy),
    figures: codeYearFiguresOf(tally.code),
    remedies: remedyFiguresOf(tally.report.remedies),
    ombudsman: ombudsmanFiguresOf(tally.report.ombudsman),
    evidence,
  });
  return built.ok ? built : { ok: false, message: `The evidence file contradicts the policy check:\n${built.errors.map((e) => `  - ${e}`).join('\n')}` };
}

/** The policy checker's departures from the Code, in the self-assessment's shape. */
function codeDepartures(policy: Policy): Departure[] {
  return checkPolicy(policy).map((d) => ({ code: d.code, where: d.where, policy: d.policy, rule: d.codeRule }));
}

/** A document as the chosen format: HTML text or Word bytes. */
export function documentResult(doc: ReportDocument, format: string, footer: string): CliResult {
  if (format === 'docx') return { exitCode: 0, bytes: renderDocumentDocx(doc, footer) };
  return { exitCode: 0, text: renderDocumentHtml(doc, footer) };
}

export function parseFormat(command: string, format: string | undefined): (typeof DOCUMENT_FORMATS)[number] {
  const f = format ?? 'html';
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`${command} --format must be html, docx or json.`);
  return f as (typeof DOCUMENT_FORMATS)[number];
}

/**
 * `complaints self-assessment --year 2026 --format html|docx|json [--evidence file.json]`:
 * the Code's self-assessment, filled in from the policy check and the year's figures, with the
 * landlord's own evidence. Exit 2 when the evidence file is unusable, naming the provision.
 */
export async function selfAssessmentCommand(config: AppConfig, args: SelfAssessmentArgs, today: CalendarDate = londonDateOf(new Date())): Promise<CliResult> {
  const period = parseYear('self-assessment', args.year);
  const format = parseFormat('self-assessment', args.format);
  const evidence = readEvidence(args.evidence);
  if (!evidence.ok) return { exitCode: 2, stderr: evidence.message };
  const year = await loadCodeYear(config, period, today);
  try {
    const assessed = assessYear(year, evidence.evidence);
    if (!assessed.ok) return { exitCode: 2, stderr: assessed.message };
    if (format === 'json') return { exitCode: 0, stdout: assessed.assessment };
    return documentResult(selfAssessmentDocument(assessed.assessment), format, `${assessed.assessment.landlordName} · Complaint Handling Code self-assessment, ${period.label}`);
  } finally {
    await year.core.close();
  }
}
