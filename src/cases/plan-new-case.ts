import { londonDateOf } from '../domain/calendar-date';
import type { CaseRecord, NewCaseRecord, StoredEvent } from '../domain/case-record';
import { projectView } from '../domain/case-projection';
import type { CaseRefusal } from '../domain/case-errors';
import { logComplaint, type LogComplaintInput, type LoggedComplaint } from '../domain/commands/log-complaint';
import type { Assignment } from '../domain/responsibility';
import { snapshotOf } from '../domain/view-snapshot';
import type { CaseContext } from './case-context';

export type PlanResult = { ok: true; record: NewCaseRecord; assignment: Assignment | null } | CaseRefusal;

/** Where a new case is filed for the lists and figures, and whether it is an invented (demo) one. */
interface NewCaseFiling extends Pick<CaseRecord, 'estate' | 'category' | 'serviceArea'> {
  demo: boolean;
}

/**
 * Turns a completed intake into the new case to store: the domain decides the events
 * (log-complaint); newCaseRecord stamps them and adds the query fields.
 */
export function planNewCase(input: LogComplaintInput, ctx: CaseContext): PlanResult {
  const logged = logComplaint(input, ctx);
  if (!logged.ok) return logged;
  const filing = { estate: input.complainant.estate, category: input.complaint.category, serviceArea: input.complaint.serviceArea, demo: false };
  return { ok: true, assignment: logged.assignment, record: newCaseRecord(logged, filing, input.loggedBy.id, ctx) };
}

/**
 * A logged complaint (from intake or split off a stage 2 case) as the new case to store: its
 * events stamped with ids, the time and who logged it, and the query fields and snapshot that
 * every stored case carries. One place, so both ways in store a new case the same way.
 */
export function newCaseRecord(logged: Pick<Extract<LoggedComplaint, { ok: true }>, 'events' | 'details' | 'view'>, filing: NewCaseFiling, by: string, ctx: CaseContext): NewCaseRecord {
  const now = ctx.now();
  const at = now.toISOString();
  const events: StoredEvent[] = logged.events.map((e) => ({ ...e, id: ctx.newId(), at, by }));
  return {
    policyId: ctx.policy.id,
    details: filing.demo ? { ...logged.details, demo: true } : logged.details,
    events,
    estate: filing.estate,
    category: filing.category,
    serviceArea: filing.serviceArea,
    referenceYear: Number(londonDateOf(now).slice(0, 4)),
    ...projectView(logged.view),
    snapshot: snapshotOf(logged.view, events, ctx),
  };
}
