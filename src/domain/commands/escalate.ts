import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';
import { escalationEvents } from './escalation-routing';

/**
 * The resident asks for the next stage; they need give no reason (the Code). Recorded by the
 * handler, their managers or the PIM; the next stage's handler is assigned by the routing rules.
 */
export interface EscalateInput { on: CalendarDate; said: string; lateAcceptanceReason: string }

export const escalate: CaseCommand<EscalateInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isHandler && !r.isManager && !r.isPim) return notPermitted('Only the handler, their managers or the complaints team record an escalation.');
    return timelineAccepts(file, { type: 'escalation-requested', on: ctx.today, why: 'probe', lateAcceptanceReason: 'probe' }, actor, ctx);
  },
  events: (file, _actor, input, ctx) => escalationEvents(file, input.on, input.said || 'Resident asked to escalate', ctx,
    input.lateAcceptanceReason ? { lateAcceptanceReason: input.lateAcceptanceReason } : {}),
};
