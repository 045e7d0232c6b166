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

export type SplitCaseResult = { ok: true } | { ok: false; message: string };

/**
 * Makes the new stage 1 case a split of `original` will name, once: it is stored under the id
 * the split names (createCaseOnce: a second call finds the case the first made, `created`
 * false). It is made before the split is recorded on the stage 2 case, so a failure between the
 * two leaves a case the same card makes again without a second (the split action's `prepare`),
 * never a split that names no case.
 */
export async function makeSplitCase(store: CaseStore, ctx: CaseContext, original: CaseRecord, input: SplitComplaintInput, person: DirectoryPerson): Promise<SplitCaseResult> {
  const logged = newComplaintFromSplit({ record: original, view: viewOf(original, ctx) }, input, person, commandContext(ctx));
  if (!logged.ok) return { ok: false, message: logged.message };
  const filing = { estate: original.estate, category: original.category, serviceArea: original.serviceArea, demo: original.details.demo === true };
  await store.createCaseOnce(input.newCaseId, newCaseRecord(logged, filing, person.id, ctx));
  return { ok: true };
}

/**
 * Once the split is recorded on the stage 2 case: the complaints bot notes there which case it
 * became (the split event names its id; references are given as a case is stored). A note
 * never conflicts, and a card drawn before it is not out of date (run-case-action.ts). `original` is
 * the stage 2 case as the split saved it, so it is not read again (a lost race re-reads it).
 */
export async function noteSplitCase(store: CaseStore, ctx: CaseContext, original: CaseRecord, made: CaseRecord, input: SplitComplaintInput): Promise<void> {
  await runCaseCommand(store, ctx, original.id, { seenVersion: null, current: original }, SYSTEM_ACTOR, systemNote, {
    text: `The new issue split off on ${formatDate(input.raisedOn)} was logged as a new complaint: ${made.reference}.`,
  });
}
