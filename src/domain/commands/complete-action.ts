import type { CalendarDate } from '../calendar-date';
import { notPermitted, type CaseCommand } from './command';
import { followsUp, mayActOnAny, openItems } from './follow-up-roles';

/** A remedy or action a response promised is done: when, and the evidence in a sentence. */
export interface CompleteActionInput { actionId: string; on: CalendarDate; evidence: string }

export const completeAction: CaseCommand<CompleteActionInput> = {
  allowed(file, actor, ctx) {
    const open = openItems(file, 'response');
    if (!open.length) return notPermitted('There is no action from a response still to be done.');
    return mayActOnAny(file, actor, ctx, open) ? null : notPermitted('Only the action\'s owner, the handler, their managers or the complaints team mark it done.');
  },
  events(file, actor, input, ctx) {
    const item = file.view.items[input.actionId];
    if (item && !followsUp(file, actor, ctx, item)) return notPermitted(`Only the owner of action ${input.actionId}, the handler, their managers or the complaints team mark it done.`);
    return { ok: true, events: [{ type: 'action-completed', on: input.on, actionId: input.actionId, evidence: input.evidence }] };
  },
};
