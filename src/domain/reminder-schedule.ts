import { addCalendarDays, compareDates, londonDateOf, type CalendarDate } from './calendar-date';
import type { Deadline } from './case-state';
import type { Policy } from './policy';
import type { WorkingDayCalendar } from './working-days';

/**
 * When the responsible officer is reminded of a running deadline, as plain functions of the
 * due date, "today" and the working-day calendar (the clock is passed in).
 *
 * A deadline has a fixed set of reminder points, each on a working day: N working days
 * before it (policy.reminders.workingDaysBefore, 0 = the due day) and, while it is overdue,
 * one per working day after it. A sweep sends only the CURRENT point: the latest one on or
 * before today. Its key names the due date and the point ('2026-12-30:before-1'), so:
 * - sweeps on the same day find the same key: it is claimed, and sent, once;
 * - a sweep after an outage finds only the latest passed point: the ones missed meanwhile
 *   are superseded, never sent one by one (one late reminder, not a burst);
 * - an extension or a pause moves the due date, so the new date's points are new keys.
 */

export type ReminderSettings = Policy['reminders'];

export interface ReminderPoint {
  /** 'before-2', 'before-1', 'before-0' (the due day), 'overdue-1', 'overdue-2', ... */
  id: string;
  /** The working day the point falls on. */
  on: CalendarDate;
}

/** The latest working day on or before `date`. */
function workingDayOnOrBefore(date: CalendarDate, calendar: WorkingDayCalendar): CalendarDate {
  let d = date;
  // Bounded: no calendar has a month without a working day.
  for (let i = 0; i < 31 && !calendar.isWorkingDay(d); i++) d = addCalendarDays(d, -1);
  return d;
}

/**
 * The working day n working days before `due` (n = 0: the due day itself, or the last
 * working day before it when it falls on a weekend or holiday).
 */
export function pointBefore(due: CalendarDate, n: number, calendar: WorkingDayCalendar): CalendarDate {
  let d = workingDayOnOrBefore(due, calendar);
  for (let left = n; left > 0; left--) d = workingDayOnOrBefore(addCalendarDays(d, -1), calendar);
  return d;
}

/** The policy's "working days before" offsets, earliest point first, duplicates collapsed. */
function offsetsBefore(settings: ReminderSettings): number[] {
  return [...new Set(settings.workingDaysBefore)].sort((a, b) => b - a);
}

/**
 * The reminder point a sweep on `today` should send for a deadline due on `due`, or null
 * when no point has been reached yet (or none is configured).
 */
export function currentReminderPoint(due: CalendarDate, today: CalendarDate, settings: ReminderSettings, calendar: WorkingDayCalendar): ReminderPoint | null {
  const left = calendar.workingDaysUntil(today, due);
  if (left < 0 && settings.dailyWhenOverdue) {
    const overdue = -left;
    return { id: `overdue-${overdue}`, on: calendar.addWorkingDays(due, overdue) };
  }
  let current: ReminderPoint | null = null;
  for (const n of offsetsBefore(settings)) {
    const on = pointBefore(due, n, calendar);
    if (compareDates(on, today) <= 0) current = { id: `before-${n}`, on };
  }
  return current;
}

/**
 * Whether the deadline has been missed by `today`: a working day has passed since it was
 * due. The manager hears about it once per due date, whatever the officer's points are.
 */
export function isMissed(due: CalendarDate, today: CalendarDate, calendar: WorkingDayCalendar): boolean {
  return calendar.workingDaysUntil(today, due) < 0;
}

/** The reminder claim's `point` for a deadline's reminder point: the due date keeps extensions apart. */
export function reminderPointKey(due: CalendarDate, point: Pick<ReminderPoint, 'id'>): string {
  return `${due}:${point.id}`;
}

/** The claim `point` of the one-off "missed" notice to the officer's manager. */
export function missedPointKey(due: CalendarDate): string {
  return `${due}:missed`;
}

/**
 * The latest due date a sweep on `today` must look at: every deadline due by then may have
 * reached its earliest "before" point. The day before the (max + 1)th working day, so a
 * deadline falling on a weekend or holiday after the max-th working day is included.
 */
export function reminderHorizon(today: CalendarDate, settings: ReminderSettings, calendar: WorkingDayCalendar): CalendarDate {
  const max = Math.max(0, ...settings.workingDaysBefore);
  return addCalendarDays(calendar.addWorkingDays(today, max + 1), -1);
}

/**
 * Deadlines the officer is reminded of. The resident's comment window on a draft is the
 * resident's time, not the officer's; the final decision that follows it is reminded.
 */
export function isRemindable(deadline: Pick<Deadline, 'kind' | 'metOn'>): boolean {
  return deadline.metOn === null && deadline.kind !== 'comment-window';
}

export interface WorkingHours { start: string; end: string }

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 'HH:MM' in Europe/London at an instant (British Summer Time included). */
export function londonTimeOf(instant: Date): string {
  return londonTime.format(instant);
}

/**
 * Whether reminders may go out at `instant`: a working day (no weekend, bank holiday or
 * closure) within the working hours, both in Europe/London. `end` is exclusive; '24:00'
 * means the end of the day.
 */
export function isReminderTime(instant: Date, hours: WorkingHours, calendar: WorkingDayCalendar, options: { anyDay?: boolean } = {}): boolean {
  const time = londonTimeOf(instant);
  if (time < hours.start || time >= hours.end) return false;
  return options.anyDay === true || calendar.isWorkingDay(londonDateOf(instant));
}
