import type { Logger } from 'pino';
import type { CaseContext } from '../cases/case-context';
import type { IntakeFlow } from '../intake/intake-flow';
import type { MailSender } from '../graph/mail-sender.port';
import type { Stores } from '../store/stores';
import type { ProactiveNotifier } from './proactive-notifier';
import type { ReportFiles } from './report-files';

/** Everything the bot's handlers use, built in the composition root (src/index.ts). */
export interface BotDependencies {
  ctx: CaseContext;
  stores: Stores;
  intake: IntakeFlow;
  notifier: ProactiveNotifier;
  logger: Logger;
  /** The only tenant whose activities are handled; undefined for local unauthenticated runs. */
  tenantId: string | undefined;
  /** Where copies for the Complaints Log go (seed 000); no address: nothing is copied. */
  mailbox: { mail: MailSender; address: string | undefined };
  /** The report's files: file consent cards in Teams, short-lived links elsewhere. */
  reportFiles: ReportFiles;
}
