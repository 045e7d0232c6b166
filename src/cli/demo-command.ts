import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { DEMO_DIRECTORY } from '../directory/demo-directory';
import type { NewCaseRecord } from '../domain/case-record';
import { generateDemoCases } from '../reports/demo-cases';
import { UsageError, type CommandResult } from './cli-io';
import { storeName } from '../store/store-name';

/** Cases written per batch: large enough that the fsyncs stop mattering, small enough to hold. */
const DEMO_BATCH = 2_000;

/** The flag that lets the demo write into a Cosmos DB account or a store holding real cases. */
export const INTO_LIVE_STORE_FLAG = '--into-live-store';

export interface DemoArgs {
  cases: string | undefined;
  seed: string | undefined;
  /** `--into-live-store`: write even into a Cosmos DB account or a store that holds real cases. */
  intoLiveStore?: boolean;
}

/**
 * `complaints demo --cases N [--seed S] [--into-live-store]`: fills the selected store with N
 * invented cases received over the last 18 months, under the configured policy, with the demo
 * directory's officers, each marked `details.demo`. The same seed (default 1) and day give the
 * same cases.
 *
 * Invented cases must never be mixed with residents' complaints by accident: the command
 * refuses (exit 2, nothing written) a store that holds any real (non-demo) case, and any
 * Cosmos DB account (a deployed store), unless `--into-live-store` is given.
 */
export async function demoCommand(config: AppConfig, args: DemoArgs, today: CalendarDate = londonDateOf(new Date())): Promise<CommandResult> {
  const count = Number(args.cases);
  if (args.cases === undefined || !Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('demo needs --cases N (1 to 1,000,000).');
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('demo --seed must be a whole number.');
  const intoLiveStore = args.intoLiveStore === true;
  const started = Date.now();
  const core = await buildCore(config);
  const { policy, calendar, stores } = core;
  const states: Record<string, number> = {};
  let created = 0;
  let realCases: number;
  try {
    realCases = await stores.cases.countCases({ demo: false });
    const refusal = intoLiveStore ? null : refusalFor(config.store, realCases);
    if (refusal) return { exitCode: 2, stderr: refusal };
    // Written a batch at a time (one transaction, one fsync each on SQLite), not one write per case.
    let batch: NewCaseRecord[] = [];
    const flush = async (): Promise<void> => {
      created += (await stores.cases.createCases(batch)).length;
      batch = [];
    };
    for (const record of generateDemoCases({ count, seed, today, policy, calendar, directory: DEMO_DIRECTORY })) {
      batch.push(record);
      states[record.state] = (states[record.state] ?? 0) + 1;
      if (batch.length >= DEMO_BATCH) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await core.close();
  }
  return {
    exitCode: 0,
    stdout: {
      created, seed, policy: policy.id, today, states, store: storeName(config.store), realCases, intoLiveStore,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    },
  };
}

const casesWord = (n: number): string => `${n.toLocaleString('en-GB')} real (non-demo) case${n === 1 ? '' : 's'}`;

/** Why the demo will not write into this store, or null when it may. */
function refusalFor(store: AppConfig['store'], realCases: number): string | null {
  const consequence = 'Invented cases there would sit beside residents\' complaints, and be counted in the complaints log and the figures.';
  if (store.kind === 'cosmos') {
    return `complaints demo refused: the store is ${storeName(store)}, which holds ${casesWord(realCases)}. `
      + `The demo does not write into a Cosmos DB account unless told to. ${consequence}\n`
      + `For a demonstration, unset COSMOS_ENDPOINT and point DATA_DIR at an empty folder; to write into this account anyway, add ${INTO_LIVE_STORE_FLAG}.`;
  }
  if (realCases === 0) return null;
  return `complaints demo refused: ${storeName(store)} holds ${casesWord(realCases)}. ${consequence}\n`
    + `For a demonstration, point DATA_DIR at an empty folder (e.g. DATA_DIR=.demo-data); to write into this store anyway, add ${INTO_LIVE_STORE_FLAG}.`;
}
