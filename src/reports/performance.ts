import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { CATEGORIES, SERVICE_AREAS } from '../intake/intake-options';
import type { CaseRecord } from '../domain/case-record';
import type { ModelProcedureId } from '../domain/model-procedure';
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

/** Counts of the deadlines that count for timeliness (in time or late; not those still running), added one at a time. */
class RateCount {
  counted = 0;
  met = 0;
  add(d: DeadlineFacts | null): void {
    if (!d || (d.onTime !== 'yes' && d.onTime !== 'no')) return;
    this.counted++;
    if (d.onTime === 'yes') this.met++;
  }
  rate(): Rate {
    return { counted: this.counted, met: this.met, percent: pct(this.met, this.counted) };
  }
}

export function rate(deadlines: readonly (DeadlineFacts | null)[]): Rate {
  const count = new RateCount();
  for (const d of deadlines) count.add(d);
  return count.rate();
}

/** Why the complaints among `facts` were refused, each reason with how many, the commonest first. */
export function refusalReasons(facts: readonly CaseFacts[]): PerformanceFigures['refused']['reasons'] {
  const reasons = new Map<string, number>();
  for (const f of facts) if (f.refusal) reasons.set(f.refusal.reason, (reasons.get(f.refusal.reason) ?? 0) + 1);
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


/** The figures of each group (a category, a service area), in one pass over the cases: no list per group. */
function breakdown(facts: readonly CaseFacts[], keyOf: (f: CaseFacts) => string, labels: Record<string, string>): Breakdown[] {
  const groups = new Map<string, { received: number; responses: number; upheldOrPartly: number; inTime: RateCount }>();
  for (const f of facts) {
    if (f.refusal) continue;
    const key = keyOf(f) || 'unknown';
    let g = groups.get(key);
    if (!g) {
      g = { received: 0, responses: 0, upheldOrPartly: 0, inTime: new RateCount() };
      groups.set(key, g);
    }
    g.received++;
    for (const s of f.stages) {
      if (s.outcome) g.responses++;
      if (s.outcome === 'upheld' || s.outcome === 'partly-upheld') g.upheldOrPartly++;
      g.inTime.add(s.respond);
    }
  }
  return [...groups.entries()].map(([key, g]) => ({
    key, label: labels[key] ?? key, received: g.received, responses: g.responses, upheldOrPartly: g.upheldOrPartly, respondedInTime: g.inTime.rate(),
  })).sort((a, b) => b.received - a.received || a.key.localeCompare(b.key));
}

/** One stage's counts, added a stage at a time (performanceFromFacts). */
interface StageTally {
  received: number;
  acknowledged: RateCount;
  responded: RateCount;
  responses: number;
  /** Summed over the responses, for their mean. */
  workingDaysToRespond: number;
  casesExtended: number;
  extensionWorkingDays: number;
  upheld: number;
  partlyUpheld: number;
  notUpheld: number;
}

export function performanceFromFacts(all: readonly CaseFacts[], ctx: ReportContext, options: PeriodOptions): PerformanceFigures {
  const { from, to } = options;
  const homes = options.homes && options.homes > 0 ? options.homes : null;
  const facts = all.filter((f) => inPeriod(f, from, to));
  const demoCases = facts.filter((f) => f.demo).length;
  // Each stage's figures counted in one pass over the cases' stages, not a list per stage filtered six times.
  const byStage = new Map<number, StageTally>();
  for (const f of facts) {
    for (const s of f.stages) {
      let t = byStage.get(s.stage);
      if (!t) {
        t = { received: 0, acknowledged: new RateCount(), responded: new RateCount(), responses: 0, workingDaysToRespond: 0, casesExtended: 0, extensionWorkingDays: 0, upheld: 0, partlyUpheld: 0, notUpheld: 0 };
        byStage.set(s.stage, t);
      }
      t.received++;
      t.acknowledged.add(s.acknowledge);
      t.responded.add(s.respond);
      if (s.respondedOn !== null) {
        t.responses++;
        t.workingDaysToRespond += ctx.calendar.workingDaysBetween(s.receivedOn, s.respondedOn);
      }
      if (s.extensions > 0) t.casesExtended++;
      t.extensionWorkingDays += s.extensionDays;
      if (s.outcome === 'upheld') t.upheld++;
      else if (s.outcome === 'partly-upheld') t.partlyUpheld++;
      else if (s.outcome === 'not-upheld') t.notUpheld++;
    }
  }
  const stages: StageFigures[] = ctx.policy.stages.map((ps) => {
    const t = byStage.get(ps.number);
    const received = t?.received ?? 0;
    const responses = t?.responses ?? 0;
    return {
      stage: ps.number, name: ps.name, received,
      perThousandHomes: homes ? Math.round((received / homes) * 1000 * 100) / 100 : null,
      acknowledgedInTime: ps.acknowledge ? (t?.acknowledged ?? new RateCount()).rate() : null,
      respondedInTime: (t?.responded ?? new RateCount()).rate(),
      responses,
      casesExtended: t?.casesExtended ?? 0,
      extensionWorkingDays: t?.extensionWorkingDays ?? 0,
      outcomes: { upheld: t?.upheld ?? 0, partlyUpheld: t?.partlyUpheld ?? 0, notUpheld: t?.notUpheld ?? 0 },
      averageWorkingDaysToRespond: responses ? Math.round(((t?.workingDaysToRespond ?? 0) / responses) * 10) / 10 : null,
    };
  });
  const monthly = new Map(months(from, to).map((m) => [m, 0]));
  for (const f of facts) {
    const m = (f.receivedOn as CalendarDate).slice(0, 7);
    monthly.set(m, (monthly.get(m) ?? 0) + 1);
  }
  return {
    period: { from, to },
    generatedOn: ctx.today,
    policy: { id: ctx.policy.id, name: ctx.policy.name, ombudsman: ctx.policy.ombudsman.name, modelProcedure: ctx.policy.modelProcedure },
    homes,
    casesReceived: facts.length,
    demoCases,
    informalOpened: facts.filter((f) => f.informal).length,
    refused: {
      count: facts.filter((f) => f.refusal).length,
      reasons: refusalReasons(facts),
    },
    withdrawn: facts.filter((f) => f.state === 'withdrawn').length,
    stillOpen: facts.filter((f) => f.state !== 'closed' && f.state !== 'withdrawn' && f.state !== 'refused').length,
    stages,
    escalation: stages.slice(1).map((s, i) => {
      const before = stages[i] as StageFigures;
      return { fromStage: before.stage, toStage: s.stage, escalated: s.received, responded: before.responses, percent: pct(s.received, before.responses) };
    }),
    byCategory: breakdown(facts, (f) => f.category, CATEGORIES),
    byServiceArea: breakdown(facts, (f) => f.serviceArea, SERVICE_AREAS),
    monthly: [...monthly.entries()].map(([month, received]) => ({ month, received })),
    remedies: remedyFigures(all, from, to),
    ombudsman: ombudsmanFigures(all, from, to),
    counting: [...COUNTING_NOTES, ...FOLLOW_UP_COUNTING_NOTES, ...(demoCases > 0 ? [demoCasesNote(demoCases, facts.length)] : [])],
  };
}

export function performanceFigures(records: readonly CaseRecord[], ctx: ReportContext, options: PeriodOptions): PerformanceFigures {
  return performanceFromFacts(records.map((r) => caseFacts(r, ctx)), ctx, options);
}
