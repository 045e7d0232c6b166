import { compareDates, type CalendarDate } from './calendar-date';
import type { Deadline, DeadlineKind } from './case-state';
import type { WorkingDayCalendar } from './working-days';
import { isComplaintDeadline } from './case-state';

/**
 * The deadline rules, in one place:
 * - "within N working days of X" is due on the Nth working day after X; X is day 0
 *   whatever day of the week it is.
 * - An extension of K working days moves a running deadline K working days later.
 * - A pause on P resumed on R moves each running deadline later by the working days d
 *   with P < d <= R. A deadline already met is not moved, and neither is one already
 *   missed when the pause began (due before P): a pause must not turn a breach into an
 *   on-time response in the Ombudsman's figures.
 */

export function startDeadline(stage: number, kind: DeadlineKind, anchor: CalendarDate, workingDays: number, calendar: WorkingDayCalendar): Deadline {
  const due = calendar.addWorkingDays(anchor, workingDays);
  return { stage, kind, due, originalDue: due, metOn: null };
}

export function isRunning(deadline: Deadline): boolean {
  return deadline.metOn === null;
}

export function extendDeadline(deadline: Deadline, workingDays: number, calendar: WorkingDayCalendar): Deadline {
  return { ...deadline, due: calendar.addWorkingDays(deadline.due, workingDays) };
}

export function shiftForPause(deadline: Deadline, pausedOn: CalendarDate, resumedOn: CalendarDate, calendar: WorkingDayCalendar): Deadline {
  // A pause stops the complaint's clock, not a promised remedy or an Ombudsman order's date,
  // nor the review of the resident's adjustments (their needs do not pause).
  if (deadline.id !== undefined || !isComplaintDeadline(deadline)) return deadline;
  if (!isRunning(deadline) || compareDates(deadline.due, pausedOn) < 0) return deadline;
  const days = calendar.workingDaysBetween(pausedOn, resumedOn);
  return days === 0 ? deadline : { ...deadline, due: calendar.addWorkingDays(deadline.due, days) };
}

export function meetDeadline(deadline: Deadline, on: CalendarDate): Deadline {
  return isRunning(deadline) ? { ...deadline, metOn: on } : deadline;
}
