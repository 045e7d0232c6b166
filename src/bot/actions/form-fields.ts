import { z } from 'zod';
import { compareDates, isCalendarDate, type CalendarDate } from '../../domain/calendar-date';
import { REMEDY_KINDS, type ActionItem, type RemedyKind } from '../../domain/case-events';
import { parseStep } from '../../intake/intake-fields';
import type { ParsedInput } from './case-card-action';

/**
 * The action forms' fields, checked at the edge. Card inputs arrive as strings; each limit
 * here is what the person is told when they break it.
 */
export const text = (label: string) => z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(4000, `${label} must be at most 4000 characters`);
export const optionalText = z.string().trim().max(4000, 'At most 4000 characters').optional().default('');
export const pastDate = (today: CalendarDate) => z.string({ error: 'Enter a date' }).trim().refine(isCalendarDate, 'Enter a date')
  .refine((d) => !isCalendarDate(d) || compareDates(d, today) <= 0, 'The date cannot be in the future');
/**
 * A form schema that depends only on today's date, built once per day rather than on every
 * submit: building a zod schema costs more than checking a form with it.
 */
export function perDay<S>(build: (today: CalendarDate) => S): (today: CalendarDate) => S {
  let built: { today: CalendarDate; schema: S } | null = null;
  return (today) => {
    if (built?.today !== today) built = { today, schema: build(today) };
    return built.schema;
  };
}

/** A toggle: "true" when ticked. */
export const ticked = z.string().optional().transform((v) => v === 'true');

/** The card's values as strings, each cut to a bounded length: what a form shows back. */
export function valuesOf(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v).slice(0, 4001);
  }
  return out;
}

/** Parses a form against its schema and maps the result to the command's input. */
export function parseForm<T, I>(schema: z.ZodType<T>, data: Record<string, unknown>, toInput: (value: T) => I): ParsedInput<I> {
  const values = valuesOf(data);
  const parsed = parseStep(schema, values);
  return parsed.ok ? { ok: true, input: toInput(parsed.value) } : { ok: false, errors: parsed.errors, values };
}

/** The free-text comment a decision card carries (input `text`), trimmed and bounded: kept in the event. */
export function commentOf(data: Record<string, unknown>): string {
  return typeof data.text === 'string' ? data.text.trim().slice(0, 2000) : '';
}

/**
 * The remedy (or order) rows of a form: `action1-description`, `-kind`, `-due`, `-amount`
 * (pounds). An empty row is skipped; a started one needs its kind and date, and
 * compensation its amount. Errors are keyed by the row (`action1`), shown under it.
 */
export function parseItemRows(values: Record<string, string>, prefix: 'action' | 'order', rows: number): { items: Array<Omit<ActionItem, 'id'>>; errors: Record<string, string> } {
  const items: Array<Omit<ActionItem, 'id'>> = [];
  const errors: Record<string, string> = {};
  for (let i = 1; i <= rows; i++) {
    const p = `${prefix}${i}`;
    const description = (values[`${p}-description`] ?? '').trim();
    const kind = values[`${p}-kind`] ?? '';
    const due = (values[`${p}-due`] ?? '').trim();
    const amount = (values[`${p}-amount`] ?? '').trim();
    const ownerId = (values[`${p}-owner`] ?? '').trim();
    if (!description && !due && !amount) continue;
    if (!description) { errors[p] = 'Say what will be done'; continue; }
    if (!isRemedyKind(kind)) { errors[p] = 'Choose the kind'; continue; }
    if (!isCalendarDate(due)) { errors[p] = 'Enter the date it is due by'; continue; }
    const pounds = amount === '' ? null : Number(amount);
    if (kind === 'compensation' && (pounds === null || !Number.isFinite(pounds) || pounds < 0)) { errors[p] = 'Give the amount of compensation in pounds'; continue; }
    items.push({ kind, description: description.slice(0, 500), due, ...(ownerId ? { ownerId } : {}), ...(pounds !== null && Number.isFinite(pounds) && pounds >= 0 ? { amountPence: Math.round(pounds * 100) } : {}) });
  }
  return { items, errors };
}

function isRemedyKind(kind: string): kind is RemedyKind {
  return (REMEDY_KINDS as readonly string[]).includes(kind);
}
