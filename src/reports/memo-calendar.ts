import type { CalendarDate } from '../domain/calendar-date';
import type { WorkingDayCalendar } from '../domain/working-days';

/**
 * The same working-day calendar, answering from tables instead of walking day by day.
 *
 * Why: a report over 100,000 cases (and the demo data that fills one) asks the calendar
 * millions of times, mostly "working days between two dates", which the domain's calendar
 * answers by stepping through every day and parsing each date string. The answers here are the
 * calendar's own: each year's working days are read from it once (`isWorkingDay` on every day
 * of the year), and a count between two dates is the difference of two running totals. Years
 * outside MIN_YEAR..MAX_YEAR (a typing error, a sentinel) go to the calendar itself.
 *
 * Pure and deterministic like the calendar it wraps (which takes its holidays as data); one
 * wrapper per calendar, so the tables are shared by every report made in the process.
 */
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface YearTable {
  /** prefix[k]: working days among the year's first k days. */
  prefix: Int32Array;
  /** Working days from 1 January of the first year asked for (`anchor`) to the end of the year before (negative for an earlier year). */
  before: number;
}

const wrappers = new WeakMap<WorkingDayCalendar, WorkingDayCalendar>();

export function memoCalendar(calendar: WorkingDayCalendar): WorkingDayCalendar {
  const known = wrappers.get(calendar);
  if (known) return known;
  const wrapped = build(calendar);
  wrappers.set(calendar, wrapped);
  wrappers.set(wrapped, wrapped);
  return wrapped;
}

function dateOfUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function build(calendar: WorkingDayCalendar): WorkingDayCalendar {
  const years = new Map<number, YearTable>();
  /** A real date's running total of working days since 1 January of the first year asked for (inclusive of the date). */
  const totals = new Map<CalendarDate, number>();

  /**
   * The first year asked for: running totals count from its 1 January. Only differences of
   * totals are ever used, so any start will do, and the years before the dates asked about are
   * never read from the calendar (each year's bank holidays cost milliseconds to work out, and
   * counting from MIN_YEAR was ~35 years of them before the first answer).
   */
  let anchor: number | null = null;

  const yearTable = (year: number): YearTable => {
    const known = years.get(year);
    if (known) return known;
    anchor ??= year;
    const start = Date.UTC(year, 0, 1);
    const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / MS_PER_DAY);
    const prefix = new Int32Array(days + 1);
    for (let k = 0; k < days; k++) prefix[k + 1] = (prefix[k] ?? 0) + (calendar.isWorkingDay(dateOfUtc(start + k * MS_PER_DAY)) ? 1 : 0);
    let before = 0;
    if (year > anchor) {
      const previous = yearTable(year - 1);
      before = previous.before + (previous.prefix[previous.prefix.length - 1] ?? 0);
    } else if (year < anchor) {
      before = yearTable(year + 1).before - (prefix[days] ?? 0);
    }
    const table = { prefix, before };
    years.set(year, table);
    return table;
  };

  const totalOf = (date: CalendarDate): number | null => {
    const cached = totals.get(date);
    if (cached !== undefined) return cached;
    const m = ISO_DATE.exec(date);
    const year = Number(m?.[1]);
    if (!m || year < MIN_YEAR || year > MAX_YEAR) return null;
    const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
    // Only a real date (not 2026-02-30) is answered from the tables, and remembered: the map stays bounded.
    if (dateOfUtc(ms) !== date) return null;
    const table = yearTable(year);
    const total = table.before + (table.prefix[Math.round((ms - Date.UTC(year, 0, 1)) / MS_PER_DAY) + 1] ?? 0);
    totals.set(date, total);
    return total;
  };

  const isWorkingDay = (date: CalendarDate): boolean => {
    const total = totalOf(date);
    if (total === null) return calendar.isWorkingDay(date);
    const m = ISO_DATE.exec(date) as RegExpExecArray;
    const year = Number(m[1]);
    const table = yearTable(year);
    const dayOfYear = Math.round((Date.UTC(year, Number(m[2]) - 1, Number(m[3])) - Date.UTC(year, 0, 1)) / MS_PER_DAY);
    return (table.prefix[dayOfYear + 1] ?? 0) > (table.prefix[dayOfYear] ?? 0);
  };

  const workingDaysBetween = (from: CalendarDate, to: CalendarDate): number => {
    if (to <= from) return 0; // as the calendar: nothing in (from, to]; ISO dates sort as strings
    const a = totalOf(from);
    const b = totalOf(to);
    return a === null || b === null ? calendar.workingDaysBetween(from, to) : b - a;
  };

  /** Working days by their running total, as found: the demo data asks for the same few thousand again and again. */
  const byTotal = new Map<number, CalendarDate>();

  /** The first date whose running total reaches `target`: that working day, found by halving in its year's table. */
  const dateWithTotal = (target: number, fromYear: number): CalendarDate | null => {
    const known = byTotal.get(target);
    if (known !== undefined) return known;
    for (let year = fromYear; year <= MAX_YEAR; year++) {
      const table = yearTable(year);
      const last = table.prefix.length - 1;
      if (table.before + (table.prefix[last] ?? 0) < target) continue;
      let lo = 1;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.before + (table.prefix[mid] ?? 0) >= target) hi = mid;
        else lo = mid + 1;
      }
      const date = dateOfUtc(Date.UTC(year, 0, 1) + (lo - 1) * MS_PER_DAY);
      byTotal.set(target, date);
      return date;
    }
    return null;
  };

  const addWorkingDays = (from: CalendarDate, n: number): CalendarDate => {
    if (!Number.isInteger(n) || n <= 0) return calendar.addWorkingDays(from, n); // 0 is `from`; a bad n throws as the calendar does
    const start = totalOf(from);
    const found = start === null ? null : dateWithTotal(start + n, Number(from.slice(0, 4)));
    return found ?? calendar.addWorkingDays(from, n);
  };

  const workingDaysUntil = (from: CalendarDate, due: CalendarDate): number =>
    due >= from ? workingDaysBetween(from, due) : -workingDaysBetween(due, from);

  return { isWorkingDay, addWorkingDays, workingDaysBetween, workingDaysUntil };
}
