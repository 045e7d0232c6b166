import type { CaseEvent } from '../domain/case-events';
import { deriveCase } from '../domain/case-timeline';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseRecord, StoredEvent } from '../store/case-record';
import type { CaseStore } from '../store/case-store.port';
import type { CaseContext } from './case-context';
import { projectView } from './case-projection';

export type RecordEventResult =
  | { ok: true; record: CaseRecord }
  | { ok: false; code: 'CASE.NOT_FOUND'; message: string }
  | { ok: false; code: 'CASE.STALE_VERSION'; message: string; current: CaseRecord }
  | { ok: false; code: string; message: string; current: CaseRecord };

/**
 * Appends one event to a case, as everything that changes a case does: re-read the case,
 * check the caller acted on the version it saw, let the domain accept or refuse the event,
 * and write conditionally on that version. A losing writer gets STALE_VERSION and the
 * current case, never a silent overwrite.
 */
export async function recordCaseEvent(
  store: CaseStore, ctx: CaseContext, caseId: string, seenVersion: string, actor: DirectoryPerson, event: CaseEvent | CaseEvent[],
): Promise<RecordEventResult> {
  const current = await store.getCase(caseId);
  if (!current) return { ok: false, code: 'CASE.NOT_FOUND', message: 'There is no such case.' };
  if (current.version !== seenVersion) return stale(current);

  // Several events (an escalation and its reassignment) go in one write, or none do.
  const at = ctx.now().toISOString();
  const added: StoredEvent[] = (Array.isArray(event) ? event : [event]).map((e) => ({ ...e, id: ctx.newId(), at, by: actor.id }));
  const events = [...current.events, ...added];
  const derived = deriveCase(events, { policy: ctx.policy, calendar: ctx.calendar });
  if (!derived.ok) return { ok: false, code: derived.code, message: derived.message, current };

  const saved = await store.saveCase({ ...current, events, ...projectView(derived.view) });
  if (!saved.ok) return saved.current ? stale(saved.current) : { ok: false, code: 'CASE.NOT_FOUND', message: 'The case was removed.' };
  return { ok: true, record: saved.record };
}

function stale(current: CaseRecord): RecordEventResult {
  return { ok: false, code: 'CASE.STALE_VERSION', message: 'This case has changed since the card was shown; here it is as it is now.', current };
}
