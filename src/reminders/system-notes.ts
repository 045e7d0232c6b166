import type { CaseContext } from '../cases/case-context';
import { runCaseCommand } from '../cases/run-case-command';
import { SYSTEM_ACTOR, systemNote } from '../domain/commands/system-note';
import type { CaseStore } from '../store/case-store.port';

/**
 * Reminder trouble is written into the case's history as a 'note' by the bot itself: a
 * reminder that could not be delivered (or went by email instead) bears on whether a
 * deadline was missed, so it belongs with the case, where the Housing Ombudsman reads, not
 * only in a log. Chosen over keeping it on the claim, which the store models as
 * sent-or-not and which is purged with no history.
 *
 * Only failures are noted, never a normal send: each note changes the case's version, and
 * a note per reminder would make the Acknowledge button of every card just sent stale.
 */
/**
 * Appends `text` as a note unless the case already has a note starting with `once`, so a
 * reminder retried after each lease, or by several instances, is noted once. Best effort:
 * a note that cannot be written is reported to the caller, never thrown.
 */
export async function noteOnce(cases: CaseStore, ctx: CaseContext, caseId: string, once: string, text: string): Promise<'noted' | 'already-noted' | 'failed'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = await cases.getCase(caseId);
    if (!record) return 'failed';
    if (record.events.some((e) => e.type === 'note' && e.by === SYSTEM_ACTOR.id && e.why?.startsWith(once))) return 'already-noted';
    const result = await runCaseCommand(cases, ctx, caseId, { seenVersion: record.version }, SYSTEM_ACTOR, systemNote, { text });
    if (result.ok) return 'noted';
    if (result.code !== 'CASE.STALE_VERSION') return 'failed';
  }
  return 'failed';
}
