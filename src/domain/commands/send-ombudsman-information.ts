import type { CalendarDate } from '../calendar-date';
import { notPermitted, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The information the Ombudsman asked for has been sent. */
export interface SendOmbudsmanInformationInput { requestId: string; on: CalendarDate; what: string }

export const sendOmbudsmanInformation: CaseCommand<SendOmbudsmanInformationInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isHandler && !r.isManager && !r.isPim) return notPermitted('Only the handler, their managers or the complaints team record what was sent to the Ombudsman.');
    const waiting = file.view.deadlines.some((d) => d.kind === 'ombudsman-information' && d.metOn === null);
    return waiting ? null : notPermitted('No request from the Ombudsman is waiting for information.');
  },
  events: (_file, _actor, input) => ({
    ok: true, events: [{ type: 'ombudsman-information-sent', on: input.on, requestId: input.requestId, ...(input.what.trim() ? { why: input.what.trim() } : {}) }],
  }),
};
