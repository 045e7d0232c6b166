import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The handler reports unacceptable behaviour with the evidence; the AD decides. The complaint goes on. */
export interface ProposeBehaviourInput { evidence: string }

export const proposeBehaviour: CaseCommand<ProposeBehaviourInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler reports unacceptable behaviour.');
    return timelineAccepts(file, { type: 'behaviour-proposed', on: ctx.today, why: 'probe' }, actor, ctx);
  },
  events: (_file, _actor, input, ctx) => ({ ok: true, events: [{ type: 'behaviour-proposed', on: ctx.today, why: input.evidence }] }),
};
