import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** Seed 004: the complainant's comments on the draft response have come in. */
export interface RecordCommentsInput { on: CalendarDate }

export const recordComments: CaseCommand<RecordCommentsInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler records the comments.');
    return timelineAccepts(file, { type: 'comments-received', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'comments-received', on: input.on, why: 'Complainant\'s comments on the draft received' }] }),
};
