import { FakeConnector } from '../../test/support/fake-connector';
import { FaultProxy } from '../../test/support/fault-proxy';
import type { LocalCosmos } from '../../test/support/cosmos-server';
import { cosmosBackend } from './backends';
import { soakDirectory } from './soak-directory';
import { startSoakBot } from './soak-bot';
import { SoakClient, trimSent } from './teams-client';
import { converse, emptyTally, lostWork } from './workload';

export interface StormFigures {
  conversations: number;
  seconds: number;
  cosmosRequests: number;
  throttled: number;
  actions: number;
  casesConfirmed: number;
  notesConfirmed: number;
  /** Errors shown to people that retrying would have avoided: every throttle passes, so all of them. */
  errorsShown: number;
  errorSamples: string[];
  lostCases: number;
  lostNotes: number;
}

/** How long Cosmos DB asks the client to wait (x-ms-retry-after-ms), as a busy account does. */
const RETRY_AFTER_MS = 100;

/**
 * A throttling storm: the bot on the local Cosmos DB server through the fault proxy
 * (test/support/fault-proxy.ts), which answers every third request with 429 and
 * x-ms-retry-after-ms, while `conversations` people log complaints, add notes and open cases
 * for `seconds`. Then everything confirmed is looked for in the store.
 */
export async function throttleStorm(cosmos: LocalCosmos, options: { conversations: number; seconds: number }): Promise<StormFigures> {
  const proxy = await FaultProxy.start(cosmos.port);
  const backend = cosmosBackend('storm', cosmos, proxy.endpoint);
  const directory = soakDirectory(options.conversations);
  const connector = await new FakeConnector().start();
  const bot = await startSoakBot({ env: { ...backend.env, DIRECTORY_FILE: directory.file } });
  const tally = emptyTally();
  try {
    const before = { ...proxy.stats };
    let n = 0;
    proxy.inject({ kind: 'status', status: 429, retryAfterMs: RETRY_AFTER_MS }, Number.MAX_SAFE_INTEGER, () => ++n % 3 === 0);
    const until = Date.now() + options.seconds * 1000;
    const stopTrimming = trimSent(connector);
    await Promise.all(directory.officers.map((officer) => converse(new SoakClient(bot.url, connector), officer, until, tally)));
    stopTrimming();
    proxy.clear();
    const stores = await backend.open();
    const lost = await lostWork(stores, tally).finally(() => stores.close());
    return {
      conversations: options.conversations, seconds: options.seconds,
      cosmosRequests: proxy.stats.forwarded + proxy.stats.faulted - before.forwarded - before.faulted, throttled: proxy.stats.faulted - before.faulted,
      actions: tally.actions, casesConfirmed: tally.cases.length, notesConfirmed: tally.notes.length, errorsShown: tally.errorsShown, errorSamples: tally.errorSamples,
      lostCases: lost.cases, lostNotes: lost.notes,
    };
  } finally {
    await bot.stop();
    await connector.stop();
    await proxy.stop();
  }
}
