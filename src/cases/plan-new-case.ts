import { londonDateOf } from '../domain/calendar-date';
import type { NewCaseRecord, StoredEvent } from '../domain/case-record';
import { projectView } from '../domain/case-projection';
import type { CaseRefusal } from '../domain/case-errors';
import { logComplaint, type LogComplaintInput } from '../domain/commands/log-complaint';
import type { Assignment } from '../domain/responsibility';
import { snapshotOf } from '../domain/view-snapshot';
import type { CaseContext } from './case-context';

export type PlanResult = { ok: true; record: NewCaseRecord; assignment: Assignment | null } | CaseRefusal;

/**
 * Turns a completed intake into the new case to store: the domain decides the events
 * (log-complaint); this stamps them with ids, the time and who, and adds the query fields.
 */
export function planNewCase(input: LogComplaintInput, ctx: CaseContext): PlanResult {
  const logged = logComplaint(input, ctx);
  if (!logged.ok) return logged;
  const now = ctx.now();
  const at = now.toISOString();
  const events: StoredEvent[] = logged.events.map((e) => ({ ...e, id: ctx.newId(), at, by: input.loggedBy.id }));
  return {
    ok: true,
    assignment: logged.assignment,
    record: {
      policyId: ctx.policy.id,
      details: logged.details,
      events,
      estate: input.complainant.estate,
      category: input.complaint.category,
      serviceArea: input.complaint.serviceArea,
      referenceYear: Number(londonDateOf(now).slice(0, 4)),
      ...projectView(logged.view),
      snapshot: snapshotOf(logged.view, events, ctx),
    },
  };
}
