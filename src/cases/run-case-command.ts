import { performance } from 'node:perf_hooks';
import type { CaseRecord, StoredEvent } from '../domain/case-record';
import type { CaseRefusal } from '../domain/case-errors';
import { projectView } from '../domain/case-projection';
import { viewOf } from '../domain/case-view';
import { continueCase, snapshotOf } from '../domain/view-snapshot';
import { decide, type CaseCommand } from '../domain/commands/command';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';
import { commandContext, type CaseContext } from './case-context';

export type CommandRunResult =
  | { ok: true; record: CaseRecord }
  | { ok: false; code: 'CASE.NOT_FOUND'; message: string }
  | { ok: false; code: 'CASE.STALE_VERSION'; message: string; current: CaseRecord }
  | (CaseRefusal & { current: CaseRecord });

export interface RunOptions {
  /**
   * The version the person saw, or null for an action that cannot conflict with another
   * change (a note): it is then re-read and retried on a lost race, a few times.
   */
  seenVersion: string | null;
  /** The case as the caller has just read it, to save reading it again on the first attempt. */
  current?: CaseRecord;
}

/**
 * How long an action that cannot conflict (a note, a file) keeps trying when other writes to
 * the same case win the race: 50 people adding notes to one case at once must all be kept.
 */
const ANY_VERSION_BUDGET_MS = 10_000;

/**
 * Everything that changes a case goes through here: read the case, check the person acted on
 * the version they saw, let the domain command decide, stamp its events (id, when, who) and
 * write conditionally on that version. A losing writer gets STALE_VERSION and the current
 * case, never a silent overwrite.
 */
export async function runCaseCommand<Input>(
  store: CaseStore, ctx: CaseContext, caseId: string, options: RunOptions, actor: DirectoryPerson, command: CaseCommand<Input>, input: Input,
): Promise<CommandRunResult> {
  const started = performance.now();
  let latest = options.current;
  for (let attempt = 0; ; attempt++) {
    const current = latest ?? await store.getCase(caseId);
    if (!current) return { ok: false, code: 'CASE.NOT_FOUND', message: 'There is no such case.' };
    if (options.seenVersion !== null && current.version !== options.seenVersion) return stale(current);

    const view = viewOf(current, ctx);
    const decided = decide(command, { record: current, view }, actor, input, commandContext(ctx));
    if (!decided.ok) return { ...decided, current };

    // Several events (an escalation and its assignment) go in one write, or none do.
    const at = ctx.now().toISOString();
    const added: StoredEvent[] = decided.events.map((e) => ({ ...e, id: ctx.newId(), at, by: actor.id }));
    const events = [...current.events, ...added];
    // The view so far plus the new events: the same fold as replaying them all (tested), without the replay.
    const derived = continueCase(view, added, ctx, current.events.length);
    if (!derived.ok) return { ...derived, current };

    // The view is stored with the events it came from, so the next read need not replay them.
    const saved = await store.saveCase({ ...current, events, ...projectView(derived.view), snapshot: snapshotOf(derived.view, events, ctx) });
    if (saved.ok) return { ok: true, record: saved.record };
    if (!saved.current) return { ok: false, code: 'CASE.NOT_FOUND', message: 'The case was removed.' };
    if (options.seenVersion !== null || performance.now() - started > ANY_VERSION_BUDGET_MS) return stale(saved.current);
    // A note never conflicts with another change: try again on the case as it now is, after a
    // short random wait so that writers racing for the same case do not collide in step again.
    latest = saved.current;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
  }
}

function stale(current: CaseRecord): CommandRunResult {
  return { ok: false, code: 'CASE.STALE_VERSION', message: 'This case has changed since the card was shown; here it is as it is now.', current };
}
