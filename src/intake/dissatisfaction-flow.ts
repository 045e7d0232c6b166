import { londonDateOf } from '../domain/calendar-date';
import { DISSATISFACTION_KINDS, DISSATISFACTION_REASONS, type DissatisfactionRecord } from '../domain/dissatisfaction';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseContext } from '../cases/case-context';
import type { DissatisfactionLog } from '../store/dissatisfaction-log.port';
import { notAComplaintSchema, saidSchema, DISSATISFACTION_FIELDS } from './dissatisfaction-fields';
import { CHECK_BELOW, parseStep, type FieldErrors } from './intake-fields';
import { pickFields } from './intake-draft';
import type { IntakeFlow, IntakeOutcome } from './intake-flow';

/** What the person sees after pressing a button on the "Log dissatisfaction" card. */
export type DissatisfactionOutcome =
  | { kind: 'form'; values: Record<string, string>; errors: FieldErrors; formError: string; answeredNo: boolean }
  | { kind: 'recorded'; record: DissatisfactionRecord; repeated: boolean }
  | { kind: 'complaint'; intake: IntakeOutcome };

/**
 * The front door (the Code): dissatisfaction prompts "do you want to make a complaint?". Yes
 * opens the complaint form with what was typed filled in; no keeps a record of what it was
 * and why, for the reports.
 */
export class DissatisfactionFlow {
  constructor(private readonly deps: { log: DissatisfactionLog; intake: IntakeFlow; ctx: CaseContext }) {}

  /** A blank card: today's date, and an id so a second press of the same card records nothing new. */
  blank(): Record<string, string> {
    return { recordId: this.deps.ctx.newId(), receivedOn: this.today() };
  }

  /** "Yes": the complaint form, at step 1, with the date, channel and what was said carried into step 2. */
  async yes(person: DirectoryPerson, data: Record<string, unknown>): Promise<DissatisfactionOutcome> {
    const values = pickFields(DISSATISFACTION_FIELDS, data);
    const parsed = parseStep(saidSchema(this.today()), values);
    if (!parsed.ok) return { kind: 'form', values, errors: parsed.errors, formError: CHECK_BELOW, answeredNo: false };
    const { summary, receivedOn, channel } = parsed.value;
    return { kind: 'complaint', intake: await this.deps.intake.start(person, { complaint: { channel, receivedOn, description: summary } }) };
  }

  /** "No": a service request or an expression of dissatisfaction, with the reason, kept for the reports. */
  async no(person: DirectoryPerson, data: Record<string, unknown>): Promise<DissatisfactionOutcome> {
    const values = pickFields(DISSATISFACTION_FIELDS, data);
    const parsed = parseStep(notAComplaintSchema(this.today()), values);
    const recordId = values.recordId ?? '';
    if (!parsed.ok || !/^[A-Za-z0-9-]{8,100}$/.test(recordId)) {
      const errors = parsed.ok ? {} : parsed.errors;
      return { kind: 'form', values, errors, formError: parsed.ok ? 'This card is not complete: type "log dissatisfaction" for a new one.' : CHECK_BELOW, answeredNo: true };
    }
    const record: DissatisfactionRecord = { id: recordId, ...parsed.value, recordedBy: person.id, recordedAt: this.deps.ctx.now().toISOString() };
    const { created } = await this.deps.log.record(record);
    return { kind: 'recorded', record, repeated: !created };
  }

  private today(): string {
    return londonDateOf(this.deps.ctx.now());
  }
}

/** "Recorded as a service request: Service request raised." */
export function recordedSentence(record: DissatisfactionRecord): string {
  const reason = record.reason === 'other' ? record.reasonNote : `${DISSATISFACTION_REASONS[record.reason]}${record.reasonNote ? ` (${record.reasonNote})` : ''}`;
  return `${DISSATISFACTION_KINDS[record.kind]}, not a complaint: ${reason}.`;
}
