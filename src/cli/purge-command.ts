import { isCalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { UsageError, type CommandResult } from './cli-io';

/**
 * Retention: removes whole finished cases (closed, withdrawn or refused) closed before a
 * date, from the store the settings select. Nothing else ever deletes a case. --dry-run lists
 * what would go and changes nothing.
 */
export async function purgeCommand(config: AppConfig, closedBefore: string | undefined, dryRun: boolean): Promise<CommandResult> {
  if (!closedBefore || !isCalendarDate(closedBefore)) throw new UsageError('purge needs --closed-before YYYY-MM-DD.');
  const core = await buildCore(config);
  try {
    const references = await core.stores.cases.purgeClosedBefore(closedBefore, { dryRun });
    return { exitCode: 0, stdout: { dryRun, closedBefore, count: references.length, [dryRun ? 'wouldRemove' : 'removed']: references } };
  } finally {
    await core.close();
  }
}
