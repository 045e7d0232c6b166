import type { CaseContext } from '../cases/case-context';
import { adminDecision } from './admin-decision';
import type { CaseRecord } from '../domain/case-record';
import { deriveCase } from '../domain/case-timeline';
import { ADMIN_CLI_ACTOR } from '../domain/commands/record-evidence-pack';
import { recordErasure } from '../domain/commands/record-erasure';
import { eraseComplainant, erasedFields } from '../domain/erase-complainant';
import { snapshotOf } from '../domain/view-snapshot';
import type { CaseStore } from '../store/case-store.port';

export type EraseOutcome =
  /**
   * Erased: `fields` is how many fields the erasure changed; `oldWordsRemain` says where a copy
   * of the old words is still held for now (the store's words).
   */
  | { ok: true; record: CaseRecord; fields: number; oldWordsRemain?: string }
  /** The case may not be erased (not finished, already erased): left alone, with the reason. */
  | { ok: false; kind: 'left-alone'; reason: string }
  /** The case changed between reading and writing, or does not replay: nothing on it was erased. */
  | { ok: false; kind: 'failed'; reason: string };

/**
 * Erases the complainant's personal data on one case, in one conditional write: the domain
 * decides whether it may (recordErasure: only a finished case) and gives the erasure event;
 * eraseComplainant rewrites the earlier events' words and the details; the view is derived
 * again from the erased events, so the stored snapshot holds none of the old words; and the
 * store writes it only at the version read (saveErasedCase). A case changed meanwhile is not
 * half-erased: nothing is written, and the caller says to run it again. Files are the caller's.
 */
export async function eraseCase(store: CaseStore, ctx: CaseContext, record: CaseRecord, input: { request: string; why: string }): Promise<EraseOutcome> {
  const decided = adminDecision(ctx, record, recordErasure, input);
  if ('replay' in decided) return { ok: false, kind: 'failed', reason: 'the case does not replay under the policy in force, so it cannot be checked as finished' };
  if (!decided.ok) return { ok: false, kind: decided.code === 'CASE.INVALID_INPUT' ? 'failed' : 'left-alone', reason: decided.message };
  const at = ctx.now().toISOString();
  const added = decided.events.map((e) => ({ ...e, id: ctx.newId(), at, by: ADMIN_CLI_ACTOR.id }));
  const erased = eraseComplainant(record);
  const events = [...erased.events, ...added];
  const derived = deriveCase(events, ctx);
  if (!derived.ok) return { ok: false, kind: 'failed', reason: `the erased history does not replay (${derived.message}); nothing was erased` };
  // The query fields stay as stored (erasure changes no date, stage or state; the store checks);
  // the snapshot is the view derived again from the erased events.
  const saved = await store.saveErasedCase({ ...erased, events, snapshot: snapshotOf(derived.view, events, ctx) });
  if (saved.ok) return { ok: true, record: saved.record, fields: erasedFields(record, erased).length, ...(saved.oldWordsRemain ? { oldWordsRemain: saved.oldWordsRemain } : {}) };
  return { ok: false, kind: 'failed', reason: saved.current ? 'the case changed while it was being erased; nothing on it was erased: run the command again' : 'the case was removed meanwhile' };
}
