import { defaultReviewOn, hasAdjustments } from '../adjustments-review';
import type { CalendarDate } from '../calendar-date';
import type { AdjustmentsReviewOutcome } from '../case-events';
import { actsOnCase } from '../case-access';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';

/**
 * Someone who acts on the case reviews the resident's vulnerabilities and reasonable
 * adjustments (seed 003: "keep them under review"): still needed, changed (the new words), or
 * no longer needed, the date of the next review, and why. The rules are adjustments-review.ts's.
 */
export interface ReviewAdjustmentsInput {
  /** The day of the review (a call with the resident yesterday is recorded today). */
  on: CalendarDate;
  outcome: AdjustmentsReviewOutcome;
  /** The adjustments as they are now, when changed; ignored otherwise. */
  adjustments: string;
  /** The next review; ignored when they are no longer needed. */
  nextReviewOn: CalendarDate | null;
  /** What the resident said, or what was checked: kept in the event. */
  why: string;
}

export const reviewAdjustments: CaseCommand<ReviewAdjustmentsInput> = {
  allowed(file, actor, ctx) {
    // Special category data: only those who see the complainant's details review them.
    if (!actsOnCase(file, actor, ctx.directory)) return notPermitted('Only the people who act on this case review the resident\'s adjustments.');
    if (!file.view.adjustments && !hasAdjustments(file.record.details.complainant)) return notPermitted('No vulnerabilities or adjustments are recorded on this case.');
    // Open cases only (the timeline refuses a closed one), paused ones included.
    return timelineAccepts(file, {
      type: 'adjustments-reviewed', on: ctx.today, outcome: 'still-needed', nextReviewOn: defaultReviewOn(ctx.today, ctx.policy, ctx.calendar), why: 'probe',
    }, actor, ctx);
  },
  events: (_file, _actor, input) => ({
    ok: true,
    events: [{
      type: 'adjustments-reviewed', on: input.on, outcome: input.outcome,
      ...(input.outcome === 'changed' ? { adjustments: input.adjustments.trim() } : {}),
      nextReviewOn: input.outcome === 'no-longer-needed' ? null : input.nextReviewOn,
      why: input.why.trim(),
    }],
  }),
};
