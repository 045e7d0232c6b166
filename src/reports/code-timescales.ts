import { compareDates, type CalendarDate } from '../domain/calendar-date';
import { COMPLAINT_HANDLING_CODE_2024 as CODE } from '../domain/complaint-handling-code';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { StageFacts } from './case-facts';

/**
 * When a stage's response was due under the Complaint Handling Code's own timescales, whatever
 * the landlord's policy says: the Tenant Satisfaction Measure CH02 asks for the share responded
 * to "within the Housing Ombudsman's Complaint Handling Code timescales", so a policy with longer
 * windows (City of London) must not count its own deadlines as in time.
 *
 * - The response window (10 working days at stage 1, 20 at stage 2) runs from the
 *   acknowledgement, but from no later than the last day the Code allows for acknowledging
 *   (5 working days after receipt): a late acknowledgement does not buy more time.
 * - An extension counts up to the Code's cap (10 working days at stage 1, 20 at stage 2); days
 *   granted beyond it are outside the Code's timescales.
 * - The Code has no pause, so a paused clock does not move the date.
 * Stages after 2 are outside the Code; they have no Code date (null).
 */
export function codeResponseDue(stage: Pick<StageFacts, 'stage' | 'receivedOn' | 'acknowledgedOn' | 'extensionDays'>, calendar: WorkingDayCalendar): CalendarDate | null {
  const rules = stage.stage === 1 ? CODE.stage1 : stage.stage === 2 ? CODE.stage2 : null;
  if (!rules) return null;
  const lastToAcknowledge = calendar.addWorkingDays(stage.receivedOn, rules.acknowledgeWorkingDays);
  const from = stage.acknowledgedOn && compareDates(stage.acknowledgedOn, lastToAcknowledge) < 0 ? stage.acknowledgedOn : lastToAcknowledge;
  const extension = Math.min(Math.max(0, stage.extensionDays), rules.extensionCapWorkingDays);
  return calendar.addWorkingDays(from, rules.respondWorkingDaysFromAcknowledgement + extension);
}

/** Acknowledged within the Code's 5 working days of receipt (at stages 1 and 2); null when not acknowledged yet. */
export function acknowledgedWithinCode(stage: Pick<StageFacts, 'stage' | 'receivedOn' | 'acknowledgedOn'>, calendar: WorkingDayCalendar): boolean | null {
  if (!stage.acknowledgedOn) return null;
  const rules = stage.stage === 1 ? CODE.stage1 : CODE.stage2;
  return compareDates(stage.acknowledgedOn, calendar.addWorkingDays(stage.receivedOn, rules.acknowledgeWorkingDays)) <= 0;
}
