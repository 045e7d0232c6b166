import type { CalendarDate } from '../calendar-date';
import type { CaseEvent } from '../case-events';
import { refuse } from '../case-errors';
import { routeEscalation } from '../responsibility';
import type { CaseFile, CommandContext, Decision } from './command';

/**
 * The events that move a case to its next stage: the escalation itself and the assignment of
 * the next stage's handler by the routing rules (never someone who handled an earlier stage).
 */
export function escalationEvents(file: CaseFile, on: CalendarDate, why: string, ctx: CommandContext, extra: Partial<Extract<CaseEvent, { type: 'escalation-requested' }>> = {}): Decision {
  const { complainant, complaint } = file.record.details;
  const earlier = Object.entries(file.view.handlersByStage).filter(([stage]) => Number(stage) <= file.view.stage).flatMap(([, ids]) => ids);
  const routed = routeEscalation(ctx.policy, ctx.directory, {
    estate: complainant.estate,
    serviceArea: complaint.serviceArea,
    aboutStaff: complaint.aboutStaff ? { role: complaint.staffRole, personId: null } : null,
    fromStage: file.view.stage,
    currentHandlerId: file.view.assignedTo,
    earlierHandlerIds: earlier,
  });
  if (!routed.ok) return refuse('CASE.NO_OFFICER', routed.message);
  const { officer, reason } = routed.assignment;
  return {
    ok: true,
    events: [
      { type: 'escalation-requested', on, why, ...extra },
      { type: 'assigned', on, officerId: officer.id, why: `${officer.name}: ${reason}` },
    ],
  };
}
