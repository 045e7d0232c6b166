import type { CalendarDate } from '../calendar-date';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';

/** The Ombudsman asks for information by a date; the complaints team is reminded until it is sent. */
export interface RecordOmbudsmanRequestInput { due: CalendarDate; what: string }

export const recordOmbudsmanRequest: CaseCommand<RecordOmbudsmanRequestInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isHandler && !r.isManager && !r.isPim) return notPermitted('Only the handler, their managers or the complaints team record the Ombudsman\'s requests.');
    return timelineAccepts(file, { type: 'ombudsman-information-requested', on: ctx.today, requestId: 'probe', due: ctx.today }, actor, ctx);
  },
  events(file, _actor, input, ctx) {
    // Requests are numbered r1, r2... in the order they came.
    const id = `r${file.view.deadlines.filter((d) => d.kind === 'ombudsman-information').length + 1}`;
    return { ok: true, events: [{ type: 'ombudsman-information-requested', on: ctx.today, requestId: id, due: input.due, why: input.what }] };
  },
};
