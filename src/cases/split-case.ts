import { formatDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { viewOf } from '../domain/case-view';
import { newComplaintFromSplit, type SplitComplaintInput } from '../domain/commands/split-complaint';
import { SYSTEM_ACTOR, systemNote } from '../domain/commands/system-note';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';
import { commandContext, type CaseContext } from './case-context';
import { newCaseRecord } from './plan-new-case';
import { runCaseCommand } from './run-case-command';

export type SplitCaseResult = { ok: true; record: CaseRecord; created: boolean } | { ok: false; message: string };

/**
 * Makes the new stage 1 case a split on `original` names, once: the split is already recorded on
 * the stage 2 case, and the new case is stored under the id it names (createCaseOnce: a second
 * press finds the case the first made, `created` false).
 */
export async function makeSplitCase(store: CaseStore, ctx: CaseContext, original: CaseRecord, input: SplitComplaintInput, person: DirectoryPerson): Promise<SplitCaseResult> {
  const logged = newComplaintFromSplit({ record: original, view: viewOf(original, ctx) }, input, person, commandContext(ctx));
  if (!logged.ok) return { ok: false, message: logged.message };
  const filing = { estate: original.estate, category: original.category, serviceArea: original.serviceArea, demo: original.details.demo === true };
  const { record, created } = await store.createCaseOnce(input.newCaseId, newCaseRecord(logged, filing, person.id, ctx));
  // The split was recorded before the new case had a reference (references are given as a case
  // is stored): the complaints bot notes it on the stage 2 case, so its history names the new one.
  // A note never conflicts, and a card drawn before it is not out of date (run-case-action.ts).
  if (created) {
    await runCaseCommand(store, ctx, original.id, { seenVersion: null }, SYSTEM_ACTOR, systemNote, {
      text: `The new issue split off on ${formatDate(input.raisedOn)} was logged as a new complaint: ${record.reference}.`,
    });
  }
  return { ok: true, record, created };
}
