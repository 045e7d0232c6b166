import type { Policy } from '../domain/policy';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../domain/working-days';
import { ukBankHolidays } from './uk-bank-holidays';

/** The working-day calendar a policy's deadlines run on: its nation's bank holidays and its closures. */
export function calendarForPolicy(policy: Policy): WorkingDayCalendar {
  return createWorkingDayCalendar(ukBankHolidays(policy.nation), policy.closureDays);
}
