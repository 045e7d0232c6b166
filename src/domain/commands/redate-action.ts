import type { CalendarDate } from '../calendar-date';
import { notPermitted, type CaseCommand } from './command';
import { followsUp, mayActOnAny, openItems } from './follow-up-roles';

/** A promised action gets a new due date, with the reason; the resident is then to be told it. */
export interface RedateActionInput { actionId: string; due: CalendarDate; reason: string }

export const redateAction: CaseCommand<RedateActionInput> = {
  allowed(file, actor, ctx) {
    const open = openItems(file, 'response');
    if (!open.length) return notPermitted('There is no action from a response still to be done.');
    return mayActOnAny(file, actor, ctx, open) ? null : notPermitted('Only the action\'s owner, the handler, their managers or the complaints team give it a new date.');
  },
  events(file, actor, input, ctx) {
    const item = file.view.items[input.actionId];
    if (item && !followsUp(file, actor, ctx, item)) return notPermitted(`Only the owner of action ${input.actionId}, the handler, their managers or the complaints team give it a new date.`);
    return { ok: true, events: [{ type: 'action-redated', on: ctx.today, actionId: input.actionId, due: input.due, reason: input.reason }] };
  },
};
