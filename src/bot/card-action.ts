import { z } from 'zod';
import { CASE_ACTION_VERBS } from './actions/registry';
import { DOCUMENT_VERBS } from './documents/document-buttons';

/**
 * A card action as it arrives, in an `adaptiveCard/action` invoke (`activity.value.action`)
 * or, from clients that send Action.Submit, in a message's `activity.value`. Parsed before
 * anything else looks at it: the verb must be one we know, and the data a flat object of
 * ids and typed values. Everything in it is untrusted; handlers re-read what they act on.
 */
const BASE_VERBS = ['intake.start', 'intake.next', 'intake.back', 'intake.cancel', 'intake.submit', 'cases.mine', 'approvals.mine', 'case.view', 'case.refresh', 'log.page', 'report.links', 'file.attach', 'case.history', 'find.page'];
/** Every verb a card may send: the intake's, the views', and each case action's (src/bot/actions/registry.ts). */
/** The "Log dissatisfaction" card's (the front door). */
const FRONT_DOOR_VERBS = ['dissatisfaction.start', 'dissatisfaction.complaint', 'dissatisfaction.record'];
export const VERBS: ReadonlySet<string> = new Set([...BASE_VERBS, ...FRONT_DOOR_VERBS, ...CASE_ACTION_VERBS, ...DOCUMENT_VERBS]);
const verb = z.string().refine((v) => VERBS.has(v), 'not a verb this bot knows');

const data = z.record(z.string().max(100), z.unknown()).refine((d) => Object.keys(d).length <= 60, 'too many fields');

const invokeValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb, data: data.optional().default({}) }).loose(),
}).loose();

const submitValue = data.and(z.object({ verb }).loose());

export interface CardAction { verb: string; data: Record<string, unknown> }

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
