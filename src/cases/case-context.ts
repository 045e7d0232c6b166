import type { Directory } from '../domain/directory';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';

/** What the case operations need, built once in the composition root and passed down. */
export interface CaseContext {
  policy: Policy;
  calendar: WorkingDayCalendar;
  directory: Directory;
  /** The clock: injected so tests can fix "now". */
  now: () => Date;
  newId: () => string;
}
