import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The handler restarts the clock; running deadlines move on by the working days paused. */
export interface ResumeInput { on: CalendarDate }

export const resume: CaseCommand<ResumeInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler resumes the complaint.');
    return timelineAccepts(file, { type: 'resumed', on: ctx.today }, actor, ctx);
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'resumed', on: input.on, why: 'Resumed in Teams' }] }),
};
