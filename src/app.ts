import type { TokenCredential } from '@azure/identity';
import pino, { type Logger } from 'pino';
import { ConfigError, type AppConfig } from './config';
import type { FileStore } from './files/file-store.port';
import type { Stores } from './store/stores';
import { ComplaintsBot } from './bot/complaints-bot';
import { createAdapter, type BotAuthenticationOptions } from './bot/create-adapter';
import { createHttpServer } from './bot/http-server';
import { ProactiveNotifier } from './bot/proactive-notifier';
import { caseFileSource, evidencePackSource, letterSource } from './bot/files/case-sources';
import { CaseUploads } from './bot/documents/case-uploads';
import { TeamsFiles } from './bot/documents/teams-files';
import { FileOffers, type FileDeliveryMode } from './bot/files/file-offers';
import { reportSource } from './bot/files/report-source';
import { buildCore } from './core';
import { registerDashboardRoutes } from './dashboard/dashboard-routes';
import { dashboardDeps } from './dashboard/dashboard-setup';
import { createGraphServices } from './graph/create-graph-services';
import { IntakeFlow } from './intake/intake-flow';
import { KeptCards } from './reminders/kept-cards';
import { ReminderSweeper, type SweepDeps, type SweepReport } from './reminders/reminder-sweep';
import { ReminderTimer } from './reminders/reminder-timer';
import { storeName } from './store/store-name';

export interface RunningApp {
  url: string;
  /** The interface it listens on: 127.0.0.1 for an unauthenticated local trial, all of them otherwise. */
  host: string;
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
  /** Where the Bot Framework's signing keys are published; tests serve their own. Default: the Bot Framework's. */
  botAuthentication?: BotAuthenticationOptions;
  /** How `report` sends its files: `auto` (the default) chooses per conversation; tests force one. */
  reportFileDelivery?: FileDeliveryMode;
  /** Reminder sweep tuning: tests shorten waits and leases; the local demo sends on any day. */
  reminders?: Partial<Pick<SweepDeps, 'sleep' | 'pacer' | 'leaseMs' | 'retry' | 'anyDay' | 'demoCaseReminders' | 'instanceId'>>;
}

/**
 * The composition root: configuration, logger, the core (policy and calendar, directory,
 * stores and the case context: src/core.ts), Microsoft Graph (installs, managers, mail), the
 * case operations, the bot, the reminder sweep and its timer, and the HTTP server, built in
 * that order and passed down.
 */
export async function startApp(config: AppConfig, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { app: 'housing-complaints-bot' } });

  // Without an app id anyone could post activities as anyone: only a local trial that says so.
  if (!config.bot && !config.localUnauthenticated) {
    throw new ConfigError('MicrosoftAppId is not set, so the bot cannot check who is calling it. Set the bot\'s app id (MicrosoftAppId, MicrosoftAppType, MicrosoftAppTenantId), or for a local trial only set LOCAL_UNAUTHENTICATED=true (npm run dev does): it then listens on 127.0.0.1 and takes only local service URLs.');
  }
  const core = await buildCore(config, { now: options.now });
  const { policy, stores, ctx } = core;
  if (!config.directoryFile) logger.warn('DIRECTORY_FILE is not set: using the invented demo directory.');

  // Installs, managers and mail (the MailSender port: Graph, or the log when not configured).
  const graph = createGraphServices(config, logger, options.graphCredential ? { credential: options.graphCredential } : {});
  const adapter = createAdapter(config.bot, logger, options.botAuthentication);
  // Cards Teams did not deliver, kept per person and sent again (src/reminders/kept-cards.ts).
  const keptCards = new KeptCards({ kv: stores.keyValue, cases: stores.cases, ctx, logger: logger.child({ part: 'kept-cards' }), ...(options.reminders?.instanceId ? { instanceId: options.reminders.instanceId } : {}) });
  const notifier = new ProactiveNotifier(adapter, config.bot?.appId ?? '', stores.conversationRefs, logger, keptCards);
  const intake = new IntakeFlow({ drafts: stores.keyValue, cases: stores.cases, ctx });
  // Links to report files use the public address (App Service), else the one we listen on (known below).
  let publicUrl = config.publicUrl;
  const filesLogger = logger.child({ part: 'files' });
  const fileOffers = new FileOffers({
    keyValue: stores.keyValue, ctx, logger: filesLogger, baseUrl: () => publicUrl ?? '', accessLog: stores.accessLog,
    delivery: options.reportFileDelivery ?? 'auto', allowHttpUpload: config.bot === null,
    sources: {
      report: reportSource(stores.cases, ctx),
      letter: letterSource(stores.cases, ctx, core.letters),
      'case-file': caseFileSource(stores.cases, ctx, core.files, filesLogger),
      'evidence-pack': evidencePackSource(stores.cases, ctx, core.files, core.letters),
    },
  });
  const uploads = new CaseUploads({ keyValue: stores.keyValue, cases: stores.cases, files: core.files, ctx, logger: filesLogger, baseUrl: () => publicUrl ?? '' });
  const teamsFiles = new TeamsFiles({ keyValue: stores.keyValue, cases: stores.cases, files: core.files, ctx, logger: filesLogger, allowHttpDownload: config.bot === null });
  if (core.letters.exampleLandlord) logger.warn('LANDLORD_FILE is not set: letters carry the invented example letterhead.');
  const bot = new ComplaintsBot({
    ctx, stores, intake, notifier, logger, tenantId: config.tenantId, loopbackOnly: config.bot === null, mailbox: { mail: graph.mail, address: graph.complaintsMailbox },
    fileOffers, files: core.files, letters: core.letters, uploads, teamsFiles,
  });
  const sweeper = new ReminderSweeper({
    stores, ctx, teams: notifier, keptCards, mail: graph.mail, complaintsMailbox: graph.complaintsMailbox, installer: graph.installer, people: graph.people,
    workingHours: config.reminders.workingHours, logger: logger.child({ part: 'reminders' }), ...options.reminders,
  });
  const timer = new ReminderTimer(() => sweeper.run(), config.reminders.sweepSeconds, logger);
  const server = createHttpServer(adapter, bot, stores, logger, { secret: config.reminders.runSecret, run: () => sweeper.run() }, fileOffers, uploads, () => readiness(stores, core.files, storeName(config.store)));
  // The dashboard personal tab (src/dashboard): Teams sign-in, or the demo people in a local run.
  registerDashboardRoutes(server, dashboardDeps(config, core, logger));

  // An unauthenticated local trial is reachable from this machine only.
  const host = config.bot ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((resolve) => { server.listen(config.port, host, resolve); });
  // restify types address() loosely; a listening server on a TCP port has a number port.
  const address: { port: number } = server.address();
  // The address it listens on, as other processes on this machine reach it (a local trial: 127.0.0.1, not ::1).
  const url = `http://${config.bot ? 'localhost' : '127.0.0.1'}:${address.port}`;
  publicUrl ??= url;
  logger.info({ url, policy: policy.id, store: config.store.kind }, 'complaints bot listening');
  timer.start();
  // Forms untouched for 30 days run out; Cosmos DB removes them itself, SQLite needs a sweep.
  const sweepExpired = () => { stores.keyValue.deleteExpired(new Date()).catch((err: unknown) => { logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not remove run-out forms'); }); };
  sweepExpired();
  const housekeeping = setInterval(sweepExpired, 6 * 3_600_000);
  housekeeping.unref();

  return {
    url,
    host,
    logger,
    runReminders: () => sweeper.run(),
    close: async () => {
      clearInterval(housekeeping);
      const timerStopped = timer.stop(); // no further runs from now on
      await sweeper.stop(); // aborts waits, lets in-flight sends finish
      await timerStopped;
      await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
      await core.close();
    },
  };
}

/**
 * Can the bot do its work? A write (and delete) in the store, as a card action does, and the
 * file store's own check; null for a part that works, else what is wrong (for the log, which
 * names the folder or account: a full or read-only disk says only "disk is full" by itself).
 */
async function readiness(stores: Stores, files: FileStore, storeAt: string): Promise<Record<string, string | null>> {
  const store = await (async () => {
    try {
      const key = `readyz/${process.pid}`;
      await stores.keyValue.put(key, { at: new Date().toISOString() });
      await stores.keyValue.delete(key);
      return null;
    } catch (err) {
      return `${storeAt}: ${err instanceof Error ? err.message : String(err)}`;
    }
  })();
  const file = await files.ping();
  return { store, files: file.ok ? null : file.message ?? 'not usable' };
}
