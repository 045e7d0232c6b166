import { FakeConnector } from '../../test/support/fake-connector';
import { sqliteBackend } from './backends';
import { soakDirectory } from './soak-directory';
import { startSoakBot } from './soak-bot';
import { SoakClient, trimSent } from './teams-client';
import { converse, emptyTally, lostWork } from './workload';

export interface MixedFigures {
  conversations: number;
  warmUpSeconds: number;
  seconds: number;
  actions: number;
  actionsPerSecond: number;
  /**
   * Resident set size (MB) after warm-up and at the end of the run, read off the least-squares
   * line through the readings (one a second, from /proc) over the run: single readings swing by
   * a third either way as garbage builds up and is collected, so two of them would say more
   * about when they were taken than about a leak, which the line's slope shows.
   */
  rssAfterWarmUpMb: number;
  rssAtEndMb: number;
  rssGrowthPercent: number;
  /** The readings' median over the run, and how many there were. */
  rssMedianMb: number;
  rssReadings: number;
  /** A reading every 5 s through the run (MB). */
  rssSeriesMb: number[];
  /** The lowest and highest single reading during the run. */
  rssMinMb: number;
  rssMaxMb: number;
  /** The main thread's JavaScript heap in use (not collected first) after warm-up and at the end (MB). */
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
 * Mixed traffic on the embedded store: `conversations` people at once send messages, fill in
 * the complaint form, add notes and open case cards, each on a few cases of their own (logged
 * in the warm-up), so the data set does not grow but by the notes. After a warm-up the loop-delay
 * probe in the bot is read (which starts its window) with the heap in use, and the process's
 * RSS is read once a second until the end, when the probe is read again.
 */
/** Cases each conversation keeps and works on (see converse's keepCases). */
const KEPT_CASES = 3;

export async function mixedTraffic(options: { conversations: number; warmUpSeconds: number; seconds: number }): Promise<MixedFigures> {
  const backend = sqliteBackend('mixed');
  const directory = soakDirectory(options.conversations);
  const connector = await new FakeConnector().start();
  const bot = await startSoakBot({ env: { ...backend.env, DIRECTORY_FILE: directory.file } });
  const tally = emptyTally();
  const stopTrimming = trimSent(connector);
  try {
    const run = (seconds: number) => {
      const until = Date.now() + seconds * 1000;
      return Promise.all(directory.officers.map((officer) => converse(new SoakClient(bot.url, connector), officer, until, tally, { keepCases: KEPT_CASES })));
    };
    await run(options.warmUpSeconds);
    const warm = await bot.probe();
    const actionsBefore = tally.actions;
    const readings: Array<{ at: number; mb: number }> = [];
    const start = Date.now();
    const sampler = setInterval(() => { readings.push({ at: (Date.now() - start) / 1000, mb: bot.rssMb() }); }, 1000);
    await run(options.seconds);
    const endedAt = (Date.now() - start) / 1000;
    clearInterval(sampler);
    const end = await bot.probe();
    const line = leastSquares(readings.map((r) => [r.at, r.mb]));
    const first = line.at(0);
    const last = line.at(endedAt);
    const stores = await backend.open();
    const lost = await lostWork(stores, tally).finally(() => stores.close());
    const actions = tally.actions - actionsBefore;
    return {
      conversations: options.conversations, warmUpSeconds: options.warmUpSeconds, seconds: options.seconds, actions, actionsPerSecond: Math.round(actions / options.seconds),
      rssAfterWarmUpMb: round(first), rssAtEndMb: round(last), rssGrowthPercent: round(((last - first) / first) * 100),
      rssMedianMb: round(median(readings.map((r) => r.mb))), rssReadings: readings.length,
      rssSeriesMb: readings.filter((_, i) => i % 5 === 0).map((r) => Math.round(r.mb)),
      rssMinMb: round(Math.min(...readings.map((r) => r.mb))), rssMaxMb: round(Math.max(...readings.map((r) => r.mb))),
      heapAfterWarmUpMb: warm.heapUsedMb, heapAtEndMb: end.heapUsedMb,
      loopDelayP50Ms: end.p50Ms, loopDelayP99Ms: end.p99Ms, loopDelayMaxMs: end.maxMs,
      errorsShown: tally.errorsShown, errorSamples: tally.errorSamples, lostCases: lost.cases, lostNotes: lost.notes,
    };
  } finally {
    stopTrimming();
    await bot.stop();
    await connector.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] ?? 0 : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The least-squares line through (x, y) points: its value at any x. */
function leastSquares(points: Array<[number, number]>): { at(x: number): number } {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  const slope = sxx ? points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / sxx : 0;
  return { at: (x) => my + slope * (x - mx) };
}

const round = (n: number) => Math.round(n * 10) / 10;
