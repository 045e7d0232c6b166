import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The handler closes a case once it has its response. */
export interface CloseInput { on: CalendarDate }

export const close: CaseCommand<CloseInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler closes the case.');
    return timelineAccepts(file, { type: 'closed', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'closed', on: input.on, why: 'Closed in Teams' }] }),
};
