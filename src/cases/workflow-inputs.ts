import { z } from 'zod';
import { compareDates, isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import { RESPONSE_OUTCOMES, type CaseEvent, type ResponseOutcome } from '../domain/case-events';
import type { FormKind } from '../cards/workflow-forms';
import { BEHAVIOUR_DECISIONS, EXTENSION_REASONS, NOTE_CHANNELS } from '../cards/workflow-forms';
import { keysOf } from '../intake/intake-options';
import { parseStep, type FieldErrors } from '../intake/intake-fields';

/**
 * The action forms' inputs, checked at the edge and turned into the domain event they
 * record. Card inputs arrive as strings; limits are what the person is told.
 */
export type ParsedForm = { ok: true; event: CaseEvent } | { ok: false; errors: FieldErrors; values: Record<string, string> };

const text = (label: string) => z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(4000, `${label} must be at most 4000 characters`);
const optionalText = z.string().trim().max(4000, 'At most 4000 characters').optional().default('');
const date = (today: CalendarDate) => z.string({ error: 'Enter a date' }).trim().refine(isCalendarDate, 'Enter a date')
  .refine((d) => !isCalendarDate(d) || compareDates(d, today) <= 0, 'The date cannot be in the future');

export function valuesOf(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v).slice(0, 4001);
  }
  return out;
}

export function parseForm(kind: FormKind, data: Record<string, unknown>, today: CalendarDate, needsConsent: boolean): ParsedForm {
  const values = valuesOf(data);
  const fail = (errors: FieldErrors): ParsedForm => ({ ok: false, errors, values });
  switch (kind) {
    case 'note': {
      const p = parseStep(z.object({ on: date(today), channel: z.enum(keysOf(NOTE_CHANNELS), { error: 'Choose how' }), text: text('The note') }), values);
      return p.ok ? { ok: true, event: { type: 'note', on: p.value.on, why: `${NOTE_CHANNELS[p.value.channel]}: ${p.value.text}` } } : fail(p.errors);
    }
    case 'pause': {
      const p = parseStep(z.object({ on: date(today), text: text('The reason'), consent: z.string().optional() }), values);
      if (!p.ok) return fail(p.errors);
      if (needsConsent && p.value.consent !== 'true') return fail({ consent: 'The policy needs the complainant\'s agreement to pause' });
      return { ok: true, event: { type: 'paused', on: p.value.on, reason: p.value.text, why: `${p.value.text}${needsConsent ? ' (complainant agreed)' : ''}` } };
    }
    case 'escalate': {
      const p = parseStep(z.object({ on: date(today), text: optionalText }), values);
      return p.ok ? { ok: true, event: { type: 'escalation-requested', on: p.value.on, why: p.value.text || 'Resident asked to escalate' } } : fail(p.errors);
    }
    case 'withdraw': {
      const p = parseStep(z.object({ on: date(today), text: text('The evidence') }), values);
      return p.ok ? { ok: true, event: { type: 'withdrawn', on: p.value.on, why: p.value.text } } : fail(p.errors);
    }
    case 'extend': {
      const p = parseStep(z.object({
        workingDays: z.coerce.number({ error: 'Enter a number of working days' }).int('A whole number of working days').min(1, 'At least 1 working day').max(60, 'At most 60 working days'),
        reasonCategory: z.enum(keysOf(EXTENSION_REASONS), { error: 'Choose the kind of reason' }),
        text: text('The reason'),
      }), values);
      return p.ok ? { ok: true, event: { type: 'extension-requested', on: today, workingDays: p.value.workingDays, reason: p.value.text, reasonCategory: p.value.reasonCategory, why: p.value.text } } : fail(p.errors);
    }
    case 'refuse-escalation': {
      const p = parseStep(z.object({ text: text('The reason') }), values);
      return p.ok ? { ok: true, event: { type: 'escalation-refusal-proposed', on: today, why: p.value.text } } : fail(p.errors);
    }
    case 'behaviour': {
      const p = parseStep(z.object({ text: text('The evidence') }), values);
      return p.ok ? { ok: true, event: { type: 'behaviour-proposed', on: today, why: p.value.text } } : fail(p.errors);
    }
    case 'behaviour-decision': {
      const p = parseStep(z.object({
        decision: z.enum(keysOf(BEHAVIOUR_DECISIONS), { error: 'Choose the decision' }), text: text('The reasons'),
        restrictions: optionalText, reviewOn: z.string().optional().default('').refine((d) => d === '' || isCalendarDate(d), 'Enter a date'),
      }), values);
      if (!p.ok) return fail(p.errors);
      if (p.value.decision === 'restrict' && !p.value.restrictions) return fail({ restrictions: 'Say what the restrictions are' });
      return {
        ok: true,
        event: {
          type: 'behaviour-decided', on: today, decision: p.value.decision, why: p.value.text,
          ...(p.value.restrictions ? { restrictions: p.value.restrictions } : {}), ...(p.value.reviewOn ? { reviewOn: p.value.reviewOn } : {}),
        },
      };
    }
  }
}

export type ParsedResponse = { ok: true; outcome: ResponseOutcome; on: CalendarDate; content: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

export function parseResponse(data: Record<string, unknown>, today: CalendarDate): ParsedResponse {
  const values = valuesOf(data);
  const p = parseStep(z.object({ outcome: z.enum(RESPONSE_OUTCOMES as [ResponseOutcome, ...ResponseOutcome[]], { error: 'Choose the decision' }), on: date(today) }), values);
  if (!p.ok) return { ok: false, errors: p.errors, values };
  const content: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('item-') && v.trim()) content[k.slice(5)] = v.trim();
  return { ok: true, outcome: p.value.outcome, on: p.value.on, content };
}
