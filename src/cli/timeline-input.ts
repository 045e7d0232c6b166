import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { TENURES, type Tenure } from '../domain/tenure';
import { CONTACT_METHODS, OMBUDSMAN_FINDINGS, REMEDY_KINDS, RESPONSE_OUTCOMES, TELL_ABOUT, type CaseEvent } from '../domain/case-events';

/** The `deadlines` command's stdin: `{"events":[{"type":"received","on":"2026-12-18"}, ...]}`. */
const date = z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });
const audit = { on: date, why: z.string().max(2000).optional() };
/** A remedy, action or order: `{"id": "a1", "kind": "repair", "description": "...", "due": "YYYY-MM-DD"}`, optional ownerId and amountPence. */
const item = z.object({
  id: z.string(), kind: z.enum(REMEDY_KINDS), description: z.string(), due: date, ownerId: z.string().optional(), amountPence: z.number().int().min(0).optional(),
}).strict();

const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('informal-opened'), ...audit }).strict(),
  // tenure is the resident's (what intake records on the case), not part of the event: parseTimeline lifts it out.
  z.object({
    type: z.literal('received'), ...audit, stage: z.number().int().min(1).optional(), issueOccurredOn: date.optional(), lateAcceptanceReason: z.string().optional(),
    tenure: z.enum(TENURES).optional(),
  }).strict(),
  z.object({ type: z.literal('acknowledged'), ...audit, method: z.enum(CONTACT_METHODS).optional() }).strict(),
  z.object({
    type: z.literal('extended'), ...audit, workingDays: z.number().int(), reason: z.string(),
    reasonCategory: z.enum(['investigation', 'third-party', 'complainant-availability', 'annual-leave', 'illness', 'workload', 'other']).optional(),
    /** Where the policy extends only with the complainant's agreement (seed 001). */
    complainantAgreed: z.boolean().optional(),
  }).strict(),
  z.object({ type: z.literal('paused'), ...audit, reason: z.string().default(''), complainantConsented: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('resumed'), ...audit }).strict(),
  z.object({ type: z.literal('draft-issued'), ...audit }).strict(),
  z.object({ type: z.literal('comments-received'), ...audit }).strict(),
  z.object({ type: z.literal('responded'), ...audit, outcome: z.enum(RESPONSE_OUTCOMES as [string, ...string[]]).default('not-upheld'), actions: z.array(item).optional() }).strict(),
  z.object({ type: z.literal('action-completed'), ...audit, actionId: z.string(), evidence: z.string() }).strict(),
  z.object({ type: z.literal('action-redated'), ...audit, actionId: z.string(), due: date, reason: z.string() }).strict(),
  z.object({ type: z.literal('ombudsman-referred'), ...audit, reference: z.string() }).strict(),
  // The request's name is `id` on the command line; the stored event calls it requestId (a stored event's id is its own).
  z.object({ type: z.literal('ombudsman-information-requested'), ...audit, id: z.string(), due: date }).strict()
    .transform(({ id, ...rest }) => ({ ...rest, requestId: id })),
  z.object({ type: z.literal('ombudsman-information-sent'), ...audit, id: z.string() }).strict()
    .transform(({ id, ...rest }) => ({ ...rest, requestId: id })),
  z.object({
    type: z.literal('ombudsman-determined'), ...audit,
    findings: z.array(z.object({ finding: z.enum(OMBUDSMAN_FINDINGS), about: z.string().optional() }).strict()).min(1),
    orders: z.array(item).default([]),
  }).strict(),
  z.object({ type: z.literal('ombudsman-order-complied'), ...audit, orderId: z.string(), evidence: z.string() }).strict(),
  z.object({ type: z.literal('escalation-requested'), ...audit, lateAcceptanceReason: z.string().optional() }).strict(),
  z.object({ type: z.literal('refused'), ...audit }).strict(),
  z.object({ type: z.literal('closed'), ...audit }).strict(),
  z.object({ type: z.literal('withdrawn'), ...audit }).strict(),
  z.object({ type: z.literal('note'), ...audit }).strict(),
  z.object({ type: z.literal('escalation-refusal-proposed'), ...audit }).strict(),
  z.object({ type: z.literal('escalation-refused'), ...audit }).strict(),
  z.object({ type: z.literal('resident-told'), ...audit, about: z.enum(TELL_ABOUT), method: z.enum(CONTACT_METHODS) }).strict(),
]);

const timelineSchema = z.object({ events: z.array(eventSchema).min(1).max(10_000) }).strict();

export type TimelineParse = { ok: true; events: CaseEvent[]; tenure: Tenure | null } | { ok: false, errors: string[] };

export function parseTimeline(text: string): TimelineParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`stdin is not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = timelineSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`) };
  }
  let tenure: Tenure | null = null;
  const events = parsed.data.events.map((e) => {
    if (e.type !== 'received') return e;
    const { tenure: given, ...event } = e;
    tenure ??= given ?? null;
    return event;
  });
  return { ok: true, events: events as CaseEvent[], tenure };
}
