import type { CalendarDate } from '../calendar-date';
import { hasRole } from '../directory';
import { notPermitted, type CaseCommand } from './command';
import { behaviourDeciderRole } from './case-relations';

/**
 * The AD decides a report of unacceptable behaviour: restrictions (said, with a review date)
 * or none, with the reasons. The timeline refuses restrictions that say nothing.
 */
export interface DecideBehaviourInput { decision: 'restrict' | 'no-action'; reasons: string; restrictions: string; reviewOn: CalendarDate | null }

export const decideBehaviour: CaseCommand<DecideBehaviourInput> = {
  allowed(file, actor, ctx) {
    if (!file.view.behaviourProposedOn) return notPermitted('There is no report of unacceptable behaviour to decide.');
    const role = behaviourDeciderRole(ctx.policy);
    if (!hasRole(actor, role)) return notPermitted(`Only the ${role} decides on unacceptable behaviour.`);
    return null;
  },
  events: (_file, _actor, input, ctx) => ({
    ok: true,
    events: [{
      type: 'behaviour-decided', on: ctx.today, decision: input.decision, why: input.reasons,
      ...(input.restrictions ? { restrictions: input.restrictions } : {}), ...(input.reviewOn ? { reviewOn: input.reviewOn } : {}),
    }],
  }),
};
