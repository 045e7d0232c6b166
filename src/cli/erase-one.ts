import type { Core } from '../core';
import type { CaseRecord } from '../domain/case-record';
import { viewOf } from '../domain/case-view';
import { erasedFields, erasureBlocker, isErased } from '../domain/erase-complainant';
import { draftKey } from '../intake/intake-draft';
import { eraseCase } from './erase-case';

/** What became of one case in scope of `complaints erase`; one line each in the output. */
export type CaseErasure =
  | { kind: 'erased'; reference: string; fields: number; filesDeleted: number; oldWordsRemain?: string }
  | { kind: 'would-erase'; reference: string; fields: string[]; files: number }
  | { kind: 'left-alone'; reference: string; reason: string; filesDeleted?: number }
  | { kind: 'failed'; reference: string; reason: string };

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Erases one case (or, in a dry run, says what erasing it would change) and never throws: a store
 * error on this case (the running bot holding the SQLite write lock past the busy timeout, Cosmos
 * DB unavailable) is this case's failure, so the cases after it are still gone through and those
 * before it are still reported.
 */
export async function eraseOne(core: Core, record: CaseRecord, input: { request: string; user: string; dryRun: boolean }): Promise<CaseErasure> {
  const { reference } = record;
  const again = `run "complaints erase --reference ${reference} --request ${input.request || '<request id>'}" again`;
  let erased: { fields: number; oldWordsRemain?: string } | undefined;
  try {
    if (isErased(record)) {
      // Erased before, but a file deletion may have failed then: finish it.
      const files = await core.files.list(record.id);
      erased = { fields: 0 };
      const filesDeleted = input.dryRun || files.length === 0 ? 0 : await core.files.deleteCase(record.id);
      return { kind: 'left-alone', reference, reason: 'already erased', ...(files.length ? { filesDeleted } : {}) };
    }
    if (input.dryRun) return plan(core, record, (await core.files.list(record.id)).length);
    const outcome = await eraseCase(core.stores.cases, core.ctx, record, { request: input.request, why: `Erased with "complaints erase" by ${input.user} under request ${input.request}` });
    if (!outcome.ok) return { kind: outcome.kind, reference, reason: outcome.reason };
    erased = { fields: outcome.fields, ...(outcome.oldWordsRemain ? { oldWordsRemain: outcome.oldWordsRemain } : {}) };
    const filesDeleted = await core.files.deleteCase(record.id);
    await core.stores.keyValue.delete(draftKey(record.details.intakeId));
    return { kind: 'erased', reference, ...erased, filesDeleted };
  } catch (err) {
    if (erased) return { kind: 'failed', reference, reason: `its words were erased, but its files or intake form could not all be deleted (${message(err)}): ${again}` };
    return { kind: 'failed', reference, reason: `the store could not be written (${message(err)}); nothing on it was erased: ${again}` };
  }
}

function plan(core: Core, record: CaseRecord, files: number): CaseErasure {
  let blocker: string | null;
  try {
    blocker = erasureBlocker({ record, view: viewOf(record, core.ctx) });
  } catch {
    blocker = 'the case does not replay under the policy in force, so it cannot be checked as finished';
  }
  if (blocker) return { kind: 'left-alone', reference: record.reference, reason: blocker };
  return { kind: 'would-erase', reference: record.reference, fields: erasedFields(record), files };
}

/** One line per case, in the order gone through: what a person reads to know where each case stands. */
export function erasuresInWords(results: readonly CaseErasure[]): string {
  return results.map((r) => {
    if (r.kind === 'erased') return `  ${r.reference}: erased (${r.fields} fields, ${r.filesDeleted} file${r.filesDeleted === 1 ? '' : 's'} deleted)${r.oldWordsRemain ? `; but ${r.oldWordsRemain}` : ''}`;
    if (r.kind === 'would-erase') return `  ${r.reference}: would be erased (${r.fields.length} fields, ${r.files} file${r.files === 1 ? '' : 's'})`;
    if (r.kind === 'left-alone') return `  ${r.reference}: left alone: ${r.reason}`;
    return `  ${r.reference}: NOT erased: ${r.reason}`;
  }).join('\n');
}
