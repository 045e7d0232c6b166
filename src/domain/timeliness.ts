import { compareDates, type CalendarDate } from './calendar-date';
import type { Deadline } from './case-state';

/**
 * What "on time" means, in one place, for the cards, the reminders and the reports: a
 * deadline is met in time when it was met on or before its due date (after extensions and
 * pauses). One still running is late once today is past its due date, and pending until
 * then. One never met on a finished case (withdrawn, or closed before it was due) is 'n/a':
 * neither in time nor late, and not counted.
 */
export type Timeliness = 'yes' | 'no' | 'pending' | 'n/a';

export function timeliness(deadline: Pick<Deadline, 'due' | 'metOn'>, today: CalendarDate, caseOpen: boolean): Timeliness {
  if (deadline.metOn !== null) return compareDates(deadline.metOn, deadline.due) <= 0 ? 'yes' : 'no';
  if (!caseOpen) return 'n/a';
  return compareDates(today, deadline.due) > 0 ? 'no' : 'pending';
}
