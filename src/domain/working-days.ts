import { addCalendarDays, compareDates, isWeekend, type CalendarDate } from './calendar-date';

/**
 * A landlord's working-day calendar: Monday to Friday, less the bank holidays of its UK
 * nation and its own closure days. The holiday list is passed in (see
 * src/calendar/uk-bank-holidays.ts) so that this stays a pure function of its inputs.
 */
export interface WorkingDayCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /**
   * The Nth working day after `from`. `from` itself is day 0 whatever day it is, so one
   * working day after a Saturday is the following Monday (if that Monday is a working day).
   * n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: CalendarDate, n: number): CalendarDate;
  /** How many working days d satisfy from < d <= to (0 when to <= from). */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number;
  /** Working days from `from` to `due`: positive when due is later, negative when overdue. */
  workingDaysUntil(from: CalendarDate, due: CalendarDate): number;
}

/** Supplies the non-working days (bank holidays, closures) that fall in a calendar year. */
export type HolidaysForYear = (year: number) => readonly CalendarDate[];

export function createWorkingDayCalendar(holidaysForYear: HolidaysForYear, closureDays: readonly CalendarDate[] = []): WorkingDayCalendar {
  const closures = new Set(closureDays);
  const byYear = new Map<number, ReadonlySet<CalendarDate>>();

  const holidaysIn = (year: number): ReadonlySet<CalendarDate> => {
    let set = byYear.get(year);
    if (!set) {
      set = new Set(holidaysForYear(year));
      byYear.set(year, set);
    }
    return set;
  };

  // Each day's successor and whether it is a working day, worked out once: counting working
  // days walks day by day, and every card, deadline and report counts over the same few months.
  // Bounded: a run over many years starts again rather than growing without end.
  const days = new Map<CalendarDate, { next: CalendarDate; working: boolean }>();
  const DAYS_KEPT = 50_000;
  const dayOf = (date: CalendarDate): { next: CalendarDate; working: boolean } => {
    let day = days.get(date);
    if (!day) {
      day = { next: addCalendarDays(date, 1), working: !isWeekend(date) && !closures.has(date) && !holidaysIn(Number(date.slice(0, 4))).has(date) };
      if (days.size >= DAYS_KEPT) days.clear();
      days.set(date, day);
    }
    return day;
  };

  const isWorkingDay = (date: CalendarDate): boolean => dayOf(date).working;

  const addWorkingDays = (from: CalendarDate, n: number): CalendarDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
    let date = from;
    for (let left = n; left > 0;) {
      date = dayOf(date).next;
      if (isWorkingDay(date)) left--;
    }
    return date;
  };

  const workingDaysBetween = (from: CalendarDate, to: CalendarDate): number => {
    let count = 0;
    for (let d = dayOf(from).next; compareDates(d, to) <= 0; d = dayOf(d).next) {
      if (isWorkingDay(d)) count++;
    }
    return count;
  };

  const workingDaysUntil = (from: CalendarDate, due: CalendarDate): number =>
    compareDates(due, from) >= 0 ? workingDaysBetween(from, due) : -workingDaysBetween(due, from);

  return { isWorkingDay, addWorkingDays, workingDaysBetween, workingDaysUntil };
}
