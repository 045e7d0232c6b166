import { z } from 'zod';

/**
 * A card action as it arrives, in an `adaptiveCard/action` invoke (`activity.value.action`)
 * or, from clients that send Action.Submit, in a message's `activity.value`. Parsed before
 * anything else looks at it: the verb must be one we know, and the data a flat object of
 * ids and typed values. Everything in it is untrusted; handlers re-read what they act on.
 */
export const VERBS = [
  'intake.start', 'intake.next', 'intake.back', 'intake.cancel', 'intake.submit',
  'cases.mine', 'case.view', 'case.acknowledge', 'case.refresh',
  'case.respond.form', 'case.respond', 'case.extend.form', 'case.extend', 'case.extension.form', 'case.extension.approve', 'case.extension.reject',
  'case.escalate.form', 'case.escalate', 'case.pause.form', 'case.pause', 'case.resume', 'case.close', 'case.note.form', 'case.note',
  'case.withdraw.form', 'case.withdraw', 'case.behaviour.form', 'case.behaviour', 'case.behaviour-decision.form', 'case.behaviour.decide', 'case.draft', 'case.comments',
  'case.refuse-escalation.form', 'case.refuse-escalation', 'case.escalation-refusal.form', 'case.escalation-refusal.approve', 'case.escalation-refusal.reject',
] as const;
export type Verb = (typeof VERBS)[number];

const data = z.record(z.string().max(100), z.unknown()).refine((d) => Object.keys(d).length <= 60, 'too many fields');

const invokeValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.enum(VERBS), data: data.optional().default({}) }).loose(),
}).loose();

const submitValue = data.and(z.object({ verb: z.enum(VERBS) }).loose());

export interface CardAction { verb: Verb; data: Record<string, unknown> }

export function parseInvokeAction(value: unknown): CardAction | null {
  const parsed = invokeValue.safeParse(value);
  return parsed.success ? { verb: parsed.data.action.verb, data: parsed.data.action.data } : null;
}

export function parseSubmitAction(value: unknown): CardAction | null {
  const parsed = submitValue.safeParse(value);
  return parsed.success ? { verb: parsed.data.verb, data: parsed.data } : null;
}

/** An id carried by a card: a short string of safe characters, or null. */
export function cardId(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(v) ? v : null;
}
