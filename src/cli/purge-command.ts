import { isCalendarDate } from '../domain/calendar-date';
import type { AppConfig } from '../config';
import { buildCore } from '../core';
import { UsageError, type CommandResult } from './cli-io';

/**
 * Retention: removes whole finished cases (closed, withdrawn or refused) closed before a
 * date, from the store the settings select, and then the files attached to them. Nothing else
 * ever deletes a case. --dry-run lists what would go and changes nothing.
 *
 * The cases go first (conditionally: a case reopened meanwhile stays, with its files); a file
 * store that then fails leaves files of cases already removed, which are named with exit 1 so
 * they can be removed by hand: they hold personal data past its retention.
 *
 * Dissatisfaction not taken as a complaint (the dissatisfaction log) received before the same
 * date goes too. It is never closed, so the day it was received starts its retention; it holds
 * the officer's summary of what the resident said, and the reports only count it by kind and
 * reason, so one retention date for both is enough (docs/data-protection.md).
 */
export async function purgeCommand(config: AppConfig, closedBefore: string | undefined, dryRun: boolean): Promise<CommandResult> {
  if (!closedBefore || !isCalendarDate(closedBefore)) throw new UsageError('purge needs --closed-before YYYY-MM-DD.');
  const core = await buildCore(config);
  try {
    const cases = await core.stores.cases.purgeClosedBefore(closedBefore, { dryRun });
    const references = cases.map((c) => c.reference);
    const dissatisfaction = await core.stores.dissatisfaction.deleteReceivedBefore(closedBefore, { dryRun });
    if (dryRun) return { exitCode: 0, stdout: { dryRun, closedBefore, count: cases.length, wouldRemove: references, dissatisfactionWouldRemove: dissatisfaction } };
    let filesRemoved = 0;
    const filesLeft: Array<{ caseId: string; reference: string; error: string }> = [];
    for (const c of cases) {
      try {
        filesRemoved += await core.files.deleteCase(c.id);
        await core.stores.accessLog.deleteCase(c.id);
      } catch (err) {
        filesLeft.push({ caseId: c.id, reference: c.reference, error: err instanceof Error ? err.message : String(err) });
      }
    }
    // Intake forms that ran out (untouched for 30 days) go too; Cosmos DB removes its own.
    const expiredFormsRemoved = await core.stores.keyValue.deleteExpired(new Date());
    const stdout = { dryRun, closedBefore, count: cases.length, removed: references, filesRemoved, expiredFormsRemoved, dissatisfactionRemoved: dissatisfaction, ...(filesLeft.length ? { filesLeft } : {}) };
    if (filesLeft.length === 0) return { exitCode: 0, stdout };
    return { exitCode: 1, stdout, stderr: `The cases were removed, but the files of ${filesLeft.length} of them could not be: ${filesLeft.map((f) => `${f.reference} (${f.caseId}): ${f.error}`).join('; ')}. Remove them from the file store by hand (folder or container path <case id>/).` };
  } finally {
    await core.close();
  }
}
