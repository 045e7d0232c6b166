import type { CalendarDate } from '../domain/calendar-date';
import { DISSATISFACTION_REASONS, type DissatisfactionRecord } from '../domain/dissatisfaction';

/**
 * Dissatisfaction not taken as a complaint in a period (domain/dissatisfaction.ts), for the
 * report and the Code's annual report: how many, how many were service requests, and why each
 * was not a complaint. Counted by the day the resident said it.
 */
export interface FrontDoorFigures {
  notComplaints: number;
  serviceRequests: number;
  expressionsOfDissatisfaction: number;
  /** Most first; "Other" with the officer's words grouped as typed. */
  reasons: Array<{ reason: string; count: number }>;
}

export function frontDoorFigures(records: readonly DissatisfactionRecord[], period: { from: CalendarDate; to: CalendarDate }): FrontDoorFigures {
  const inPeriod = records.filter((r) => r.receivedOn >= period.from && r.receivedOn <= period.to);
  const reasons = new Map<string, number>();
  for (const r of inPeriod) {
    const reason = r.reason === 'other' ? `Other: ${r.reasonNote}` : DISSATISFACTION_REASONS[r.reason];
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    notComplaints: inPeriod.length,
    serviceRequests: inPeriod.filter((r) => r.kind === 'service-request').length,
    expressionsOfDissatisfaction: inPeriod.filter((r) => r.kind === 'expression-of-dissatisfaction').length,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/** "3 (2 service requests, 1 expression of dissatisfaction)". */
export function frontDoorSentence(f: FrontDoorFigures): string {
  if (f.notComplaints === 0) return 'none';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${f.notComplaints} (${plural(f.serviceRequests, 'service request', 'service requests')}, ${plural(f.expressionsOfDissatisfaction, 'expression of dissatisfaction', 'expressions of dissatisfaction')})`;
}
