import Holidays from 'date-holidays';
import type { CalendarDate } from '../domain/calendar-date';
import type { HolidaysForYear } from '../domain/working-days';
import type { Nation } from '../domain/policy';

/** date-holidays region codes: England and Wales share one list of bank holidays. */
const REGION: Record<Nation, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * UK bank holidays for a nation, including substitute days (Boxing Day on a Saturday moves
 * to the Monday). Only the 'public' type counts: date-holidays also lists observances such
 * as Mother's Day, which are working days.
 */
export function ukBankHolidays(nation: Nation): HolidaysForYear {
  const source = new Holidays('GB', REGION[nation]);
  return (year: number): CalendarDate[] =>
    source.getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
}
