import { z } from 'zod';
import { compareDates, isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import { CATEGORIES, CHANNELS, CONTACT_METHODS, keysOf, ON_BEHALF_ROLES, SERVICE_AREAS, STAFF_ROLES, TENURE_OPTIONS } from './intake-options';

/**
 * The intake steps' fields, checked at the edge. Card inputs arrive as strings (toggles as
 * "true"/"false"); every limit here is what a person is told when they break it.
 */
export const LIMITS = { name: 120, short: 200, address: 300, long: 2000, description: 4000 } as const;

const text = (label: string, max: number) => z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`).optional().default('');
const toggle = z.enum(['true', 'false']).optional().default('false').transform((v) => v === 'true');
/** One of `options`' keys; "Choose `label`" when missing or not one of them. */
export const choice = <T extends object>(label: string, options: T) => z.enum(keysOf(options), { error: `Choose ${label}` });
/** A calendar date no later than `today`. */
export const dateUpTo = (label: string, today: CalendarDate) => z.string({ error: `${label} is required` }).trim()
  .refine(isCalendarDate, `${label} must be a date`)
  .refine((d) => !isCalendarDate(d) || compareDates(d, today) <= 0, `${label} cannot be in the future`);

/** The form-wide message when some fields have their own, on every form that checks at the edge. */
export const CHECK_BELOW = 'Some answers need attention: see the messages below each field.';

export const complainantSchema = z.object({
  complainantName: text('Name', LIMITS.name),
  contactEmail: z.string().trim().max(LIMITS.short).optional().default('').refine((v) => v === '' || z.email().safeParse(v).success, 'Enter a valid email address'),
  contactPhone: z.string().trim().max(30, 'Phone must be at most 30 characters').optional().default('')
    .refine((v) => v === '' || /^[+0-9 ()-]{6,}$/.test(v), 'Enter a phone number using digits, spaces and +'),
  preferredContact: choice('a preferred contact method', CONTACT_METHODS),
  address: text('Address', LIMITS.address),
  estate: text('Estate', LIMITS.short),
  hasRepresentative: toggle,
  representativeName: optionalText('Representative', LIMITS.name),
  representativeConsent: toggle,
  vulnerabilities: optionalText('Vulnerabilities', LIMITS.long),
  adjustments: optionalText('Reasonable adjustments', LIMITS.long),
  // Not known is an honest answer, and the default for a form (or an older card) that did not ask.
  tenure: z.preprocess((v) => (v === '' || v === undefined ? 'not-known' : v), choice('the resident\'s tenure', TENURE_OPTIONS)),
  // An MP, councillor or designated person who contacted us for the resident; empty: nobody did.
  // 'resident' is the card's "no one" choice: a compact list cannot be cleared once chosen.
  onBehalfRole: z.preprocess((v) => (v === 'resident' || v === undefined ? '' : v),
    z.union([z.literal(''), z.enum(keysOf(ON_BEHALF_ROLES))], { error: 'Choose who made the contact, or "No one"' })),
  onBehalfName: optionalText('Their name', LIMITS.name),
  onBehalfConsent: toggle,
}).superRefine((v, ctx) => {
  if (v.preferredContact === 'email' && !v.contactEmail) ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: 'Email is the preferred contact method: enter the address' });
  if (v.preferredContact === 'phone' && !v.contactPhone) ctx.addIssue({ code: 'custom', path: ['contactPhone'], message: 'Phone is the preferred contact method: enter the number' });
  if (v.hasRepresentative && !v.representativeName) ctx.addIssue({ code: 'custom', path: ['representativeName'], message: 'Name the representative' });
  if (v.hasRepresentative && !v.representativeConsent) ctx.addIssue({ code: 'custom', path: ['representativeConsent'], message: 'Record the complainant\'s consent for the representative to act for them' });
  if (v.onBehalfRole && !v.onBehalfName) ctx.addIssue({ code: 'custom', path: ['onBehalfName'], message: 'Name who made the contact for the resident' });
  if (v.onBehalfRole && !v.onBehalfConsent) ctx.addIssue({ code: 'custom', path: ['onBehalfConsent'], message: 'The Code treats their enquiry as the resident\'s own contact only with the resident\'s consent: record it, or ask the resident first' });
  if (!v.onBehalfRole && v.onBehalfName) ctx.addIssue({ code: 'custom', path: ['onBehalfRole'], message: 'Choose whether they are an MP, a councillor or a designated person' });
});

export function complaintSchema(today: CalendarDate) {
  return z.object({
    channel: choice('how it was received', CHANNELS),
    receivedOn: dateUpTo('Date received', today),
    issueOccurredOn: dateUpTo('Date the issue occurred', today),
    category: choice('a category', CATEGORIES),
    serviceArea: choice('a service area', SERVICE_AREAS),
    aboutStaff: toggle,
    staffRole: z.string().optional().default(''),
    staffName: optionalText('Staff name', LIMITS.name),
    description: text('Description', LIMITS.description),
    complaintDefinition: text('Complaint definition', LIMITS.long),
    outcomeSought: text('Outcome sought', LIMITS.long),
    lateAcceptanceReason: optionalText('Reason to accept late', LIMITS.long),
    refuseReason: optionalText('Reason for refusing', LIMITS.long),
  }).superRefine((v, ctx) => {
    if (isCalendarDate(v.issueOccurredOn) && isCalendarDate(v.receivedOn) && compareDates(v.issueOccurredOn, v.receivedOn) > 0) {
      ctx.addIssue({ code: 'custom', path: ['issueOccurredOn'], message: 'The issue cannot have occurred after the complaint was received' });
    }
    if (v.aboutStaff && !(v.staffRole in STAFF_ROLES)) ctx.addIssue({ code: 'custom', path: ['staffRole'], message: 'Choose the role of the member of staff' });
  });
}

export type ComplainantFields = z.infer<typeof complainantSchema>;
export type ComplaintFields = z.infer<ReturnType<typeof complaintSchema>>;
export type FieldErrors = Record<string, string>;

export type StepParse<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Parses one step's submitted values; the first message per field, keyed by field name. */
export function parseStep<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): StepParse<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
