import { z } from 'zod';
import { isCalendarDate } from './calendar-date';

/**
 * Dissatisfaction that did not become a complaint. The Code: any expression of dissatisfaction
 * prompts the question "do you want to make a complaint?"; a service request is told apart from
 * a complaint; and the annual report says how many were not taken as complaints, and why. When
 * the answer is no, this is what is kept.
 *
 * Not a case: it has no stages, deadlines or handler, so none of the case's history, routing or
 * reminders apply, and nothing in it must ever be counted as a complaint. It is its own small
 * record, in its own store (src/store/*dissatisfaction-log*), read by the reports by date.
 *
 * It keeps what the officer needs to count and explain it (when, how, what kind, why, by whom)
 * and a short summary; it does not ask for the resident's name or contact details (data
 * minimisation: nothing later needs them, and a complaint made after takes them afresh).
 */
export const DISSATISFACTION_KINDS = {
  'service-request': 'A service request',
  'expression-of-dissatisfaction': 'An expression of dissatisfaction',
} as const;
export type DissatisfactionKind = keyof typeof DISSATISFACTION_KINDS;

/** Why it was not taken as a complaint, worded for the report. */
export const DISSATISFACTION_REASONS = {
  'resolved-first-contact': 'Resolved on first contact',
  'service-request-raised': 'Service request raised',
  'resident-declined': 'The resident did not want to complain',
  other: 'Other',
} as const;
export type DissatisfactionReason = keyof typeof DISSATISFACTION_REASONS;

export const SUMMARY_MAX = 2000;
export const REASON_NOTE_MAX = 500;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const dissatisfactionRecordSchema = z.object({
  /** Chosen when the card was shown, so a second press of the same card records nothing new. */
  id: z.string().min(1).max(100),
  /** The day the resident said it (Europe/London). */
  receivedOn: z.string().refine(isCalendarDate, 'must be a date as YYYY-MM-DD'),
  /** How it reached us: one of the intake's channels (intake-options.ts CHANNELS). */
  channel: z.string().max(40),
  summary: z.string().max(SUMMARY_MAX),
  kind: z.enum(keys(DISSATISFACTION_KINDS)),
  reason: z.enum(keys(DISSATISFACTION_REASONS)),
  /** The officer's own words on the reason (required for "other"). */
  reasonNote: z.string().max(REASON_NOTE_MAX),
  /** Directory id of the member of staff who recorded it. */
  recordedBy: z.string(),
  /** ISO instant it was recorded. */
  recordedAt: z.string(),
}).loose();

export type DissatisfactionRecord = z.infer<typeof dissatisfactionRecordSchema>;
