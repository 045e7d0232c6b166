import { addMonths, compareDates, isCalendarDate, type CalendarDate } from './calendar-date';
import type { ComplainantDetails } from './case-details';
import type { CaseEvent } from './case-events';
import { refuse, type CaseRefusal } from './case-errors';
import type { AdjustmentsUnderReview, CaseView, Deadline } from './case-state';
import { meetDeadline } from './deadline-rules';
import type { Policy } from './policy';
import type { WorkingDayCalendar } from './working-days';

/**
 * Seed 003 (and the Code): reasonable adjustments, and any disability disclosed, are recorded
 * "and kept under review". The rules, in one place:
 * - A complaint whose intake recorded vulnerabilities or adjustments gets a review date: the
 *   policy's `adjustmentsReviewWorkingDays` after it was received (`adjustments-recorded`).
 * - A review (`adjustments-reviewed`) says they are still needed, changed (with the new words),
 *   or no longer needed; it meets the running review and, unless they are no longer needed,
 *   sets the next one (the policy's working days after the review by default, editable).
 * - The review date is a deadline (kind `adjustments-review`) of the responsible officer, so
 *   it is swept, reminded once per point and, when missed, told to their manager, like any
 *   other. It runs while the case is open, paused included (the resident's needs do not pause;
 *   deadline-rules.ts does not move it). When the case is closed or withdrawn the reviews stop:
 *   the complaint's part is done, and the landlord's tenancy records carry the duty on.
 * These rules sit beside the timeline (case-timeline.ts), which calls them.
 */
type Result = { ok: true; view: CaseView } | CaseRefusal;

export type AdjustmentsEvent = Extract<CaseEvent, { type: 'adjustments-recorded' | 'adjustments-reviewed' }>;

export function isAdjustmentsEvent(event: CaseEvent): event is AdjustmentsEvent {
  return event.type === 'adjustments-recorded' || event.type === 'adjustments-reviewed';
}

/** Whether intake recorded anything to keep under review: vulnerabilities or adjustments. */
export function hasAdjustments(complainant: Pick<ComplainantDetails, 'vulnerabilities' | 'adjustments'>): boolean {
  return complainant.vulnerabilities.trim() !== '' || complainant.adjustments.trim() !== '';
}

/** The default date of the next review, counted from `from` (the day received, or the last review). */
export function defaultReviewOn(from: CalendarDate, policy: Pick<Policy, 'adjustmentsReviewWorkingDays'>, calendar: WorkingDayCalendar): CalendarDate {
  return calendar.addWorkingDays(from, policy.adjustmentsReviewWorkingDays);
}

/** The event intake adds when it recorded vulnerabilities or adjustments; none otherwise. */
export function adjustmentsRecorded(complainant: Pick<ComplainantDetails, 'vulnerabilities' | 'adjustments'>, receivedOn: CalendarDate, ctx: { policy: Policy; calendar: WorkingDayCalendar }): CaseEvent[] {
  if (!hasAdjustments(complainant)) return [];
  const reviewOn = defaultReviewOn(receivedOn, ctx.policy, ctx.calendar);
  return [{ type: 'adjustments-recorded', on: receivedOn, reviewOn, why: `Vulnerabilities or adjustments recorded at intake; to be reviewed by ${reviewOn}.` }];
}

/** The latest a review may be set for: a review further off is not keeping them under review. */
const MOST_MONTHS_AHEAD = 12;

function checkReviewDate(reviewOn: unknown, on: CalendarDate, field: string): CaseRefusal | null {
  if (!isCalendarDate(reviewOn)) return { ...refuse('CASE.INVALID_DATE', 'Give the date of the next review.'), field };
  if (compareDates(reviewOn, on) <= 0) return { ...refuse('CASE.INVALID_DATE', 'The next review must be after the day of this one.'), field };
  if (compareDates(reviewOn, addMonths(on, MOST_MONTHS_AHEAD)) > 0) {
    return { ...refuse('CASE.INVALID_DATE', `The next review must be within ${MOST_MONTHS_AHEAD} months, to keep the adjustments under review.`), field };
  }
  return null;
}

function reviewDeadline(view: CaseView, due: CalendarDate): Deadline {
  return { stage: view.stage, kind: 'adjustments-review', due, originalDue: due, metOn: null };
}

/** The running review, met on `on` (a review done, early or late). */
function meetRunning(deadlines: readonly Deadline[], on: CalendarDate): Deadline[] {
  return deadlines.map((d) => (d.kind === 'adjustments-review' && d.metOn === null ? meetDeadline(d, on) : d));
}

/** Applies an adjustments event to an open case's view (the timeline has refused it on a closed one). */
export function applyAdjustments(view: CaseView, event: AdjustmentsEvent): Result {
  if (event.type === 'adjustments-recorded') {
    if (view.adjustments) return refuse('CASE.INVALID_INPUT', 'The vulnerabilities and adjustments are already recorded on this case; review them instead.');
    const bad = checkReviewDate(event.reviewOn, event.on, 'reviewOn');
    if (bad) return bad;
    const adjustments: AdjustmentsUnderReview = { text: null, needed: true, reviewOn: event.reviewOn, lastReview: null };
    return { ok: true, view: { ...view, adjustments, deadlines: [...view.deadlines, reviewDeadline(view, event.reviewOn)] } };
  }
  const why = event.why?.trim() ?? '';
  if (!why) return { ...refuse('CASE.REASON_REQUIRED', 'Say why: what the resident said, or what was checked.'), field: 'why' };
  const changedTo = event.adjustments?.trim() ?? '';
  if (event.outcome === 'changed' && !changedTo) return { ...refuse('CASE.INVALID_INPUT', 'Give the adjustments as they are now.'), field: 'adjustments' };
  if (event.outcome === 'no-longer-needed') {
    if (event.nextReviewOn !== null) return { ...refuse('CASE.INVALID_INPUT', 'Adjustments no longer needed have no next review.'), field: 'nextReviewOn' };
  } else {
    const bad = checkReviewDate(event.nextReviewOn, event.on, 'nextReviewOn');
    if (bad) return bad;
  }
  const before = view.adjustments;
  const adjustments: AdjustmentsUnderReview = {
    text: event.outcome === 'changed' ? changedTo : before?.text ?? null,
    needed: event.outcome !== 'no-longer-needed',
    reviewOn: event.nextReviewOn,
    lastReview: { on: event.on, by: event.by ?? null, outcome: event.outcome, why },
  };
  const met = meetRunning(view.deadlines, event.on);
  return { ok: true, view: { ...view, adjustments, deadlines: event.nextReviewOn ? [...met, reviewDeadline(view, event.nextReviewOn)] : met } };
}
