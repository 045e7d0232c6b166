import pino, { type Logger } from 'pino';
import type { AppConfig } from './config';
import { storeOptionsFor } from './core';
import { createUnreadyServer } from './bot/http-server';
import { createStores } from './store/create-stores';
import { isStoreError } from './store/store-errors';
import type { RunningApp } from './app';

/** What the entry point holds: the app once it runs, or the stand-in until then. */
export interface StartedBot {
  logger: Logger;
  close(): Promise<void>;
}

export interface WaitOptions {
  /** How often to try the store again. Default 10 s. */
  retryMs?: number;
  logger?: Logger;
  /** Told of a failure that waiting will not mend (the app then cannot run). */
  onFatal(err: unknown): void;
}

/**
 * Starts the app; if its store cannot be opened (a read-only or full data folder, Cosmos DB
 * not reachable yet), the process stays up instead of exiting, so that App Service sees it
 * alive but not ready rather than restarting it in a loop: the port answers /healthz (up) and
 * /readyz (503, the store), the log says what is wrong and where, and the store is tried again
 * every `retryMs`. Once it opens, the app takes over the port. Any other failure (a setting,
 * the policy, the directory) is thrown as before: waiting will not mend it.
 */
export async function startWhenStoreOpens(config: AppConfig, start: (config: AppConfig) => Promise<RunningApp>, options: WaitOptions): Promise<StartedBot> {
  const logger = options.logger ?? pino({ level: config.logLevel, base: { app: 'housing-complaints-bot' } });
  const retryMs = options.retryMs ?? 10_000;
  try {
    return await start(config);
  } catch (err) {
    if (!isStoreError(err, 'STORE.UNAVAILABLE')) throw err;
    logger.error({ problem: err.message, retrySeconds: retryMs / 1000 }, 'the store could not be opened: not ready, and trying again');
  }
  // An unauthenticated local trial is reachable from this machine only, as the app itself.
  const host = config.bot ? '0.0.0.0' : '127.0.0.1';
  const holder = createUnreadyServer();
  await new Promise<void>((resolve) => { holder.listen(config.port, host, resolve); });
  let app: RunningApp | null = null;
  let closed = false;
  // Read through a function: `closed` changes while an attempt awaits.
  const isClosed = () => closed;
  let timer: NodeJS.Timeout | undefined;

  const attempt = async (): Promise<void> => {
    // The port stays with the stand-in until the store opens, so /healthz never goes quiet.
    try {
      const stores = await createStores(storeOptionsFor(config));
      await stores.close();
    } catch (err) {
      logger.error({ problem: err instanceof Error ? err.message : String(err) }, 'the store still cannot be opened: not ready');
      if (!isClosed()) timer = setTimeout(() => { void attempt(); }, retryMs);
      return;
    }
    if (isClosed()) return;
    await new Promise<void>((resolve) => { holder.close(() => { resolve(); }); });
    try {
      app = await start(config);
      logger.info('the store opened: the bot is ready');
      if (isClosed()) await app.close();
    } catch (err) {
      options.onFatal(err);
    }
  };
  timer = setTimeout(() => { void attempt(); }, retryMs);

  return {
    logger,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      if (app) await app.close();
      else await new Promise<void>((resolve) => { holder.close(() => { resolve(); }); });
    },
  };
}
