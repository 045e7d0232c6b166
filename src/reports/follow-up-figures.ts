import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { OMBUDSMAN_FINDINGS, REMEDY_KINDS, type OmbudsmanFindingKind, type RemedyKind } from '../domain/case-events';
import { CATEGORIES, SERVICE_AREAS } from '../intake/intake-options';
import type { CaseFacts, FollowUpFacts, OmbudsmanRequestFacts } from './case-facts';
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

/** FollowUpCounts as counted a remedy (order, request) at a time: plain data, a tally (tally.ts). */
interface FollowUpTally { due: number; doneOnTime: number; doneLate: number; notDone: number; notYetDue: number; redated: number }

const newFollowUps = (): FollowUpTally => ({ due: 0, doneOnTime: 0, doneLate: 0, notDone: 0, notYetDue: 0, redated: 0 });

function addFollowUp(t: FollowUpTally, i: Dated, from: CalendarDate, to: CalendarDate): void {
  if (!within(i.due, from, to)) return;
  t.due++;
  if (i.doneOn !== null && i.onTime === 'yes') t.doneOnTime++;
  else if (i.doneOn !== null && i.onTime === 'no') t.doneLate++;
  else if (i.doneOn === null && i.onTime === 'no') t.notDone++;
  else if (i.doneOn === null && i.onTime === 'pending') t.notYetDue++;
  if (i.redated) t.redated++;
}

function followUpCounts(t: FollowUpTally): FollowUpCounts {
  const counted = t.doneOnTime + t.doneLate + t.notDone;
  return {
    due: t.due, doneOnTime: t.doneOnTime, doneLate: t.doneLate, notDone: t.notDone, notYetDue: t.notYetDue,
    onTime: { counted, met: t.doneOnTime, percent: pct(t.doneOnTime, counted) },
    redated: t.redated,
  };
}

export const newOutstanding = (): Outstanding => ({ overdue: 0, notYetDue: 0, oldestOverdue: null, casesOverdue: 0 });

/** Adds one case's (or one Ombudsman stage's) items to what is outstanding on the report date. Outstanding is its own tally. */
export function addOutstanding(t: Outstanding, items: readonly Dated[]): void {
  let lateHere = 0;
  for (const i of items) {
    if (i.doneOn !== null) continue;
    if (i.onTime === 'pending') t.notYetDue++;
    else if (i.onTime === 'no') {
      lateHere++;
      if (t.oldestOverdue === null || compareDates(i.due, t.oldestOverdue) < 0) t.oldestOverdue = i.due;
    }
  }
  t.overdue += lateHere;
  if (lateHere) t.casesOverdue++;
}

/** A request for information as the follow-up counts date it: due, and done when sent. */
export const requestDated = (r: OmbudsmanRequestFacts): Dated => ({ due: r.due, redated: false, onTime: r.onTime, doneOn: r.sentOn });

/** The cases the follow-up figures read: every case received up to the end of the period. */
export function inFollowUpPopulation(f: CaseFacts, to: CalendarDate): boolean {
  return f.receivedOn === null || compareDates(f.receivedOn, to) <= 0;
}

/** A group's remedies (a category, a service area). Amounts of money as lists, summed in order at the end. */
interface RemedyGroupTally { promised: number; due: FollowUpTally; overdueNow: number; offered: number[]; paid: number[] }

/** The counts behind RemedyFigures, added a case at a time (addToRemedyTally) and added together (tally.ts). */
export interface RemedyTally {
  promised: number;
  byKind: Map<string, number>;
  due: FollowUpTally;
  outstanding: Outstanding;
  /** Compensation promised in the period, and paid in it: pence, in the order promised. */
  offered: number[];
  paid: number[];
  byCategory: Map<string, RemedyGroupTally>;
  byServiceArea: Map<string, RemedyGroupTally>;
}

export function newRemedyTally(): RemedyTally {
  return { promised: 0, byKind: new Map(), due: newFollowUps(), outstanding: newOutstanding(), offered: [], paid: [], byCategory: new Map(), byServiceArea: new Map() };
}

function remedyGroup(groups: Map<string, RemedyGroupTally>, key: string): RemedyGroupTally {
  let g = groups.get(key);
  if (!g) {
    g = { promised: 0, due: newFollowUps(), overdueNow: 0, offered: [], paid: [] };
    groups.set(key, g);
  }
  return g;
}

/** Counts a case of the follow-up population (inFollowUpPopulation). */
export function addToRemedyTally(t: RemedyTally, f: CaseFacts, from: CalendarDate, to: CalendarDate): void {
  if (!f.actions.length) return;
  addOutstanding(t.outstanding, f.actions);
  const groups = [remedyGroup(t.byCategory, f.category || 'unknown'), remedyGroup(t.byServiceArea, f.serviceArea || 'unknown')];
  for (const a of f.actions) {
    const promised = within(a.promisedOn, from, to);
    const paid = a.kind === 'compensation' && within(a.doneOn, from, to);
    if (promised) {
      t.promised++;
      t.byKind.set(a.kind, (t.byKind.get(a.kind) ?? 0) + 1);
      if (a.kind === 'compensation') t.offered.push(a.amountPence ?? 0);
    }
    addFollowUp(t.due, a, from, to);
    if (paid) t.paid.push(a.amountPence ?? 0);
    for (const g of groups) {
      if (promised) g.promised++;
      addFollowUp(g.due, a, from, to);
      if (a.doneOn === null && a.onTime === 'no') g.overdueNow++;
      if (promised && a.kind === 'compensation') g.offered.push(a.amountPence ?? 0);
      if (paid) g.paid.push(a.amountPence ?? 0);
    }
  }
}

function remedyBreakdown(groups: ReadonlyMap<string, RemedyGroupTally>, labels: Record<string, string>): RemedyBreakdown[] {
  return [...groups.entries()].map(([key, g]): RemedyBreakdown => {
    const c = followUpCounts(g.due);
    return {
      key, label: labels[key] ?? key, promised: g.promised,
      due: c.due, doneOnTime: c.doneOnTime, late: c.doneLate + c.notDone, overdueNow: g.overdueNow,
      compensationOffered: money(g.offered),
      compensationPaid: money(g.paid),
    };
  }).filter((b) => b.promised || b.due || b.overdueNow || b.compensationPaid.count)
    .sort((a, b) => b.due - a.due || b.promised - a.promised || a.key.localeCompare(b.key));
}

export function remedyFiguresOf(t: RemedyTally): RemedyFigures {
  return {
    promised: t.promised,
    byKind: REMEDY_KINDS.map((kind) => ({ kind, label: REMEDY_KIND_LABELS[kind], promised: t.byKind.get(kind) ?? 0 })),
    dueInPeriod: followUpCounts(t.due),
    outstandingNow: { ...t.outstanding },
    compensationOffered: money(t.offered),
    compensationPaid: money(t.paid),
    byCategory: remedyBreakdown(t.byCategory, CATEGORIES),
    byServiceArea: remedyBreakdown(t.byServiceArea, SERVICE_AREAS),
  };
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToRemedyTally). */
export function remedyFigures(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): RemedyFigures {
  const t = newRemedyTally();
  for (const f of all) if (inFollowUpPopulation(f, to)) addToRemedyTally(t, f, from, to);
  return remedyFiguresOf(t);
}

/** The counts behind OmbudsmanFigures, added a case at a time and added together (tally.ts). */
export interface OmbudsmanTally {
  referred: number;
  determined: number;
  findings: Map<string, number>;
  ordersMade: number;
  /** Pence, in the order ordered (and paid). */
  compensationOrdered: number[];
  orders: FollowUpTally;
  ordersOutstanding: Outstanding;
  compensationPaid: number[];
  information: FollowUpTally;
  informationOutstanding: Outstanding;
}

export function newOmbudsmanTally(): OmbudsmanTally {
  return {
    referred: 0, determined: 0, findings: new Map(), ordersMade: 0, compensationOrdered: [], orders: newFollowUps(), ordersOutstanding: newOutstanding(),
    compensationPaid: [], information: newFollowUps(), informationOutstanding: newOutstanding(),
  };
}

/** Counts a case of the follow-up population (inFollowUpPopulation). */
export function addToOmbudsmanTally(t: OmbudsmanTally, f: CaseFacts, from: CalendarDate, to: CalendarDate): void {
  const o = f.ombudsman;
  if (!o) return;
  if (within(o.referredOn, from, to)) t.referred++;
  if (within(o.determinedOn, from, to)) {
    t.determined++;
    for (const x of o.findings) t.findings.set(x.finding, (t.findings.get(x.finding) ?? 0) + 1);
    for (const order of o.orders) {
      t.ordersMade++;
      if (order.kind === 'compensation') t.compensationOrdered.push(order.amountPence ?? 0);
    }
  }
  for (const order of o.orders) {
    addFollowUp(t.orders, order, from, to);
    if (order.kind === 'compensation' && within(order.doneOn, from, to)) t.compensationPaid.push(order.amountPence ?? 0);
  }
  addOutstanding(t.ordersOutstanding, o.orders);
  const requests = o.requests.map(requestDated);
  for (const r of requests) addFollowUp(t.information, r, from, to);
  addOutstanding(t.informationOutstanding, requests);
}

export function ombudsmanFiguresOf(t: OmbudsmanTally): OmbudsmanFigures {
  return {
    referred: t.referred,
    determined: t.determined,
    findings: OMBUDSMAN_FINDINGS.map((finding) => ({ finding, label: FINDING_LABELS[finding], count: t.findings.get(finding) ?? 0 })),
    ordersMade: t.ordersMade,
    compensationOrdered: money(t.compensationOrdered),
    orders: followUpCounts(t.orders),
    ordersOutstanding: { ...t.ordersOutstanding },
    compensationPaid: money(t.compensationPaid),
    information: followUpCounts(t.information),
    informationOutstanding: { ...t.informationOutstanding },
  };
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToOmbudsmanTally). */
export function ombudsmanFigures(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): OmbudsmanFigures {
  const t = newOmbudsmanTally();
  for (const f of all) if (inFollowUpPopulation(f, to)) addToOmbudsmanTally(t, f, from, to);
  return ombudsmanFiguresOf(t);
}

/**
 * A case the governing body hears about, or null: referred or determined in the period, or with
 * an order or request not yet met on the report date. Give it a case of the follow-up population.
 */
export function ombudsmanCaseOf(f: CaseFacts, from: CalendarDate, to: CalendarDate): OmbudsmanCase | null {
  const o = f.ombudsman;
  if (!o) return null;
  const open = o.orders.filter((x) => x.doneOn === null);
  const busy = within(o.referredOn, from, to) || within(o.determinedOn, from, to) || open.length > 0 || o.requests.some((r) => r.sentOn === null)
    || o.orders.some((x) => within(x.due, from, to) || within(x.doneOn, from, to));
  if (!busy) return null;
  return {
    reference: f.reference, category: f.category, referredOn: o.referredOn, determinedOn: o.determinedOn,
    findings: o.findings.map((x) => FINDING_LABELS[x.finding] + (x.about?.trim() ? ` (${x.about.trim()})` : '')),
    orders: o.orders.length, ordersComplied: o.orders.length - open.length, ordersOverdue: open.filter((x) => x.onTime === 'no').length,
    nextOrderDue: open.map((x) => x.due).sort(compareDates)[0] ?? null, demo: f.demo,
  };
}

/** The governing body's list in order: oldest referral first. */
export function sortOmbudsmanCases(cases: OmbudsmanCase[]): OmbudsmanCase[] {
  return cases.sort((a, b) => compareDates(a.referredOn, b.referredOn) || a.reference.localeCompare(b.reference));
}

/**
 * The cases the governing body hears about: referred or determined in the period, or with an
 * order or request not yet met on the report date; oldest referral first. The whole-list form,
 * kept as a reference for tests: the bot lists them a case at a time (ombudsmanCaseOf).
 */
export function ombudsmanCases(all: readonly CaseFacts[], from: CalendarDate, to: CalendarDate): OmbudsmanCase[] {
  const out: OmbudsmanCase[] = [];
  for (const f of all) {
    const c = inFollowUpPopulation(f, to) ? ombudsmanCaseOf(f, from, to) : null;
    if (c) out.push(c);
  }
  return sortOmbudsmanCases(out);
}
