import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { CATEGORIES, SERVICE_AREAS } from '../intake/intake-options';
import type { CaseRecord } from '../domain/case-record';
import type { ModelProcedureId } from '../domain/model-procedure';
import type { WorkingDayCalendar } from '../domain/working-days';
import { caseFacts, type CaseFacts, type DeadlineFacts, type ReportContext } from './case-facts';
import { FOLLOW_UP_COUNTING_NOTES, ombudsmanFigures, remedyFigures, type OmbudsmanFigures, type RemedyFigures } from './follow-up-figures';

/**
 * The performance figures for a period, as the board report and the annual complaints
 * performance report under the Housing Ombudsman's Code ask for them. The population is the
 * cases first received in [from, to] (a case escalated after `to` still counts at stage 2).
 * The remedies and the Ombudsman are counted by their own dates over every case received up
 * to `to` (follow-up-figures.ts): give this every such case, not only those received in the period.
 */
export interface Rate {
  /** Deadlines counted: met (in time or late), plus those still unmet past their due date. */
  counted: number;
  /** Of those, met on or before the due date (as extended and moved by pauses). */
  met: number;
  /** met / counted as a percentage with one decimal, or null when nothing was counted. */
  percent: number | null;
}

export interface OutcomeCounts { upheld: number; partlyUpheld: number; notUpheld: number }

export interface StageFigures {
  stage: number;
  name: string;
  received: number;
  perThousandHomes: number | null;
  /** Null when the policy has no acknowledgement step at this stage. */
  acknowledgedInTime: Rate | null;
  respondedInTime: Rate;
  responses: number;
  /** Cases with at least one extension at this stage, and the working days granted in all. */
  casesExtended: number;
  extensionWorkingDays: number;
  outcomes: OutcomeCounts;
  /** Mean working days from the stage's receipt to its response (responses only), one decimal. */
  averageWorkingDaysToRespond: number | null;
}

export interface Breakdown {
  key: string;
  label: string;
  received: number;
  responses: number;
  upheldOrPartly: number;
  respondedInTime: Rate;
}

export interface PerformanceFigures {
  period: { from: CalendarDate; to: CalendarDate };
  generatedOn: CalendarDate;
  /** The ombudsman's name and the model procedure, so every report names the right ombudsman and regulator's measures. */
  policy: { id: string; name: string; ombudsman: string; modelProcedure: ModelProcedureId };
  homes: number | null;
  /** Every case first received in the period, refused ones included. */
  casesReceived: number;
  /** Of casesReceived, the invented ones (`details.demo`); they are counted in every figure. */
  demoCases: number;
  informalOpened: number;
  refused: { count: number; reasons: Array<{ reason: string; count: number }> };
  withdrawn: number;
  stillOpen: number;
  stages: StageFigures[];
  /** Stage n+1 received / stage n responded, for each later stage (stage 2 first). */
  escalation: Array<{ fromStage: number; toStage: number; escalated: number; responded: number; percent: number | null }>;
  byCategory: Breakdown[];
  byServiceArea: Breakdown[];
  monthly: Array<{ month: string; received: number }>;
  /** Remedies promised in responses, followed to completion (by their own dates; see follow-up-figures.ts). */
  remedies: RemedyFigures;
  /** The ombudsman stage (the policy's ombudsman), for the governing body (by its own dates). */
  ombudsman: OmbudsmanFigures;
  /** What is counted, in words, for the reader of the figures. */
  counting: string[];
}

export interface PeriodOptions { from: CalendarDate; to: CalendarDate; homes?: number | null }

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** Counts of the deadlines that count for timeliness (in time or late; not those still running), added one at a time. Plain data: a tally (tally.ts). */
interface RateTally { counted: number; met: number }

const newRate = (): RateTally => ({ counted: 0, met: 0 });

function addRate(r: RateTally, d: DeadlineFacts | null): void {
  if (!d || (d.onTime !== 'yes' && d.onTime !== 'no')) return;
  r.counted++;
  if (d.onTime === 'yes') r.met++;
}

const rateOf = (r: RateTally): Rate => ({ counted: r.counted, met: r.met, percent: pct(r.met, r.counted) });

/** Refusals counted by reason, as the figures list them: each reason with how many, the commonest first. */
export function refusalReasonsOf(reasons: ReadonlyMap<string, number>): PerformanceFigures['refused']['reasons'] {
  return [...reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export function inPeriod(f: CaseFacts, from: CalendarDate, to: CalendarDate): boolean {
  return f.receivedOn !== null && compareDates(f.receivedOn, from) >= 0 && compareDates(f.receivedOn, to) <= 0;
}

/** Added to the counting notes when the population includes invented cases. */
export function demoCasesNote(demoCases: number, casesReceived: number): string {
  return `Demo cases: ${demoCases.toLocaleString('en-GB')} of the ${casesReceived.toLocaleString('en-GB')} cases are invented (complaints demo, or the npm run dev demo case) and are counted in every figure; the complaints log marks them in its "Demo case" column.`;
}

export const COUNTING_NOTES = [
  'Population: cases first received (or refused) in the period; a case escalated after the period still counts at the later stage.',
  'In time: a deadline met on or before its due date, where the due date is the case\'s own, after any extensions and pauses.',
  'Counted for timeliness: deadlines met (in time or late) and deadlines still unmet past their due date on the report date; deadlines still running within time, and those of cases withdrawn before they fell due, are left out.',
  'Working days to respond: from the stage\'s receipt to its response, Monday to Friday less bank holidays and closure days.',
  'Escalation rate: complaints escalated to the next stage divided by responses at the stage before.',
] as const;

function months(from: CalendarDate, to: CalendarDate): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}


/** A group's counts (a category, a service area). */
interface GroupTally { received: number; responses: number; upheldOrPartly: number; inTime: RateTally }

/** One stage's counts. */
interface StageTally {
  received: number;
  acknowledged: RateTally;
  responded: RateTally;
  responses: number;
  /** Summed over the responses, for their mean. */
  workingDaysToRespond: number;
  casesExtended: number;
  extensionWorkingDays: number;
  upheld: number;
  partlyUpheld: number;
  notUpheld: number;
}

/**
 * The counts behind the figures of the cases first received in the period, added a case at a
 * time (addToPeriodTally) and added together (tally.ts); periodFigures makes the figures.
 */
export interface PeriodTally {
  casesReceived: number;
  demoCases: number;
  informalOpened: number;
  refused: number;
  withdrawn: number;
  stillOpen: number;
  /** Refusal reasons, in the order first met. */
  reasons: Map<string, number>;
  stages: Map<number, StageTally>;
  /** Cases received by month (YYYY-MM). */
  monthly: Map<string, number>;
  byCategory: Map<string, GroupTally>;
  byServiceArea: Map<string, GroupTally>;
}

export function newPeriodTally(): PeriodTally {
  return {
    casesReceived: 0, demoCases: 0, informalOpened: 0, refused: 0, withdrawn: 0, stillOpen: 0,
    reasons: new Map(), stages: new Map(), monthly: new Map(), byCategory: new Map(), byServiceArea: new Map(),
  };
}

function addToGroup(groups: Map<string, GroupTally>, key: string, f: CaseFacts): void {
  let g = groups.get(key);
  if (!g) {
    g = { received: 0, responses: 0, upheldOrPartly: 0, inTime: newRate() };
    groups.set(key, g);
  }
  g.received++;
  for (const s of f.stages) {
    if (s.outcome) g.responses++;
    if (s.outcome === 'upheld' || s.outcome === 'partly-upheld') g.upheldOrPartly++;
    addRate(g.inTime, s.respond);
  }
}

/** Counts a case first received in the period (inPeriod). */
export function addToPeriodTally(t: PeriodTally, f: CaseFacts, calendar: WorkingDayCalendar): void {
  t.casesReceived++;
  if (f.demo) t.demoCases++;
  if (f.informal) t.informalOpened++;
  if (f.refusal) {
    t.refused++;
    t.reasons.set(f.refusal.reason, (t.reasons.get(f.refusal.reason) ?? 0) + 1);
  }
  if (f.state === 'withdrawn') t.withdrawn++;
  if (f.state !== 'closed' && f.state !== 'withdrawn' && f.state !== 'refused') t.stillOpen++;
  for (const s of f.stages) {
    let st = t.stages.get(s.stage);
    if (!st) {
      st = { received: 0, acknowledged: newRate(), responded: newRate(), responses: 0, workingDaysToRespond: 0, casesExtended: 0, extensionWorkingDays: 0, upheld: 0, partlyUpheld: 0, notUpheld: 0 };
      t.stages.set(s.stage, st);
    }
    st.received++;
    addRate(st.acknowledged, s.acknowledge);
    addRate(st.responded, s.respond);
    if (s.respondedOn !== null) {
      st.responses++;
      st.workingDaysToRespond += calendar.workingDaysBetween(s.receivedOn, s.respondedOn);
    }
    if (s.extensions > 0) st.casesExtended++;
    st.extensionWorkingDays += s.extensionDays;
    if (s.outcome === 'upheld') st.upheld++;
    else if (s.outcome === 'partly-upheld') st.partlyUpheld++;
    else if (s.outcome === 'not-upheld') st.notUpheld++;
  }
  const month = (f.receivedOn as CalendarDate).slice(0, 7);
  t.monthly.set(month, (t.monthly.get(month) ?? 0) + 1);
  // A refused complaint is not in the breakdowns.
  if (!f.refusal) {
    addToGroup(t.byCategory, f.category || 'unknown', f);
    addToGroup(t.byServiceArea, f.serviceArea || 'unknown', f);
  }
}

function breakdown(groups: ReadonlyMap<string, GroupTally>, labels: Record<string, string>): Breakdown[] {
  return [...groups.entries()].map(([key, g]) => ({
    key, label: labels[key] ?? key, received: g.received, responses: g.responses, upheldOrPartly: g.upheldOrPartly, respondedInTime: rateOf(g.inTime),
  })).sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
}

/** The figures from a period's tally, with the remedies and the Ombudsman (counted by their own dates). */
export function periodFigures(t: PeriodTally, remedies: RemedyFigures, ombudsman: OmbudsmanFigures, ctx: ReportContext, options: PeriodOptions): PerformanceFigures {
  const { from, to } = options;
  const homes = options.homes && options.homes > 0 ? options.homes : null;
  const stages: StageFigures[] = ctx.policy.stages.map((ps) => {
    const st = t.stages.get(ps.number);
    const received = st?.received ?? 0;
    const responses = st?.responses ?? 0;
    return {
      stage: ps.number, name: ps.name, received,
      perThousandHomes: homes ? Math.round((received / homes) * 1000 * 100) / 100 : null,
      acknowledgedInTime: ps.acknowledge ? rateOf(st?.acknowledged ?? newRate()) : null,
      respondedInTime: rateOf(st?.responded ?? newRate()),
      responses,
      casesExtended: st?.casesExtended ?? 0,
      extensionWorkingDays: st?.extensionWorkingDays ?? 0,
      outcomes: { upheld: st?.upheld ?? 0, partlyUpheld: st?.partlyUpheld ?? 0, notUpheld: st?.notUpheld ?? 0 },
      averageWorkingDaysToRespond: responses ? Math.round(((st?.workingDaysToRespond ?? 0) / responses) * 10) / 10 : null,
    };
  });
  const monthly = new Map(months(from, to).map((m) => [m, 0]));
  for (const [m, n] of t.monthly) monthly.set(m, (monthly.get(m) ?? 0) + n);
  return {
    period: { from, to },
    generatedOn: ctx.today,
    policy: { id: ctx.policy.id, name: ctx.policy.name, ombudsman: ctx.policy.ombudsman.name, modelProcedure: ctx.policy.modelProcedure },
    homes,
    casesReceived: t.casesReceived,
    demoCases: t.demoCases,
    informalOpened: t.informalOpened,
    refused: { count: t.refused, reasons: refusalReasonsOf(t.reasons) },
    withdrawn: t.withdrawn,
    stillOpen: t.stillOpen,
    stages,
    escalation: stages.slice(1).map((s, i) => {
      const before = stages[i] as StageFigures;
      return { fromStage: before.stage, toStage: s.stage, escalated: s.received, responded: before.responses, percent: pct(s.received, before.responses) };
    }),
    byCategory: breakdown(t.byCategory, CATEGORIES),
    byServiceArea: breakdown(t.byServiceArea, SERVICE_AREAS),
    monthly: [...monthly.entries()].map(([month, received]) => ({ month, received })),
    remedies,
    ombudsman,
    counting: [...COUNTING_NOTES, ...FOLLOW_UP_COUNTING_NOTES, ...(t.demoCases > 0 ? [demoCasesNote(t.demoCases, t.casesReceived)] : [])],
  };
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToPeriodTally, report.ts). */
export function performanceFromFacts(all: readonly CaseFacts[], ctx: ReportContext, options: PeriodOptions): PerformanceFigures {
  const { from, to } = options;
  const t = newPeriodTally();
  for (const f of all) if (inPeriod(f, from, to)) addToPeriodTally(t, f, ctx.calendar);
  return periodFigures(t, remedyFigures(all, from, to), ombudsmanFigures(all, from, to), ctx, options);
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (readReportFiles). */
export function performanceFigures(records: readonly CaseRecord[], ctx: ReportContext, options: PeriodOptions): PerformanceFigures {
  return performanceFromFacts(records.map((r) => caseFacts(r, ctx)), ctx, options);
}
