import type { TokenCredential } from '@azure/identity';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { GraphClientOptions } from './graph-client';
import { graphCredentialFor } from './graph-credential';
import { GraphMailSender } from './graph-mail-sender';
import { GraphPeople } from './graph-people';
import { LoggingMailSender } from './logging-mail-sender';
import type { MailSender } from './mail-sender.port';
import { TeamsAppInstaller } from './teams-app-installer';

/** What the app gets from Microsoft Graph; each part is optional and says why when absent. */
export interface GraphServices {
  /** Installs the Teams app for people who never opened the bot; needs TEAMS_APP_CATALOG_ID. */
  installer: TeamsAppInstaller | undefined;
  /** Managers from Entra ID, when the directory file names none. */
  people: GraphPeople | undefined;
  /** Graph mail when MAIL_SENDER and COMPLAINTS_MAILBOX are set, else the log. */
  mail: MailSender;
  complaintsMailbox: string | undefined;
}

export interface GraphServiceOptions {
  /** Overrides the credential built from the bot's identity; tests pass a fake one. */
  credential?: TokenCredential;
  client?: Partial<Omit<GraphClientOptions, 'baseUrl' | 'credential'>>;
}

export function createGraphServices(config: AppConfig, logger: Logger, options: GraphServiceOptions = {}): GraphServices {
  const credential = options.credential ?? graphCredentialFor(config.bot);
  // The Graph SDK is loaded only when there is an identity to call it with: a local run never
  // calls Graph (docs/performance.md, "Loading only what is used").
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when used, see above
  const client = credential ? (require('./graph-client') as typeof import('./graph-client')).createGraphClient({ ...options.client, baseUrl: config.graph.baseUrl, credential }) : undefined;
  const { sender, complaintsMailbox } = config.mail;

  if (!client && (config.graph.teamsAppCatalogId || sender)) {
    logger.warn('TEAMS_APP_CATALOG_ID or MAIL_SENDER is set, but the bot has no identity for Microsoft Graph (MicrosoftAppId with its secret or managed identity): no installs, mail is only logged.');
  }
  const mailConfigured = client && sender && complaintsMailbox;
  if (!mailConfigured) logger.info('MAIL_SENDER or COMPLAINTS_MAILBOX is not set (or no Graph identity): mail is written to the log, not sent.');

  return {
    installer: client && config.graph.teamsAppCatalogId ? new TeamsAppInstaller(client, config.graph.baseUrl, config.graph.teamsAppCatalogId) : undefined,
    people: client ? new GraphPeople(client) : undefined,
    mail: mailConfigured ? new GraphMailSender(client, sender) : new LoggingMailSender(logger),
    complaintsMailbox,
  };
}
