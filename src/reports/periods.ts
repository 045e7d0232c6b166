import { addCalendarDays, addMonths, isCalendarDate, type CalendarDate } from '../domain/calendar-date';

/**
 * Report periods as people type them: 2026-Q3 (calendar quarter), 2026-07 (a month), 2026
 * (a calendar year), FY2026 (the financial year 1 April 2026 to 31 March 2027) or
 * 2026-04-01..2027-03-31. Returns null for anything else.
 */
export interface Period { from: CalendarDate; to: CalendarDate; label: string }

export function parsePeriod(input: string): Period | null {
  const s = input.trim();
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to)\s*(\d{4}-\d{2}-\d{2})$/i.exec(s);
  if (range) {
    const [, from = '', to = ''] = range;
    if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) return null;
    return { from, to, label: `${from} to ${to}` };
  }
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(s);
  if (quarter) {
    const year = quarter[1] as string;
    const q = Number(quarter[2]);
    const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { from, to: addCalendarDays(addMonths(from, 3), -1), label: `${year} Q${q}` };
  }
  const fy = /^FY\s*(\d{4})$/i.exec(s);
  if (fy) {
    const year = Number(fy[1]);
    return { from: `${year}-04-01`, to: `${year + 1}-03-31`, label: `financial year ${year}/${String(year + 1).slice(2)}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month && isCalendarDate(`${s}-01`)) {
    const from = `${s}-01`;
    return { from, to: addCalendarDays(addMonths(from, 1), -1), label: s };
  }
  if (/^\d{4}$/.test(s)) return { from: `${s}-01-01`, to: `${s}-12-31`, label: s };
  return null;
}
