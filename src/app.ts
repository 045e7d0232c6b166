import type { TokenCredential } from '@azure/identity';
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
import { createGraphServices } from './graph/create-graph-services';
import { IntakeFlow } from './intake/intake-flow';
import { loadPolicy } from './policies/load-policy';
import { ReminderSweeper, type SweepDeps, type SweepReport } from './reminders/reminder-sweep';
import { ReminderTimer } from './reminders/reminder-timer';
import { createStores } from './store/create-stores';

export interface RunningApp {
  url: string;
  logger: Logger;
  /** Runs a reminder sweep now (as the timer and POST /api/reminders/run do). */
  runReminders(): Promise<SweepReport>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  logger?: Logger;
  /** The identity Graph calls use; by default the bot's own (tests pass a fake one). */
  graphCredential?: TokenCredential;
  /** Reminder sweep tuning: tests shorten waits and leases; the local demo sends on any day. */
  reminders?: Partial<Pick<SweepDeps, 'sleep' | 'pacer' | 'leaseMs' | 'retry' | 'anyDay' | 'instanceId'>>;
}

/**
 * The composition root: configuration, logger, policy and calendar, directory, stores,
 * Microsoft Graph (installs, managers, mail), the case operations, the bot, the reminder
 * sweep and its timer, and the HTTP server, built in that order and passed down.
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
  // Installs, managers and mail (the MailSender port: Graph, or the log when not configured).
  const graph = createGraphServices(config, logger, options.graphCredential ? { credential: options.graphCredential } : {});
  const adapter = createAdapter(config.bot, logger);
  const notifier = new ProactiveNotifier(adapter, config.bot?.appId ?? '', stores.conversationRefs, logger);
  const intake = new IntakeFlow({ drafts: stores.keyValue, cases: stores.cases, ctx });
  const bot = new ComplaintsBot({ ctx, stores, intake, notifier, logger, tenantId: config.tenantId, mailbox: { mail: graph.mail, address: graph.complaintsMailbox } });
  const sweeper = new ReminderSweeper({
    stores, ctx, teams: notifier, mail: graph.mail, complaintsMailbox: graph.complaintsMailbox, installer: graph.installer, people: graph.people,
    workingHours: config.reminders.workingHours, logger: logger.child({ part: 'reminders' }), ...options.reminders,
  });
  const timer = new ReminderTimer(() => sweeper.run(), config.reminders.sweepSeconds, logger);
  const server = createHttpServer(adapter, bot, stores, logger, { secret: config.reminders.runSecret, run: () => sweeper.run() });

  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const address = server.address();
  const url = `http://localhost:${address.port}`;
  logger.info({ url, policy: policy.id, store: config.store.kind }, 'complaints bot listening');
  timer.start();

  return {
    url,
    logger,
    runReminders: () => sweeper.run(),
    close: async () => {
      const timerStopped = timer.stop(); // no further runs from now on
      await sweeper.stop(); // aborts waits, lets in-flight sends finish
      await timerStopped;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}
