import type { CalendarDate } from '../calendar-date';
import type { ContactMethod } from '../case-events';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/**
 * The handler records the acknowledgement the resident was sent: the day it went and how. The
 * response deadline starts from that day where the policy counts from acknowledgement.
 */
export interface AcknowledgeInput { on: CalendarDate; method: ContactMethod }

export const acknowledge: CaseCommand<AcknowledgeInput> = {
  allowed(file, actor, ctx) {
    if (!relationTo(file, actor, ctx.directory).isHandler) return notPermitted(`${file.record.reference} is handled by someone else; only the responsible officer can acknowledge it.`);
    const refused = timelineAccepts(file, { type: 'acknowledged', on: ctx.today }, actor, ctx);
    if (refused) return refused;
    // The timeline also takes a late acknowledgement at a stage without an acknowledgement
    // step; the card offers it only while one is awaited.
    return file.view.state === 'awaiting-acknowledgement' ? null : notPermitted('There is nothing to acknowledge.');
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'acknowledged', on: input.on, method: input.method }] }),
};
