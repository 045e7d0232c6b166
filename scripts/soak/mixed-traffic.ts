import { FakeConnector } from '../../test/support/fake-connector';
import { sqliteBackend } from './backends';
import { soakDirectory } from './soak-directory';
import { startSoakBot } from './soak-bot';
import { SoakClient } from './teams-client';
import { converse, emptyTally, lostWork } from './workload';

export interface MixedFigures {
  conversations: number;
  warmUpSeconds: number;
  seconds: number;
  actions: number;
  actionsPerSecond: number;
  /** Resident set size after warm-up and at the end, each after a full garbage collection (MB). */
  rssAfterWarmUpMb: number;
  rssAtEndMb: number;
  rssGrowthPercent: number;
  heapAfterWarmUpMb: number;
  heapAtEndMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  errorsShown: number;
  errorSamples: string[];
  lostCases: number;
  lostNotes: number;
}

/**
 * Mixed traffic on the embedded store: `conversations` people at once send messages, log
 * complaints through the form, add notes and open case cards. After a warm-up the loop-delay
 * probe in the bot is read (which starts its window) with the memory in use; at the end again.
 */
export async function mixedTraffic(options: { conversations: number; warmUpSeconds: number; seconds: number }): Promise<MixedFigures> {
  const backend = sqliteBackend('mixed');
  const directory = soakDirectory(options.conversations);
  const connector = await new FakeConnector().start();
  const bot = await startSoakBot({ env: { ...backend.env, DIRECTORY_FILE: directory.file } });
  const tally = emptyTally();
  const trim = setInterval(() => { if (connector.sent.length > 4000) connector.sent.splice(0, connector.sent.length - 2000); }, 1000);
  try {
    const run = (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      return Promise.all(directory.officers.map((officer) => converse(new SoakClient(bot.url, connector, `mixed-${officer.estate}`), officer, until, tally)));
    };
    await run(options.warmUpSeconds);
    const warm = await bot.probe();
    const actionsBefore = tally.actions;
    await run(options.seconds);
    const end = await bot.probe();
    const stores = await backend.open();
    const lost = await lostWork(stores, tally).finally(() => stores.close());
    const actions = tally.actions - actionsBefore;
    return {
      conversations: options.conversations, warmUpSeconds: options.warmUpSeconds, seconds: options.seconds, actions, actionsPerSecond: Math.round(actions / options.seconds),
      rssAfterWarmUpMb: warm.rssMb, rssAtEndMb: end.rssMb, rssGrowthPercent: Math.round(((end.rssMb - warm.rssMb) / warm.rssMb) * 1000) / 10,
      heapAfterWarmUpMb: warm.heapUsedMb, heapAtEndMb: end.heapUsedMb,
      loopDelayP50Ms: end.p50Ms, loopDelayP99Ms: end.p99Ms, loopDelayMaxMs: end.maxMs,
      errorsShown: tally.errorsShown, errorSamples: tally.errorSamples, lostCases: lost.cases, lostNotes: lost.notes,
    };
  } finally {
    clearInterval(trim);
    await bot.stop();
    await connector.stop();
  }
}
