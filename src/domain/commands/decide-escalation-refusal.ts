import { ombudsmanDetails } from '../ombudsman';
import { notPermitted, type CaseCommand } from './command';
import { relationTo } from './case-relations';
import { escalationEvents } from './escalation-routing';

/**
 * One of the handler's line managers decides a proposal to refuse an escalation: approved,
 * the case cannot be escalated; rejected, it is escalated there and then.
 */
export interface DecideEscalationRefusalInput {
  approve: boolean;
  /** What the manager wrote on the card for the handler; kept in the event. */
  comment: string;
}

export const decideEscalationRefusal: CaseCommand<DecideEscalationRefusalInput> = {
  allowed(file, actor, ctx) {
    if (!file.view.escalationRefusalProposedOn) return notPermitted('There is no proposal to refuse the escalation to decide.');
    if (!relationTo(file, actor, ctx.directory).isManager) return notPermitted('Only the handler\'s managers can decide this, on the current case.');
    return null;
  },
  events(file, actor, input, ctx) {
    const said = input.comment.trim() ? `: "${input.comment.trim()}"` : '';
    if (input.approve) {
      return { ok: true, events: [{ type: 'escalation-refused', on: ctx.today, why: `Refusal approved by ${actor.name}${said}. The resident is to be told the reason and the Ombudsman's details (${ombudsmanDetails(ctx.policy.ombudsman)}).` }] };
    }
    const escalation = escalationEvents(file, ctx.today, 'Escalated after the refusal was rejected', ctx);
    if (!escalation.ok) return escalation;
    return { ok: true, events: [{ type: 'escalation-refusal-rejected', on: ctx.today, why: `Refusal rejected by ${actor.name}${said}: the complaint is escalated` }, ...escalation.events] };
  },
};
