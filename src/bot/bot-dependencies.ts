import type { Logger } from 'pino';
import type { CaseContext } from '../cases/case-context';
import type { IntakeFlow } from '../intake/intake-flow';
import type { Stores } from '../store/stores';
import type { ProactiveNotifier } from './proactive-notifier';

/** Everything the bot's handlers use, built in the composition root (src/index.ts). */
export interface BotDependencies {
  ctx: CaseContext;
  stores: Stores;
  intake: IntakeFlow;
  notifier: ProactiveNotifier;
  logger: Logger;
  /** The only tenant whose activities are handled; undefined for local unauthenticated runs. */
  tenantId: string | undefined;
}
