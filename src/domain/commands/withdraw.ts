import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The complainant withdraws; the handler records it with the evidence (what they said, when and how). */
export interface WithdrawInput { on: CalendarDate; evidence: string }

export const withdraw: CaseCommand<WithdrawInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler records a withdrawal.');
    return timelineAccepts(file, { type: 'withdrawn', on: ctx.today, why: 'probe' }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'withdrawn', on: input.on, why: input.evidence }] }),
};
