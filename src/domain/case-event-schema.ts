import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import type { StoredEvent } from './case-events';
import { ADJUSTMENTS_REVIEW_OUTCOMES, CONTACT_METHODS, CORRESPONDENCE_DIRECTIONS, OMBUDSMAN_FINDINGS, REMEDY_KINDS, RESPONSE_OUTCOMES, TELL_ABOUT } from './case-events';

/**
 * The shape of a stored event, checked when a case is read back from a store, so the rest of
 * the app works with typed events, not with whatever JSON a document held. The rules about
 * which events may follow which stay in the timeline (case-timeline.ts); this is only shape.
 * Objects are loose: a field written by a newer version is kept, not dropped.
 */
const date = z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });
const audit = { on: date, id: z.string(), at: z.string(), by: z.string(), why: z.string().optional() };
const reasonCategory = z.enum(['investigation', 'third-party', 'complainant-availability', 'annual-leave', 'illness', 'workload', 'other']);
const outcome = z.enum(RESPONSE_OUTCOMES);
const item = z.looseObject({
  id: z.string(), kind: z.enum(REMEDY_KINDS), description: z.string(), due: date, ownerId: z.string().optional(), amountPence: z.number().int().optional(),
});
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.looseObject({ type: z.literal(type), ...audit, ...shape });

export const storedEventSchema = z.discriminatedUnion('type', [
  event('informal-opened', {}),
  event('received', { stage: z.number().int().optional(), issueOccurredOn: date.optional(), lateAcceptanceReason: z.string().optional() }),
  event('acknowledged', { method: z.enum(CONTACT_METHODS).optional() }),
  event('extended', { workingDays: z.number(), reason: z.string(), reasonCategory: reasonCategory.optional(), complainantAgreed: z.boolean().optional() }),
  event('paused', { reason: z.string(), complainantConsented: z.boolean().optional() }),
  event('resumed', {}),
  event('draft-issued', {}),
  event('comments-received', {}),
  event('responded', { outcome, content: z.record(z.string(), z.string()).optional(), actions: z.array(item).optional() }),
  event('action-completed', { actionId: z.string(), evidence: z.string() }),
  event('action-redated', { actionId: z.string(), due: date, reason: z.string() }),
  event('ombudsman-referred', { reference: z.string() }),
  event('ombudsman-information-requested', { requestId: z.string(), due: date }),
  event('ombudsman-information-sent', { requestId: z.string() }),
  event('ombudsman-determined', {
    findings: z.array(z.looseObject({ finding: z.enum(OMBUDSMAN_FINDINGS), about: z.string().optional() })), orders: z.array(item),
  }),
  event('ombudsman-order-complied', { orderId: z.string(), evidence: z.string() }),
  event('assigned', { officerId: z.string() }),
  event('extension-requested', { workingDays: z.number(), reason: z.string(), reasonCategory: reasonCategory.optional(), complainantAgreed: z.boolean().optional() }),
  event('extension-rejected', {}),
  event('escalation-refusal-proposed', {}),
  event('escalation-refused', {}),
  event('escalation-refusal-rejected', {}),
  event('behaviour-proposed', {}),
  event('behaviour-decided', { decision: z.enum(['restrict', 'no-action']), restrictions: z.string().optional(), reviewOn: date.optional() }),
  event('escalation-requested', { lateAcceptanceReason: z.string().optional() }),
  event('refused', {}),
  event('closed', {}),
  event('withdrawn', {}),
  event('note', {}),
  event('adjustments-recorded', { reviewOn: date }),
  event('adjustments-reviewed', { outcome: z.enum(ADJUSTMENTS_REVIEW_OUTCOMES), adjustments: z.string().optional(), nextReviewOn: date.nullable() }),
  event('correspondence-attached', {
    fileId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(),
    direction: z.enum(CORRESPONDENCE_DIRECTIONS), dated: date, description: z.string(),
  }),
  event('resident-told', { about: z.enum(TELL_ABOUT), method: z.enum(CONTACT_METHODS) }),
  event('evidence-pack-made', { format: z.enum(['pdf', 'html']), parts: z.number().int().min(1) }),
  event('subject-access-made', { format: z.enum(['json', 'pdf']), cases: z.number().int().min(1) }),
  event('complainant-erased', { request: z.string() }),
  event('matter-added', { intakeId: z.string(), receivedOn: date, channel: z.string() }),
  event('split-off', { newCaseId: z.string(), raisedOn: date }),
  event('split-from', { fromCaseId: z.string(), fromReference: z.string() }),
]) satisfies z.ZodType<StoredEvent>; // the compiler checks the schema yields the domain's event type
