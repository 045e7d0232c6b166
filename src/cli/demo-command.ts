import { londonDateOf, type CalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { DEMO_DIRECTORY } from '../directory/demo-directory';
import { generateDemoCases } from '../reports/demo-cases';
import { UsageError, type CommandResult } from './cli-io';

/**
 * `complaints demo --cases N [--seed S]`: fills the selected store with N invented cases
 * received over the last 18 months, under the configured policy, with the demo directory's
 * officers. The same seed (default 1) and day give the same cases.
 */
export async function demoCommand(config: AppConfig, args: { cases: string | undefined; seed: string | undefined }, today: CalendarDate = londonDateOf(new Date())): Promise<CommandResult> {
  const count = Number(args.cases);
  if (args.cases === undefined || !Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('demo needs --cases N (1 to 1,000,000).');
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError('demo --seed must be a whole number.');
  const started = Date.now();
  const core = await buildCore(config);
  const { policy, calendar, stores } = core;
  const states: Record<string, number> = {};
  let created = 0;
  try {
    for (const record of generateDemoCases({ count, seed, today, policy, calendar, directory: DEMO_DIRECTORY })) {
      await stores.cases.createCase(record);
      states[record.state] = (states[record.state] ?? 0) + 1;
      created++;
    }
  } finally {
    await core.close();
  }
  return { exitCode: 0, stdout: { created, seed, policy: policy.id, today, states, seconds: Math.round((Date.now() - started) / 100) / 10 } };
}
