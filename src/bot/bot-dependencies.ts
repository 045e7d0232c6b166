import type { Logger } from 'pino';
import type { CaseContext } from '../cases/case-context';
import type { IntakeFlow } from '../intake/intake-flow';
import type { MailSender } from '../graph/mail-sender.port';
import type { Stores } from '../store/stores';
import type { ProactiveNotifier } from './proactive-notifier';
import type { FileStore } from '../files/file-store.port';
import type { LetterMaterials } from '../core';
import type { CaseUploads } from './documents/case-uploads';
import type { TeamsFiles } from './documents/teams-files';
import type { FileOffers } from './files/file-offers';

/** Everything the bot's handlers use, built in the composition root (src/index.ts). */
export interface BotDependencies {
  ctx: CaseContext;
  stores: Stores;
  intake: IntakeFlow;
  notifier: ProactiveNotifier;
  logger: Logger;
  /** The only tenant whose activities are handled; undefined for local unauthenticated runs. */
  tenantId: string | undefined;
  /** An unauthenticated local trial: only activities whose service URL is this machine are taken. */
  loopbackOnly?: boolean;
  /** Where copies for the Complaints Log go (seed 000); no address: nothing is copied. */
  mailbox: { mail: MailSender; address: string | undefined };
  /** Files for a person (the report's files, letters, a case's files): file consent cards in Teams, short-lived links elsewhere. */
  fileOffers: FileOffers;
  /** Files attached to cases. */
  files: FileStore;
  /** "Add a file" links to the upload page. */
  uploads: CaseUploads;
  /** Files dropped into the chat in Teams. */
  teamsFiles: TeamsFiles;
  /** The landlord's letterhead and Word template, for letters. */
  letters: LetterMaterials;
}
