import type { CalendarDate } from '../calendar-date';
import type { ActionItem, OmbudsmanFinding } from '../case-events';
import { notPermitted, timelineAccepts, type CaseCommand } from './command';
import { relationTo } from './case-relations';
import { refuse } from '../case-errors';
import { unknownOwner } from './follow-up-roles';

/** The Ombudsman's determination: its findings, and the orders and recommendations to comply with (numbered o1, o2...). */
export interface RecordDeterminationInput { on: CalendarDate; findings: OmbudsmanFinding[]; orders: Array<Omit<ActionItem, 'id'>> }

export const recordDetermination: CaseCommand<RecordDeterminationInput> = {
  allowed(file, actor, ctx) {
    const r = relationTo(file, actor, ctx.directory);
    if (!r.isManager && !r.isPim) return notPermitted('Only the handler\'s managers or the complaints team record the Ombudsman\'s determination.');
    return timelineAccepts(file, { type: 'ombudsman-determined', on: ctx.today, findings: [{ finding: 'no-maladministration' }], orders: [] }, actor, ctx);
  },
  events(file, _actor, input, ctx) {
    const stranger = unknownOwner(input.orders, ctx.directory);
    if (stranger) return refuse('CASE.INVALID_INPUT', `"${stranger}" is not in the directory: choose who owns the order.`);
    const taken = Object.values(file.view.items).filter((i) => i.source === 'ombudsman-order').length;
    const orders = input.orders.map((o, i) => ({ ...o, id: `o${taken + i + 1}` }));
    return { ok: true, events: [{ type: 'ombudsman-determined', on: input.on, findings: input.findings, orders }] };
  },
};
