import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { calendarForPolicy } from './calendar/policy-calendar';
import type { AppConfig } from './config';
import { ComplaintsBot } from './bot/complaints-bot';
import { createAdapter } from './bot/create-adapter';
import { createHttpServer } from './bot/http-server';
import { ProactiveNotifier } from './bot/proactive-notifier';
import type { CaseContext } from './cases/case-context';
import { loadDirectory } from './directory/load-directory';
import { IntakeFlow } from './intake/intake-flow';
import { loadPolicy } from './policies/load-policy';
import { createStores } from './store/create-stores';

export interface RunningApp {
  url: string;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: Logger;
}

/**
 * The composition root: configuration, logger, policy and calendar, directory, stores,
 * the case operations, the bot and the HTTP server, built in that order and passed down.
 */
export async function startApp(config: AppConfig, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { app: 'housing-complaints-bot' } });

  const loaded = loadPolicy(config.policy);
  if (!loaded.ok) throw new Error(`COMPLAINT_POLICY "${config.policy}" is not a usable policy:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
  const policy = loaded.policy;
  const directory = loadDirectory(config.directoryFile);
  if (!config.directoryFile) logger.warn('DIRECTORY_FILE is not set: using the invented demo directory.');

  const stores = await createStores(config.store.kind === 'sqlite'
    ? { kind: 'sqlite', dataDir: config.store.dataDir }
    : {
      kind: 'cosmos', endpoint: config.store.endpoint, databaseName: config.store.databaseName,
      ...(config.store.key ? { key: config.store.key } : {}),
      ...(config.bot?.appType === 'UserAssignedMSI' ? { managedIdentityClientId: config.bot.appId } : {}),
    });

  const ctx: CaseContext = { policy, directory, calendar: calendarForPolicy(policy), now: options.now ?? (() => new Date()), newId: randomUUID };
  const adapter = createAdapter(config.bot, logger);
  const notifier = new ProactiveNotifier(adapter, config.bot?.appId ?? '', stores.conversationRefs, logger);
  const intake = new IntakeFlow({ drafts: stores.keyValue, cases: stores.cases, ctx });
  const bot = new ComplaintsBot({ ctx, stores, intake, notifier, logger, tenantId: config.tenantId });
  const server = createHttpServer(adapter, bot, stores, logger);

  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const address = server.address();
  const url = `http://localhost:${address.port}`;
  logger.info({ url, policy: policy.id, store: config.store.kind }, 'complaints bot listening');

  return {
    url,
    logger,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
