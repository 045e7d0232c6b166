import { adjustmentsRecorded } from '../adjustments-review';
import { compareDates } from '../calendar-date';
import type { CaseDetails, ComplainantDetails, ComplaintDetails } from '../case-details';
import type { CaseEvent } from '../case-events';
import { refuse, type CaseRefusal } from '../case-errors';
import type { CaseView } from '../case-state';
import { deriveCase, lastDayToComplain, type TimelineContext } from '../case-timeline';
import type { Directory, DirectoryPerson } from '../directory';
import { routeComplaint, type Assignment } from '../responsibility';

/**
 * A member of staff logs a resident's complaint from intake: it is routed to the responsible
 * officer and recorded as received and assigned, or, when it is out of time and a reason to
 * refuse is given, recorded as a refused complaint. The events are checked by the timeline, so
 * a complaint the rules would refuse is never stored.
 */
export interface LogComplaintInput {
  intakeId: string;
  complainant: ComplainantDetails;
  complaint: ComplaintDetails;
  loggedBy: DirectoryPerson;
}

export type LoggedComplaint =
  | { ok: true; events: CaseEvent[]; details: CaseDetails; assignment: Assignment | null; view: CaseView }
  | CaseRefusal;

/**
 * The form asks for the complaint to be refused: a reason to refuse and none to accept it late.
 * Taking drafts' strings as well as parsed details, so the card, intake and this command agree.
 */
export function asksToRefuse(complaint: { refuseReason?: string; lateAcceptanceReason?: string }): boolean {
  return Boolean(complaint.refuseReason && !complaint.lateAcceptanceReason);
}

export function logComplaint(input: LogComplaintInput, ctx: TimelineContext & { directory: Directory }): LoggedComplaint {
  const { complainant, complaint, loggedBy } = input;
  const limit = lastDayToComplain(ctx.policy, complaint.issueOccurredOn);
  const late = limit !== null && compareDates(complaint.receivedOn, limit) > 0;

  let events: CaseEvent[];
  let assignment: Assignment | null = null;
  if (late && asksToRefuse(complaint)) {
    events = [{ type: 'refused', on: complaint.receivedOn, why: complaint.refuseReason }];
  } else {
    const routed = routeComplaint(ctx.policy, ctx.directory, {
      estate: complainant.estate,
      serviceArea: complaint.serviceArea,
      aboutStaff: complaint.aboutStaff ? { role: complaint.staffRole, personId: null } : null,
    });
    if (!routed.ok) return refuse('CASE.NO_OFFICER', routed.message);
    assignment = routed.assignment;
    events = [
      {
        type: 'received', on: complaint.receivedOn, stage: assignment.stage, issueOccurredOn: complaint.issueOccurredOn,
        ...(complaint.lateAcceptanceReason ? { lateAcceptanceReason: complaint.lateAcceptanceReason } : {}),
        why: `Received by ${complaint.channel}; logged in Teams by ${loggedBy.name}`,
      },
      { type: 'assigned', on: complaint.receivedOn, officerId: assignment.officer.id, why: `${assignment.officer.name}: ${assignment.reason}.` },
      // Vulnerabilities or adjustments recorded: kept under review from now (adjustments-review.ts).
      ...adjustmentsRecorded(complainant, complaint.receivedOn, ctx),
    ];
  }

  const derived = deriveCase(events.map((e) => ({ ...e, by: loggedBy.id })), ctx);
  if (!derived.ok) return derived.code === 'CASE.OUT_OF_TIME' ? { ...derived, field: 'lateAcceptanceReason' } : derived;
  const details: CaseDetails = { intakeId: input.intakeId, complainant, complaint, loggedBy: loggedBy.id };
  return { ok: true, events, details, assignment, view: derived.view };
}
