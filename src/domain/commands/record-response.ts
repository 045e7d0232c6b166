import type { CalendarDate } from '../calendar-date';
import type { ResponseContentValues, ResponseOutcome } from '../case-events';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * The handler records the stage's written response: the decision and what it said, item by
 * item. The timeline refuses it when an item the policy requires for that stage and outcome is
 * missing.
 */
export interface RecordResponseInput { on: CalendarDate; outcome: ResponseOutcome; content: ResponseContentValues }

export const recordResponse: CaseCommand<RecordResponseInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler records the response.');
    return timelineAccepts(file, { type: 'responded', on: ctx.today, outcome: 'upheld' }, actor, ctx);
  },
  events: (file, _actor, input) => ({
    ok: true,
    events: [{ type: 'responded', on: input.on, outcome: input.outcome, content: input.content, why: `Stage ${file.view.stage} response recorded in Teams` }],
  }),
};
