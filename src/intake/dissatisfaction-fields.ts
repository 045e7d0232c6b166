import { z } from 'zod';
import type { CalendarDate } from '../domain/calendar-date';
import { DISSATISFACTION_KINDS, DISSATISFACTION_REASONS, REASON_NOTE_MAX, SUMMARY_MAX } from '../domain/dissatisfaction';
import { choice, dateUpTo } from './intake-fields';
import { CHANNELS } from './intake-options';

/**
 * The "Log dissatisfaction" card's fields, checked at the edge: what the resident said, when and
 * how (for either answer), and for a "no", what it was and why it is not a complaint.
 */
export const DISSATISFACTION_FIELDS = ['recordId', 'summary', 'receivedOn', 'channel', 'kind', 'reason', 'reasonNote'] as const;

export function saidSchema(today: CalendarDate) {
  return z.object({
    summary: z.string({ error: 'Say what the resident said' }).trim().min(1, 'Say what the resident said').max(SUMMARY_MAX, `What the resident said must be at most ${SUMMARY_MAX} characters`),
    receivedOn: dateUpTo('The date', today),
    channel: choice('how it was received', CHANNELS),
  });
}

export function notAComplaintSchema(today: CalendarDate) {
  return saidSchema(today).extend({
    kind: choice('whether it is a service request or an expression of dissatisfaction', DISSATISFACTION_KINDS),
    reason: choice('why it is not a complaint', DISSATISFACTION_REASONS),
    reasonNote: z.string().trim().max(REASON_NOTE_MAX, `The reason must be at most ${REASON_NOTE_MAX} characters`).optional().default(''),
  }).superRefine((v, ctx) => {
    if (v.reason === 'other' && !v.reasonNote) ctx.addIssue({ code: 'custom', path: ['reasonNote'], message: 'Say why it is not a complaint' });
  });
}
