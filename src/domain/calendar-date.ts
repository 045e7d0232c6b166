/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines are days on a UK office calendar,
 * never instants: an instant near midnight would shift a deadline by a day when converted
 * between UTC and British Summer Time. Arithmetic here runs on UTC midnights, which have
 * no daylight-saving jumps, and only date strings leave this module.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * True when `s` is a real date in YYYY-MM-DD form (2026-02-30 is not). Counted, not built as a
 * Date: the schema asks this of every date of every event of every case it reads.
 */
export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // From the year 100: Date.UTC, which the arithmetic below uses, reads years 0-99 as 1900-1999,
  // so "0026-11-20" (a two-digit year typed into a date field) would become a date in 1926.
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toUtc(date: CalendarDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toCalendarDate(d: Date): CalendarDate {
  return d.toISOString().slice(0, 10);
}

export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return toCalendarDate(new Date(toUtc(date).getTime() + days * MS_PER_DAY));
}

/** Adds whole months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const d = toUtc(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return toCalendarDate(target);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: CalendarDate): number {
  return toUtc(date).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function calendarDaysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / MS_PER_DAY);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // ISO dates sort as strings
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
});

/**
 * The last minute asked about and its London date: every request asks for today. London's
 * offset from UTC is whole hours, so its midnight is on a minute's boundary, and every instant
 * of one UTC minute has the same London date.
 */
let lastMinute = Number.NaN;
let lastDate = '';

/** The date in Europe/London at a given instant: 23:30 UTC on 30 June is 1 July in London. */
export function londonDateOf(instant: Date): CalendarDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = londonDate.format(instant); // en-CA formats as YYYY-MM-DD
    lastMinute = minute;
  }
  return lastDate;
}

const dayWords = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Dates said recently: Intl's formatting is slow beside everything else on a card, and a card
 * says the same few dates (today, the deadlines, the days of the latest events) over and over.
 */
const saidDates = new Map<CalendarDate, string>();
const SAID_DATES_MAX = 4096;

/** A date as every card, message and letter says it: "Tue 29 Dec 2026". */
export function formatDate(date: CalendarDate): string {
  let said = saidDates.get(date);
  if (said === undefined) {
    said = dayWords.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
    if (saidDates.size >= SAID_DATES_MAX) saidDates.clear();
    saidDates.set(date, said);
  }
  return said;
}
