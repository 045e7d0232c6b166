import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { OMBUDSMAN_FINDINGS, REMEDY_KINDS, type OmbudsmanFindingKind, type RemedyKind } from '../domain/case-events';
import { CATEGORIES, SERVICE_AREAS } from '../intake/intake-options';
import type { CaseFacts, FollowUpFacts, OmbudsmanFacts, OmbudsmanRequestFacts } from './case-facts';
import type { Rate } from './performance';

/**
 * After the response: the remedies promised in responses, followed to completion, and the
 * Housing Ombudsman stage (for the governing body, Code 9.7). Unlike the other figures, these
 * are counted by the date of the thing itself (promised, due, paid, referred, determined), not
 * by when the complaint was received: the population is every case received up to the end of
 * the period, so a remedy due this year on a complaint made last year is counted this year.
 *
 * - Due in the period (on time, late): items whose due date now (after any new date) is in the
 *   period. On time: done on or before it. Late: done after it, or not done and past it on the
 *   report date. Not yet due on the report date: left out of the rate.
 * - Outstanding now: not done on the report date, whatever the due date and the case's state
 *   (overdue: past due; not yet due).
 * - Compensation offered: compensation promised in responses sent in the period; paid:
 *   compensation actions done in the period.
 */
export interface FollowUpCounts {
  /** Due in the period (the due date now, after any new date). */
  due: number;
  doneOnTime: number;
  doneLate: number;
  /** Due in the period, not done, and past due on the report date. */
  notDone: number;
  /** Due in the period but after the report date, not done: not counted in the rate. */
  notYetDue: number;
  /** doneOnTime of (doneOnTime + doneLate + notDone). */
  onTime: Rate;
  /** Of those due, how many were given a new date after they were promised. */
  redated: number;
}

export interface Outstanding {
  /** Not done and past due on the report date, whatever the case's state. */
  overdue: number;
  /** Not done, due on or after the report date. */
  notYetDue: number;
  /** The earliest due date among the overdue, or null. */
  oldestOverdue: CalendarDate | null;
  /** Cases with at least one overdue. */
  casesOverdue: number;
}

export interface Money { count: number; pence: number; pounds: number }

export interface RemedyBreakdown {
  key: string;
  label: string;
  promised: number;
  due: number;
  doneOnTime: number;
  /** Done late, or not done past due (of those due in the period). */
  late: number;
  overdueNow: number;
  compensationOffered: Money;
  compensationPaid: Money;
}

export interface RemedyFigures {
  /** Remedies and actions promised in responses sent in the period. */
  promised: number;
  byKind: Array<{ kind: RemedyKind; label: string; promised: number }>;
  dueInPeriod: FollowUpCounts;
  outstandingNow: Outstanding;
  compensationOffered: Money;
  compensationPaid: Money;
  byCategory: RemedyBreakdown[];
  byServiceArea: RemedyBreakdown[];
}

export interface OmbudsmanFigures {
  /** Cases referred to the Ombudsman in the period. */
  referred: number;
  /** Determinations made in the period. */
  determined: number;
  /** Each finding of the determinations made in the period (a determination may have several); all four, always. */
  findings: Array<{ finding: OmbudsmanFindingKind; label: string; count: number }>;
  /** Orders and recommendations made in the determinations of the period. */
  ordersMade: number;
  compensationOrdered: Money;
  /** Orders due in the period: complied with on time, late, not yet. */
  orders: FollowUpCounts;
  ordersOutstanding: Outstanding;
  /** Compensation orders complied with (paid) in the period. */
  compensationPaid: Money;
  /** The Ombudsman's requests for information due in the period: answered on time, late, not yet. */
  information: FollowUpCounts;
  informationOutstanding: Outstanding;
}

/** One case at the Ombudsman, for the governing body's list. */
export interface OmbudsmanCase {
  reference: string;
  category: string;
  referredOn: CalendarDate;
  determinedOn: CalendarDate | null;
  findings: string[];
  orders: number;
  ordersComplied: number;
  ordersOverdue: number;
  /** The earliest due date of an order not yet complied with. */
  nextOrderDue: CalendarDate | null;
  demo: boolean;
}

export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  repair: 'Repair or works', apology: 'Apology', compensation: 'Compensation', 'policy-change': 'Change of policy or procedure', training: 'Staff training', other: 'Other',
};
export const FINDING_LABELS: Record<OmbudsmanFindingKind, string> = {
  'no-maladministration': 'No maladministration', 'service-failure': 'Service failure', maladministration: 'Maladministration', 'severe-maladministration': 'Severe maladministration',
};

export const FOLLOW_UP_COUNTING_NOTES = [
  'Remedies and the Ombudsman are counted by the date of each thing (promised, due, paid, referred, determined), over every case received up to the end of the period, so a remedy due in the period on a complaint received earlier is counted.',
  'Remedies due in the period: remedies and actions promised in responses whose due date (after any new date, which is counted as "re-dated") falls in the period. On time: done on or before it. Late: done after it, or still not done past it on the report date. Those not yet due on the report date are left out of the rate.',
  'Overdue now: remedies, Ombudsman orders and requests for information not done and past due on the report date, whatever their due date and whether the case is closed.',
  'Compensation offered: compensation promised in responses sent in the period. Paid: compensation remedies (or Ombudsman orders) recorded as done in the period.',
  'The Ombudsman: cases referred in the period; determinations made in the period, counting each finding (one determination may find on several parts); orders and requests for information counted like remedies (due in the period: on time, late; outstanding on the report date).',
] as const;

const within = (d: CalendarDate | null, from: CalendarDate, to: CalendarDate): d is CalendarDate => d !== null && compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const money = (pence: readonly number[]): Money => {
  const total = pence.reduce((a, b) => a + b, 0);
  return { count: pence.length, pence: total, pounds: total / 100 };
};

type Dated = Pick<FollowUpFacts, 'due' | 'redated' | 'onTime'> & { doneOn: CalendarDate | null };

function counts(items: readonly Dated[], from: CalendarDate, to: CalendarDate): FollowUpCounts {
  // One pass, counting in place: five filtered copies of every remedy were most of the remedy figures' time.
  let due = 0;
  let doneOnTime = 0;
  let doneLate = 0;
  let notDone = 0;
  let notYetDue = 0;
  let redated = 0;
  for (const i of items) {
    if (!within(i.due, from, to)) continue;
    due++;
    if (i.doneOn !== null && i.onTime === 'yes') doneOnTime++;
    else if (i.doneOn !== null && i.onTime === 'no') doneLate++;
    else if (i.doneOn === null && i.onTime === 'no') notDone++;
    else if (i.doneOn === null && i.onTime === 'pending') notYetDue++;
    if (i.redated) redated++;
  }
  const counted = doneOnTime + doneLate + notDone;
  return {
    due, doneOnTime, doneLate, notDone, notYetDue,
    onTime: { counted, met: doneOnTime, percent: pct(doneOnTime, counted) },
    redated,
  };
}

function outstanding(byCase: ReadonlyArray<readonly Dated[]>): Outstanding {
  let overdue = 0;
  let notYetDue = 0;
  let casesOverdue = 0;
  let oldestOverdue: CalendarDate | null = null;
  // Counted in place: most cases have no follow-ups, and two arrays for each of 100,000 cases were most of this.
  for (const items of byCase) {
    let lateHere = 0;
    for (const i of items) {
      if (i.doneOn !== null) continue;
      if (i.onTime === 'pending') notYetDue++;
      else if (i.onTime === 'no') {
        lateHere++;
        if (oldestOverdue === null || compareDates(i.due, oldestOverdue) < 0) oldestOverdue = i.due;
      }
    }
    overdue += lateHere;
    if (lateHere) casesOverdue++;
  }
  return { overdue, notYetDue, oldestOverdue, casesOverdue };
}

const requestDated = (r: OmbudsmanRequestFacts): Dated => ({ due: r.due, redated: false, onTime: r.onTime, doneOn: r.sentOn });
const compensation = (items: readonly FollowUpFacts[]): FollowUpFacts[] => items.filter((i) => i.kind === 'compensation');

/** The cases the follow-up figures read: every case received up to the end of the period. */
export function followUpPopulation(all: readonly CaseFacts[], to: CalendarDate): readonly CaseFacts[] {
  const counts = (f: CaseFacts): boolean => f.receivedOn === null || compareDates(f.receivedOn, to) <= 0;
  // The report reads only cases received up to `to` (reportStoreRange): then there is nothing to leave out, and no copy of 100,000 to make.
  return all.every(counts) ? all : all.filter(counts);
}

/**
 * Every case's remedies and actions, in order. A loop, not flatMap: flatMap over 100,000 cases,
 * most with none, was a tenth of a year-end report's figures.
 */
function actionsOf(facts: readonly CaseFacts[]): FollowUpFacts[] {
  const out: FollowUpFacts[] = [];
  for (const f of facts) for (const a of f.actions) out.push(a);
  return out;
}

/** The Ombudsman stages of the cases that have one, in order (a loop, as actionsOf). */
function ombudsmanStagesOf(facts: readonly CaseFacts[]): OmbudsmanFacts[] {
  const out: OmbudsmanFacts[] = [];
  for (const f of facts) if (f.ombudsman) out.push(f.ombudsman);
  return out;
}

function remedyBreakdown(facts: readonly CaseFacts[], keyOf: (f: CaseFacts) => string, labels: Record<string, string>, from: CalendarDate, to: CalendarDate): RemedyBreakdown[] {
  const groups = new Map<string, CaseFacts[]>();
  for (const f of facts) {
    if (!f.actions.length) continue;
    const key = keyOf(f) || 'unknown';
    // Appended in place: copying the group for every case made this quadratic over a large store.
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()].map(([key, list]): RemedyBreakdown => {
    const actions = actionsOf(list);
    const c = counts(actions, from, to);
    // The rest in one pass too, in the order promised (so the sums are added in the same order).
    let promised = 0;
    let overdueNow = 0;
    const offered: number[] = [];
    const paid: number[] = [];
    for (const a of actions) {
      const promisedInPeriod = within(a.promisedOn, from, to);
      if (promisedInPeriod) promised++;
      if (a.doneOn === null && a.onTime === 'no') overdueNow++;
      if (a.kind !== 'compensation') continue;
      if (promisedInPeriod) offered.push(a.amountPence ?? 0);
      if (within(a.doneOn, from, to)) paid.push(a.amountPence ?? 0);
    }
    return {
      key, label: labels[key] ?? key, promised,
      due: c.due, doneOnTime: c.doneOnTime, late: c.doneLate + c.notDone, overdueNow,
      compensationOffered: money(offered),
      compensationPaid: money(paid),
    };
  }).filter((b) => b.promised || b.due || b.overdueNow || b.compensationPaid.count)
    .sort((a, b) => b.due - a.due || b.promised - a.promised || a.key.localeCompare(b.key));
}

export function remedyFigures(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): RemedyFigures {
  const facts = followUpPopulation(all, to);
  const actions = actionsOf(facts);
  const promised = actions.filter((a) => within(a.promisedOn, from, to));
  // Counted in one pass, not one pass over every promise for each kind.
  const byKind = new Map<RemedyKind, number>();
  for (const a of promised) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  return {
    promised: promised.length,
    byKind: REMEDY_KINDS.map((kind) => ({ kind, label: REMEDY_KIND_LABELS[kind], promised: byKind.get(kind) ?? 0 })),
    dueInPeriod: counts(actions, from, to),
    outstandingNow: outstanding(facts.filter((f) => f.actions.length > 0).map((f) => f.actions)),
    compensationOffered: money(compensation(promised).map((a) => a.amountPence ?? 0)),
    compensationPaid: money(compensation(actions).filter((a) => within(a.doneOn, from, to)).map((a) => a.amountPence ?? 0)),
    byCategory: remedyBreakdown(facts, (f) => f.category, CATEGORIES, from, to),
    byServiceArea: remedyBreakdown(facts, (f) => f.serviceArea, SERVICE_AREAS, from, to),
  };
}

export function ombudsmanFigures(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): OmbudsmanFigures {
  const stages = ombudsmanStagesOf(followUpPopulation(all, to));
  const determined = stages.filter((o) => within(o.determinedOn, from, to));
  const made = determined.flatMap((o) => o.orders);
  const orders = stages.flatMap((o) => o.orders);
  return {
    referred: stages.filter((o) => within(o.referredOn, from, to)).length,
    determined: determined.length,
    findings: OMBUDSMAN_FINDINGS.map((finding) => ({
      finding, label: FINDING_LABELS[finding], count: determined.reduce((n, o) => n + o.findings.filter((x) => x.finding === finding).length, 0),
    })),
    ordersMade: made.length,
    compensationOrdered: money(compensation(made).map((o) => o.amountPence ?? 0)),
    orders: counts(orders, from, to),
    ordersOutstanding: outstanding(stages.map((o) => o.orders)),
    compensationPaid: money(compensation(orders).filter((o) => within(o.doneOn, from, to)).map((o) => o.amountPence ?? 0)),
    information: counts(stages.flatMap((o) => o.requests.map(requestDated)), from, to),
    informationOutstanding: outstanding(stages.map((o) => o.requests.map(requestDated))),
  };
}

/**
 * The cases the governing body hears about: referred or determined in the period, or with an
 * order or request not yet met on the report date; oldest referral first.
 */
export function ombudsmanCases(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): OmbudsmanCase[] {
  return followUpPopulation(all, to).filter((f) => f.ombudsman !== null).flatMap((f): OmbudsmanCase[] => {
    const o = f.ombudsman as OmbudsmanFacts;
    const open = o.orders.filter((x) => x.doneOn === null);
    const busy = within(o.referredOn, from, to) || within(o.determinedOn, from, to) || open.length > 0 || o.requests.some((r) => r.sentOn === null)
      || o.orders.some((x) => within(x.due, from, to) || within(x.doneOn, from, to));
    if (!busy) return [];
    return [{
      reference: f.reference, category: f.category, referredOn: o.referredOn, determinedOn: o.determinedOn,
      findings: o.findings.map((x) => FINDING_LABELS[x.finding] + (x.about?.trim() ? ` (${x.about.trim()})` : '')),
      orders: o.orders.length, ordersComplied: o.orders.length - open.length, ordersOverdue: open.filter((x) => x.onTime === 'no').length,
      nextOrderDue: open.map((x) => x.due).sort(compareDates)[0] ?? null, demo: f.demo,
    }];
  }).sort((a, b) => compareDates(a.referredOn, b.referredOn) || a.reference.localeCompare(b.reference));
}
