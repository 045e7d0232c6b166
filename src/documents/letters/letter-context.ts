import type { CalendarDate } from '../../domain/calendar-date';
import type { Directory } from '../../domain/directory';
import type { Policy } from '../../domain/policy';
import type { WorkingDayCalendar } from '../../domain/working-days';
import type { Landlord } from './letter';

/** What every composer reads besides the case: the policy and its calendar, the directory, the landlord, and the letter's date. */
export interface LetterContext {
  policy: Policy;
  calendar: WorkingDayCalendar;
  directory: Directory;
  landlord: Landlord;
  /** The date the letter carries (Europe/London), normally today. */
  today: CalendarDate;
}
