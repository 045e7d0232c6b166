import type { CalendarDate } from '../calendar-date';
import { notPermitted, type CaseCommand } from './command';
import { mayActOnAny, openItems } from './follow-up-roles';

/** An Ombudsman order or recommendation is complied with: when, and the evidence sent to the Ombudsman. */
export interface ComplyWithOrderInput { orderId: string; on: CalendarDate; evidence: string }

export const complyWithOrder: CaseCommand<ComplyWithOrderInput> = {
  allowed(file, actor, ctx) {
    const open = openItems(file, 'ombudsman-order');
    if (!open.length) return notPermitted('There is no Ombudsman order still to comply with.');
    return mayActOnAny(file, actor, ctx, open) ? null : notPermitted('Only the order\'s owner, the handler, their managers or the complaints team record compliance.');
  },
  events: (_file, _actor, input) => ({ ok: true, events: [{ type: 'ombudsman-order-complied', on: input.on, orderId: input.orderId, evidence: input.evidence }] }),
};
