import type { CaseEvent } from './case-events';
import type { CaseRecord } from './case-record';
import type { CaseView } from './case-state';
import type { TimelineContext } from './case-timeline';
import { deriveStoredCase, type ViewSnapshot } from './view-snapshot';

/** A stored case whose events no longer replay under the policy in force: a configuration error, not a user's. */
export class CaseReplayError extends Error {
  constructor(readonly reference: string, readonly policyId: string, reason: string) {
    super(`Stored case ${reference} does not replay under policy ${policyId}: ${reason}`);
  }
}

/** Derived views by record object: one card asks about a dozen actions of the same read. */
const views = new WeakMap<CaseRecord, CaseView>();

/**
 * The domain's view of a stored case (stage, state, deadlines, what is pending), derived from
 * its events: from the stored snapshot and the events after it, when it was made under the
 * same rules, else from every event.
 */
export function viewOf(record: CaseRecord, ctx: TimelineContext): CaseView {
  const cached = views.get(record);
  if (cached) return cached;
  const view = storedCaseView(record, ctx);
  views.set(record, view);
  return view;
}

/**
 * A stored case's view, derived as viewOf derives it but not kept (for a case read a page at a
 * time, which is not read again): one place that says a case that does not replay is a
 * configuration error (CaseReplayError), for the full record and the report's read alike.
 */
export function storedCaseView(record: { reference: string; events: readonly CaseEvent[]; snapshot?: ViewSnapshot | undefined }, ctx: TimelineContext): CaseView {
  const derived = deriveStoredCase(record, ctx);
  if (!derived.ok) throw new CaseReplayError(record.reference, ctx.policy.id, derived.message);
  return derived.view;
}
