import type { CaseRecord } from '../domain/case-record';
import { assertSameIdentity } from './case-record-rules';
import { jsonEqual } from './json-equal';
import { StoreError } from './store-errors';

/**
 * The one exception to append-only history: erasing a complainant's personal data
 * (saveErasedCase). It may change the words of the stored events and the case's details, and
 * nothing else: every stored event is still there, in order, with the same id, type, dates and
 * author; exactly one event is added, the erasure itself; and the fields the stores index (and
 * the reports count) are unchanged. Anything else is a programming error and throws.
 */
export function assertErasureRewrite(stored: CaseRecord, next: CaseRecord): void {
  assertSameIdentity(stored, next);
  const fail = (why: string): never => {
    throw new StoreError('STORE.HISTORY_REWRITE', `Case ${stored.reference}: not an erasure: ${why}`);
  };
  if (next.events.length !== stored.events.length + 1) fail(`it must add exactly one event to the ${stored.events.length} stored, not ${next.events.length - stored.events.length}`);
  if (next.events.at(-1)?.type !== 'complainant-erased') fail('its last event must be the erasure');
  stored.events.forEach((event, i) => {
    const after = next.events[i];
    if (!after || after.id !== event.id || after.type !== event.type || after.on !== event.on || after.at !== event.at || after.by !== event.by) {
      fail(`stored event ${i + 1} (${event.type}, id ${event.id}) would be changed beyond its words`);
    }
  });
  const indexed = ['policyId', 'stage', 'state', 'responsibleOfficerId', 'estate', 'category', 'serviceArea', 'receivedOn', 'closedOn', 'deadlines', 'nextDueOn'] as const;
  for (const field of indexed) if (!jsonEqual(stored[field], next[field])) fail(`${field} would change`);
}
