import { BoundedMap, seenWithin } from '../../bounded-map';
import { actsOnCase } from '../../domain/case-access';
import type { CaseFile } from '../../domain/commands/command';
import type { DirectoryPerson } from '../../domain/directory';
import type { CaseAccessKind, CaseAccessLog } from '../../store/case-access-log.port';
import type { BotDependencies } from '../bot-dependencies';

/**
 * The access log answers "who has seen my file, and when", not "how many buttons did they
 * press": an officer working through a case shows its card again with every action. A person's
 * views of one case in one way are noted once per NOTE_EVERY_MS (by this process; each instance
 * keeps its own memory), the first view always. Files, letters and packs are noted every time
 * (file-offers.ts): each is a copy handed out.
 */
const NOTE_EVERY_MS = 10 * 60_000;
const REMEMBERED_MAX = 10_000;
const lastNoted = new WeakMap<CaseAccessLog, BoundedMap<string, number>>();

/**
 * Notes in the access log that this person was shown the case's personal data (the card shows
 * it to those who act on the case). A failure to note it is logged, and the card still shown:
 * the person may see it either way.
 */
export async function noteAccess(file: CaseFile, person: DirectoryPerson, what: CaseAccessKind, deps: Pick<BotDependencies, 'stores' | 'ctx' | 'logger'>): Promise<void> {
  if (what === 'case-card' && !actsOnCase(file, person, deps.ctx.directory)) return;
  const { record } = file;
  const now = deps.ctx.now();
  const key = `${record.id}\n${person.id}\n${what}`;
  if (notedRecently(deps.stores.accessLog, key, now.getTime())) return;
  try {
    await deps.stores.accessLog.record({ caseId: record.id, at: now.toISOString(), by: person.id, what });
  } catch (err) {
    forget(deps.stores.accessLog, key);
    deps.logger.error({ reference: record.reference, err: err instanceof Error ? err.message : String(err) }, 'could not note who saw a case');
  }
}

/** Whether this view was noted within NOTE_EVERY_MS; if not, remembers it as noted now. */
function notedRecently(log: CaseAccessLog, key: string, nowMs: number): boolean {
  let seen = lastNoted.get(log);
  if (!seen) {
    seen = new BoundedMap(REMEMBERED_MAX);
    lastNoted.set(log, seen);
  }
  if (seenWithin(seen, key, nowMs, NOTE_EVERY_MS)) return true;
  seen.set(key, nowMs);
  return false;
}

/** A view whose note could not be written is noted again next time. */
function forget(log: CaseAccessLog, key: string): void {
  lastNoted.get(log)?.delete(key);
}
