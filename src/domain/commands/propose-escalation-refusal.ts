import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The handler proposes refusing the resident's escalation, with a valid reason; a manager decides. */
export interface ProposeEscalationRefusalInput { reason: string }

export const proposeEscalationRefusal: CaseCommand<ProposeEscalationRefusalInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler proposes refusing an escalation.');
    return timelineAccepts(file, { type: 'escalation-refusal-proposed', on: ctx.today, why: 'probe' }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({ ok: true, events: [{ type: 'escalation-refusal-proposed', on: ctx.today, why: input.reason }] }),
};
