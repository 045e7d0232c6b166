import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * The handler stops the clock (for mediation, say) where the policy allows it; the timeline
 * refuses a pause without the complainant's consent where the policy needs it.
 */
export interface PauseInput { on: CalendarDate; reason: string; complainantConsented: boolean }

export const pause: CaseCommand<PauseInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted('Only the handler pauses the complaint.');
    return timelineAccepts(file, { type: 'paused', on: ctx.today, reason: 'probe', complainantConsented: true }, actor, ctx);
  },
  events: (_file, _actor, input) => ({
    ok: true,
    events: [{
      type: 'paused', on: input.on, reason: input.reason, complainantConsented: input.complainantConsented,
      why: `${input.reason}${input.complainantConsented ? ' (complainant agreed)' : ''}`,
    }],
  }),
};
