import type { CaseEvent } from '../domain/case-events';
import { deriveCase, lastDayToComplain } from '../domain/case-timeline';
import { londonDateOf, compareDates } from '../domain/calendar-date';
import type { DirectoryPerson } from '../domain/directory';
import { routeComplaint, type Assignment } from '../domain/responsibility';
import type { ComplainantFields, ComplaintFields } from '../intake/intake-fields';
import type { NewCaseRecord, StoredEvent } from '../store/case-record';
import type { CaseContext } from './case-context';
import type { CaseDetails } from './case-details';
import { projectView } from './case-projection';

export interface IntakeSubmission {
  intakeId: string;
  complainant: ComplainantFields;
  complaint: ComplaintFields;
  loggedBy: DirectoryPerson;
}

export type PlanResult =
  | { ok: true; record: NewCaseRecord; assignment: Assignment | null }
  | { ok: false; code: string; message: string; field?: 'lateAcceptanceReason' };

/**
 * Turns a completed intake into the new case to store: routes it to the responsible
 * officer, records receipt (or refusal) and the assignment as events, and derives stage,
 * state and deadlines through the domain, so a case that would be refused by the rules is
 * never stored.
 */
export function planNewCase(input: IntakeSubmission, ctx: CaseContext): PlanResult {
  const { complainant, complaint } = input;
  const now = ctx.now();
  const audit = (e: CaseEvent): StoredEvent => ({ ...e, id: ctx.newId(), at: now.toISOString(), by: input.loggedBy.id });
  const limit = lastDayToComplain(ctx.policy, complaint.issueOccurredOn);
  const late = limit !== null && compareDates(complaint.receivedOn, limit) > 0;

  let events: StoredEvent[];
  let assignment: Assignment | null = null;
  if (late && complaint.refuseReason && !complaint.lateAcceptanceReason) {
    events = [audit({ type: 'refused', on: complaint.receivedOn, why: complaint.refuseReason })];
  } else {
    const routed = routeComplaint(ctx.policy, ctx.directory, {
      estate: complainant.estate,
      serviceArea: complaint.serviceArea,
      aboutStaff: complaint.aboutStaff ? { role: complaint.staffRole, personId: null } : null,
    });
    if (!routed.ok) return { ok: false, code: routed.code, message: routed.message };
    assignment = routed.assignment;
    events = [
      audit({
        type: 'received', on: complaint.receivedOn, stage: assignment.stage, issueOccurredOn: complaint.issueOccurredOn,
        ...(complaint.lateAcceptanceReason ? { lateAcceptanceReason: complaint.lateAcceptanceReason } : {}),
        why: `Received by ${complaint.channel}; logged in Teams by ${input.loggedBy.name}`,
      }),
      audit({ type: 'assigned', on: complaint.receivedOn, officerId: assignment.officer.id, why: `${assignment.officer.name}: ${assignment.reason}.` }),
    ];
  }

  const derived = deriveCase(events, { policy: ctx.policy, calendar: ctx.calendar });
  if (!derived.ok) {
    return derived.code === 'CASE.OUT_OF_TIME'
      ? { ok: false, code: derived.code, message: derived.message, field: 'lateAcceptanceReason' }
      : { ok: false, code: derived.code, message: derived.message };
  }
  const details: CaseDetails = { intakeId: input.intakeId, complainant, complaint, loggedBy: input.loggedBy.id };
  return {
    ok: true,
    assignment,
    record: {
      policyId: ctx.policy.id,
      details: details as unknown as Record<string, unknown>,
      events,
      estate: complainant.estate,
      category: complaint.category,
      serviceArea: complaint.serviceArea,
      referenceYear: Number(londonDateOf(now).slice(0, 4)),
      ...projectView(derived.view),
    },
  };
}
