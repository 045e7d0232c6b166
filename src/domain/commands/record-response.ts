import type { CalendarDate } from '../calendar-date';
import type { ActionItem, ResponseContentValues, ResponseOutcome } from '../case-events';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';
import { refuse } from '../case-errors';
import { unknownOwner } from './follow-up-roles';

/**
 * The handler records the stage's written response: the decision and what it said, item by
 * item. The timeline refuses it when an item the policy requires for that stage and outcome is
 * missing.
 */
export interface RecordResponseInput {
  on: CalendarDate;
  outcome: ResponseOutcome;
  content: ResponseContentValues;
  /** The remedies and outstanding actions promised, each followed to completion (numbered a1, a2... on the case). */
  actions: Array<Omit<ActionItem, 'id'>>;
}

export const recordResponse: CaseCommand<RecordResponseInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler records the response.');
    return timelineAccepts(file, { type: 'responded', on: ctx.today, outcome: 'upheld' }, actor, ctx);
  },
  events(file, _actor, input, ctx) {
    const stranger = unknownOwner(input.actions, ctx.directory);
    if (stranger) return refuse('CASE.INVALID_INPUT', `"${stranger}" is not in the directory: choose who owns the action.`);
    const taken = Object.values(file.view.items).filter((i) => i.source === 'response').length;
    const actions = input.actions.map((a, i) => ({ ...a, id: `a${taken + i + 1}` }));
    return {
      ok: true,
      events: [{
        type: 'responded', on: input.on, outcome: input.outcome, content: input.content, ...(actions.length ? { actions } : {}),
        why: `Stage ${file.view.stage} response recorded in Teams`,
      }],
    };
  },
};
