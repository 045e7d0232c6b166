import { compareDates, type CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { FINDING_LABELS } from './follow-up-figures';
import { inPeriod } from './performance';
import { caseFacts, type CaseFacts, type DeadlineFacts, type ReportContext, type StageFacts } from './case-facts';
import { csvFromLines, csvLine, type CsvValue } from './csv';

/**
 * The Complaints Log (seed 000: kept by the PIM): one row per case, with each formal stage's
 * dates, deadlines and whether each was met in time, extensions, pauses, the outcome, the
 * remedy and the lessons learned. Columns for stage 3 appear only when the policy has one.
 * After the response: the remedies and actions promised and not yet done (how many, and the
 * earliest due date), and the Ombudsman stage (reference, date referred, findings, orders not
 * yet complied with and the earliest due), whatever the case's state.
 * The last column, "Demo case", says yes for an invented case (`complaints demo`, the
 * `npm run dev` demo case); it is last so that the columns before it keep their places.
 */
export function complaintsLogHeader(stageCount: number): string[] {
  const header = ['Reference', 'State', 'Current stage', 'Category', 'Service area', 'Estate', 'Responsible officer', 'Date received', 'Informal stage', 'Refused', 'Refusal reason'];
  for (let s = 1; s <= stageCount; s++) {
    header.push(
      `Stage ${s} received`, `Stage ${s} acknowledged`, `Stage ${s} acknowledgement due`, `Stage ${s} acknowledged on time`,
      `Stage ${s} responded`, `Stage ${s} response due`, `Stage ${s} responded on time`,
      `Stage ${s} extensions`, `Stage ${s} extension working days`, `Stage ${s} outcome`,
    );
  }
  header.push(
    'Pauses', 'Paused working days', 'Final outcome', 'Remedy', 'Lessons learned', 'Date closed',
    'Actions outstanding', 'Earliest action due', 'Ombudsman reference', 'Ombudsman referred', 'Ombudsman findings',
    'Ombudsman orders outstanding', 'Earliest order due', 'Demo case',
  );
  return header;
}

function deadlineCells(d: DeadlineFacts | null): CsvValue[] {
  return d ? [d.due, d.onTime] : ['', ''];
}

function stageCells(s: StageFacts | undefined): CsvValue[] {
  if (!s) return ['', '', '', '', '', '', '', '', '', ''];
  const [ackDue, ackOnTime] = deadlineCells(s.acknowledge);
  const [respDue, respOnTime] = deadlineCells(s.respond);
  return [s.receivedOn, s.acknowledgedOn, ackDue, ackOnTime, s.respondedOn, respDue, respOnTime, s.extensions, s.extensionDays, s.outcome];
}

export function complaintsLogRow(f: CaseFacts, stageCount: number): CsvValue[] {
  const responded = f.stages.filter((s) => s.outcome !== null);
  const last = responded.at(-1);
  const join = (pick: (s: StageFacts) => string) => responded.filter((s) => pick(s).trim()).map((s) => `Stage ${s.stage}: ${pick(s).trim()}`).join('\n');
  const row: CsvValue[] = [
    f.reference, f.state, f.stage, f.category, f.serviceArea, f.estate, f.officerId, f.receivedOn, f.informal ? 'yes' : 'no',
    f.refusal ? 'yes' : 'no', f.refusal?.reason ?? '',
  ];
  for (let s = 1; s <= stageCount; s++) row.push(...stageCells(f.stages.find((x) => x.stage === s)));
  const actions = f.actions.filter((a) => a.doneOn === null);
  const orders = f.ombudsman?.orders.filter((o) => o.doneOn === null) ?? [];
  const earliest = (items: ReadonlyArray<{ due: CalendarDate }>): CalendarDate | null => items.map((i) => i.due).sort(compareDates)[0] ?? null;
  row.push(
    f.pauses, f.pausedWorkingDays, last?.outcome ?? '', join((s) => s.remedy), join((s) => s.lessons), f.closedOn,
    actions.length, earliest(actions), f.ombudsman?.reference ?? '', f.ombudsman?.referredOn ?? '',
    f.ombudsman?.findings.map((x) => FINDING_LABELS[x.finding]).join('; ') ?? '', f.ombudsman ? orders.length : '', earliest(orders),
    f.demo ? 'yes' : 'no',
  );
  return row;
}

/**
 * A case's line of the log (without its line end), or null when a period is given and the case
 * was not first received in it: the one rule for what the log lists, however it is written.
 */
export function complaintsLogLine(f: CaseFacts, stageCount: number, period?: { from: CalendarDate; to: CalendarDate }): string | null {
  return !period || inPeriod(f, period.from, period.to) ? csvLine(complaintsLogRow(f, stageCount)) : null;
}

/**
 * The log of the cases given, or, with a period, of those among them first received in it. The
 * whole-list form, kept as a reference for tests: the bot writes the log a line at a time as it
 * reads the store (complaintsLogLine, in report-files-read.ts and report-runs.ts).
 */
export function complaintsLogCsv(records: readonly CaseRecord[], ctx: ReportContext, period?: { from: CalendarDate; to: CalendarDate }): string {
  const stageCount = ctx.policy.stages.length;
  const lines: string[] = [];
  for (const record of records) {
    const line = complaintsLogLine(caseFacts(record, ctx), stageCount, period);
    if (line !== null) lines.push(line);
  }
  return csvFromLines([csvLine(complaintsLogHeader(stageCount)), ...lines]);
}
