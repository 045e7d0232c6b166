import { londonDateOf } from '../domain/calendar-date';
import type { CommandContext } from '../domain/commands/command';
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

/** The domain's context for a command taken now: today is the London date of the clock. */
export function commandContext(ctx: CaseContext): CommandContext {
  return { policy: ctx.policy, calendar: ctx.calendar, directory: ctx.directory, today: londonDateOf(ctx.now()) };
}
