import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** Seed 004: the handler sends a draft response for the complainant's comments, where the stage has that step. */
export interface IssueDraftInput { on: CalendarDate }

export const issueDraft: CaseCommand<IssueDraftInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler sends the draft response.');
    return timelineAccepts(file, { type: 'draft-issued', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'draft-issued', on: input.on, why: 'Draft response sent for the complainant\'s comments' }] }),
};
