import { createHash } from 'node:crypto';
import { compareDates, londonDateOf } from '../domain/calendar-date';
import { lastDayToComplain } from '../domain/case-timeline';
import type { DirectoryPerson } from '../domain/directory';
import type { Assignment } from '../domain/responsibility';
import type { CaseContext } from '../cases/case-context';
import { planNewCase } from '../cases/plan-new-case';
import type { CaseRecord } from '../domain/case-record';
import type { CaseStore } from '../store/case-store.port';
import type { KeyValueStore } from '../store/key-value-store.port';
import { complainantSchema, complaintSchema, parseStep, type FieldErrors } from './intake-fields';
import { COMPLAINANT_FIELDS, COMPLAINT_FIELDS, draftKey, INTAKE_STEPS, pickFields, type IntakeDraft, type IntakeStep } from './intake-draft';

/** What the person should see next. The bot turns it into a card. */
export type IntakeOutcome =
  | { kind: 'step'; draft: IntakeDraft; errors: FieldErrors; formError: string; lateNotice: string }
  | { kind: 'notice'; title: string; text: string; tone: 'info' | 'warning' | 'error'; reference?: string }
  | { kind: 'submitted'; record: CaseRecord; assignment: Assignment | null; repeated: boolean };

export interface IntakeDeps {
  drafts: KeyValueStore;
  cases: CaseStore;
  ctx: CaseContext;
}

/**
 * The guided intake: start, next, back, cancel, submit. Every step re-reads the draft from
 * the store and writes it back conditionally (ETag), so a stale card, a double click or a
 * restart between steps never loses or duplicates anything.
 */
export class IntakeFlow {
  constructor(private readonly deps: IntakeDeps) {}

  /** `prefill`: answers already given (from "Log dissatisfaction"), shown on their step for the officer to check. */
  async start(person: DirectoryPerson, prefill: { complaint?: Record<string, string> } = {}): Promise<IntakeOutcome> {
    const draft: IntakeDraft = {
      intakeId: this.deps.ctx.newId(), status: 'open', step: 'complainant', complainant: {}, complaint: pickFields(COMPLAINT_FIELDS, prefill.complaint ?? {}),
      startedBy: person.id, startedAt: this.deps.ctx.now().toISOString(),
    };
    await this.deps.drafts.put(draftKey(draft.intakeId), draft, { ifAbsent: true }, keepFor());
    return stepOutcome(draft);
  }

  async next(person: DirectoryPerson, intakeId: string, cardStep: string, data: Record<string, unknown>): Promise<IntakeOutcome> {
    const loaded = await this.load(person, intakeId, cardStep);
    if ('kind' in loaded) return loaded;
    const { draft, etag } = loaded;
    if (draft.step === 'review') return this.submit(person, intakeId, cardStep);
    const updated = this.withValues(draft, data);
    const check = this.checkStep(updated);
    if (check) return { kind: 'step', ...check, draft: await this.save(updated, etag) };
    const nextStep = INTAKE_STEPS[INTAKE_STEPS.indexOf(draft.step) + 1] ?? 'review';
    return stepOutcome(await this.save({ ...updated, step: nextStep }, etag));
  }

  async back(person: DirectoryPerson, intakeId: string, cardStep: string, data: Record<string, unknown>): Promise<IntakeOutcome> {
    const loaded = await this.load(person, intakeId, cardStep);
    if ('kind' in loaded) return loaded;
    const previous = INTAKE_STEPS[Math.max(0, INTAKE_STEPS.indexOf(loaded.draft.step) - 1)] ?? 'complainant';
    // What was typed on this card is kept even though it was not checked yet.
    return stepOutcome(await this.save({ ...this.withValues(loaded.draft, data), step: previous }, loaded.etag));
  }

  async cancel(person: DirectoryPerson, intakeId: string): Promise<IntakeOutcome> {
    const loaded = await this.load(person, intakeId, null);
    if ('kind' in loaded) return loaded;
    // What was typed goes: a cancelled form keeps only that it was cancelled, and by whom.
    await this.save({ ...loaded.draft, status: 'cancelled', complainant: {}, complaint: {} }, loaded.etag);
    return { kind: 'notice', title: 'Complaint cancelled', text: 'Nothing was saved. Start again with "new complaint" whenever you are ready.', tone: 'info' };
  }

  async submit(person: DirectoryPerson, intakeId: string, cardStep: string): Promise<IntakeOutcome> {
    const loaded = await this.load(person, intakeId, cardStep);
    if ('kind' in loaded) return loaded;
    const { draft, etag } = loaded;
    const invalid = this.firstInvalidStep(draft);
    if (invalid) return { ...invalid, draft: await this.save(invalid.draft, etag) };

    // Claim the draft: of two submits racing, only one gets past this conditional write.
    const claim = await this.deps.drafts.put(draftKey(intakeId), { ...draft, status: 'submitting', claimedAt: this.deps.ctx.now().toISOString() }, { ifMatch: etag }, keepFor());
    if (!claim.ok) return this.afterLostRace(person, intakeId);

    const plan = planNewCase({
      intakeId,
      complainant: complainantSchema.parse(draft.complainant),
      complaint: complaintSchema(this.today()).parse(draft.complaint),
      loggedBy: person,
    }, this.deps.ctx);
    if (!plan.ok) {
      const reopened = await this.save({ ...draft, status: 'open', step: plan.field ? 'complaint' : 'review' }, claim.etag);
      return { kind: 'step', draft: reopened, errors: plan.field ? { [plan.field]: plan.message } : {}, formError: plan.message, lateNotice: '' };
    }
    // The case's id comes from the form's, so a submit retried after a crash (the case written,
    // the form not yet marked) finds the case instead of logging the complaint twice.
    const { record } = await this.deps.cases.createCaseOnce(caseIdForIntake(intakeId), plan.record);
    // The case holds the complaint now; the form keeps only where it went (a later click is shown the case).
    await this.deps.drafts.put(draftKey(intakeId), { ...draft, status: 'submitted', complainant: {}, complaint: {}, caseId: record.id, reference: record.reference }, { ifMatch: claim.etag }, keepFor());
    // Told as new even when a crashed attempt had stored it: that attempt may not have told anyone.
    return { kind: 'submitted', record, assignment: plan.assignment, repeated: false };
  }

  private async afterLostRace(person: DirectoryPerson, intakeId: string): Promise<IntakeOutcome> {
    const again = await this.load(person, intakeId, null);
    if ('kind' in again) return again;
    return { kind: 'notice', title: 'Already being submitted', text: 'This complaint is being submitted from another click. Type "my cases" in a moment to see it.', tone: 'info' };
  }

  /** Reads the draft and checks it is this person's, still open, and the card is current. */
  private async load(person: DirectoryPerson, intakeId: string, cardStep: string | null): Promise<{ draft: IntakeDraft; etag: string } | IntakeOutcome> {
    const entry = await this.deps.drafts.get(draftKey(intakeId));
    const draft = entry?.value as IntakeDraft | undefined;
    if (!entry || !draft || draft.startedBy !== person.id) {
      return { kind: 'notice', title: 'This form is not available', text: 'It was not started by you, or it no longer exists. Type "new complaint" to start again.', tone: 'error' };
    }
    if (draft.status === 'cancelled') return { kind: 'notice', title: 'This complaint was cancelled', text: 'Nothing was saved from this form. Type "new complaint" to start again.', tone: 'warning' };
    if (draft.status === 'submitted' && draft.caseId) {
      const record = await this.deps.cases.getCase(draft.caseId);
      if (record) return { kind: 'submitted', record, assignment: null, repeated: true };
    }
    // A claim left by a submit that never finished (the bot stopped mid-way) is taken over.
    const abandoned = draft.status === 'submitting' && cardStep !== null && this.claimIsStale(draft);
    if (draft.status !== 'open' && !abandoned) return { kind: 'notice', title: 'Already being submitted', text: 'This complaint is being submitted. Press Submit again in a minute if it does not appear in "my cases".', tone: 'info' };
    if (abandoned) return { draft: { ...draft, status: 'open' }, etag: entry.etag };
    if (cardStep !== null && cardStep !== draft.step) {
      return { kind: 'step', draft, errors: {}, formError: 'That card was out of date, so nothing was changed. This is where the form is now.', lateNotice: '' };
    }
    return { draft, etag: entry.etag };
  }

  private withValues(draft: IntakeDraft, data: Record<string, unknown>): IntakeDraft {
    if (draft.step === 'complainant') return { ...draft, complainant: pickFields(COMPLAINANT_FIELDS, data) };
    if (draft.step === 'complaint') return { ...draft, complaint: pickFields(COMPLAINT_FIELDS, data) };
    return draft;
  }

  /** Checks the draft's current step; null when it may go on. */
  private checkStep(draft: IntakeDraft): StepCheck | null {
    if (draft.step === 'complainant') {
      const parsed = parseStep(complainantSchema, draft.complainant);
      if (!parsed.ok) return failed(parsed.errors);
      if (!this.deps.ctx.directory.estates.includes(parsed.value.estate)) return failed({ estate: 'Choose one of the listed estates' });
      return null;
    }
    if (draft.step === 'complaint') {
      const parsed = parseStep(complaintSchema(this.today()), draft.complaint);
      if (!parsed.ok) return failed(parsed.errors);
      const c = parsed.value;
      const limit = lastDayToComplain(this.deps.ctx.policy, c.issueOccurredOn);
      if (limit && compareDates(c.receivedOn, limit) > 0) {
        const lateNotice = `The issue occurred on ${c.issueOccurredOn}: more than ${this.deps.ctx.policy.timeLimitMonths} months before the complaint (the policy's limit was ${limit}).`;
        if (c.lateAcceptanceReason && c.refuseReason) return { ...failed({ refuseReason: 'Give a reason to accept it late, or a reason to refuse it, not both' }), lateNotice };
        if (!c.lateAcceptanceReason && !c.refuseReason) return { errors: {}, formError: '', lateNotice };
      }
      return null;
    }
    return null;
  }

  private firstInvalidStep(draft: IntakeDraft): Extract<IntakeOutcome, { kind: 'step' }> | null {
    for (const step of ['complainant', 'complaint'] as IntakeStep[]) {
      const check = this.checkStep({ ...draft, step });
      if (check) return { kind: 'step', draft: { ...draft, step }, ...check };
    }
    return null;
  }

  private async save(draft: IntakeDraft, etag: string): Promise<IntakeDraft> {
    const put = await this.deps.drafts.put(draftKey(draft.intakeId), draft, { ifMatch: etag }, keepFor());
    if (!put.ok) throw new IntakeConflictError();
    return draft;
  }

  private claimIsStale(draft: IntakeDraft): boolean {
    const at = draft.claimedAt ? Date.parse(draft.claimedAt) : NaN;
    return Number.isNaN(at) || this.deps.ctx.now().getTime() - at > SUBMIT_CLAIM_MS;
  }

  private today(): string {
    return londonDateOf(this.deps.ctx.now());
  }
}

/** Two cards of the same form acted on at the same moment; the bot asks the person to retry. */
export class IntakeConflictError extends Error {
  constructor() {
    super('The form changed while this action was processed.');
  }
}

function stepOutcome(draft: IntakeDraft): IntakeOutcome {
  return { kind: 'step', draft, errors: {}, formError: '', lateNotice: '' };
}

/** Why a step cannot go on: messages per field, for the whole form, and the late-complaint notice. */
type StepCheck = { errors: FieldErrors; formError: string; lateNotice: string };

function failed(errors: FieldErrors): StepCheck {
  return { errors, formError: 'Some answers need attention: see the messages below each field.', lateNotice: '' };
}

/**
 * How long a submit may hold the form: far longer than creating a case takes, so a claim older
 * than this was left by a process that stopped mid-submit, and the next Submit takes it over.
 */
export const SUBMIT_CLAIM_MS = 60_000;

/** The case id a form's complaint is stored under: the same for every retry of that form. */
export function caseIdForIntake(intakeId: string): string {
  return stableCaseId(`intake:${intakeId}`);
}

/** A case id (a UUID's shape) that is always the same for the same `seed`: what makes a retried create find the case it made. */
export function stableCaseId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A form untouched for this long is removed with what was typed in it (a resident's details
 * with no case to keep them for). Counted on the store's clock, which removes it.
 */
export const FORM_KEPT_DAYS = 30;
const keepFor = (): { expiresAt: Date } => ({ expiresAt: new Date(Date.now() + FORM_KEPT_DAYS * 86_400_000) });
