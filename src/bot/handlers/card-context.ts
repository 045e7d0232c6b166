import { londonDateOf } from '../../domain/calendar-date';
import type { CaseCardContext } from '../../cards/case-cards';
import type { BotDependencies } from '../bot-dependencies';

/** What case cards need, as of now (London date). */
export function cardContext(deps: BotDependencies): CaseCardContext {
  const { policy, directory, calendar, now } = deps.ctx;
  return { policy, directory, calendar, today: londonDateOf(now()) };
}
