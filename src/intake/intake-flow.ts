import { compareDates, londonDateOf } from '../domain/calendar-date';
import { lastDayToComplain } from '../domain/case-timeline';
import type { DirectoryPerson } from '../domain/directory';
import type { Assignment } from '../domain/responsibility';
import { commandContext, type CaseContext } from '../cases/case-context';
import { planNewCase } from '../cases/plan-new-case';
import { runCaseCommand } from '../cases/run-case-command';
import { stableCaseId } from '../cases/stable-case-id';
import { addMatter } from '../domain/commands/add-matter';
import { viewOf } from '../domain/case-view';
import type { CaseRecord } from '../domain/case-record';
import type { CaseStore } from '../store/case-store.port';
import type { KeyValueStore } from '../store/key-value-store.port';
import { asksToRefuse } from '../domain/commands/log-complaint';
import { CHECK_BELOW, complainantSchema, complaintSchema, parseStep, type FieldErrors } from './intake-fields';
import { COMPLAINANT_FIELDS, COMPLAINT_FIELDS, draftKey, INTAKE_STEPS, pickFields, type IntakeDraft, type IntakeStep } from './intake-draft';
import { findJoinOffer, sameResident, type JoinOffer } from './join-offer';

/** What the person should see next. The bot turns it into a card. */
export type IntakeOutcome =
  | { kind: 'step'; draft: IntakeDraft; errors: FieldErrors; formError: string; lateNotice: string; /** On the review step: the resident's open stage 1 complaint to join. */ joinOffer?: JoinOffer | null }
  | { kind: 'notice'; title: string; text: string; tone: 'info' | 'warning' | 'error'; reference?: string }
  | { kind: 'submitted'; record: CaseRecord; assignment: Assignment | null; repeated: boolean }
  /** The new matter was added to the resident's open stage 1 complaint `record` (join): no new case. */
  | { kind: 'joined'; record: CaseRecord; repeated: boolean };

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
    // On the review step, "Add this to HC-…" comes as Next naming the case to join (the card's
    // verbs are the intake's own); Submit stays "log as a new complaint", matched or not.
    // The draft just read is passed on, not read again.
    if (draft.step === 'review') return typeof data.joinCaseId === 'string' ? this.joinLoaded(person, intakeId, loaded, data) : this.submitLoaded(person, intakeId, loaded);
    const updated = this.withValues(draft, data);
    const check = this.checkStep(updated);
    if (check) return { kind: 'step', ...check, draft: await this.save(updated, etag) };
    const nextStep = INTAKE_STEPS[INTAKE_STEPS.indexOf(draft.step) + 1] ?? 'review';
    return this.withOffer(person, stepOutcome(await this.save({ ...updated, step: nextStep }, etag)));
  }

  /**
   * Adds the form's complaint to the resident's open stage 1 complaint instead of logging a new
   * case: checked again here, never taken from the card (the case must be this resident's, and
   * at stage 1 on the version the card showed), recorded through the add-matter command with the
   * version check, and the form then cleared exactly as on submit.
   */
  private async joinLoaded(person: DirectoryPerson, intakeId: string, loaded: LoadedDraft, data: Record<string, unknown>): Promise<IntakeOutcome> {
    const { draft } = loaded;
    // Checked and claimed exactly as a submit is.
    const claim = await this.claimForSubmit(person, intakeId, loaded);
    if ('kind' in claim) return claim;
    const caseId = String(data.joinCaseId).slice(0, 100);
    const seenVersion = typeof data.joinVersion === 'string' ? data.joinVersion.slice(0, 100) : '';
    const reopen = async (formError: string): Promise<IntakeOutcome> => this.withOffer(person, {
      kind: 'step', draft: await this.save({ ...draft, status: 'open', step: 'review' }, claim.etag), errors: {}, formError, lateNotice: '',
    });

    const complaint = complaintSchema(this.today()).parse(draft.complaint);
    let record = await this.deps.cases.getCase(caseId);
    // A card's case id is untrusted: a case that is not this resident's is refused like one that does not exist.
    if (!record || sameResident(draft.complainant, record).length === 0) return reopen('That case is not an open complaint of this resident\'s, so nothing was added. Submit the complaint as a new one, or go back.');
    if (asksToRefuse(complaint)) return reopen('A complaint being refused is logged on its own, not added to another. Submit it, or go back.');
    // A retried join (the bot stopped after adding it) finds the matter already there.
    if (!record.events.some((e) => e.type === 'matter-added' && e.intakeId === intakeId)) {
      const input = { intakeId, receivedOn: complaint.receivedOn, channel: complaint.channel, text: matterText(complaint) };
      const result = await runCaseCommand(this.deps.cases, this.deps.ctx, caseId, { seenVersion, current: record }, person, addMatter, input);
      if (!result.ok) {
        if (result.code === 'CASE.NOT_FOUND') return reopen('That case no longer exists, so nothing was added.');
        const now = { record: result.current, view: viewOf(result.current, this.deps.ctx) };
        if (result.code === 'CASE.STALE_VERSION' && addMatter.allowed(now, person, commandContext(this.deps.ctx)) === null) {
          return reopen(`Nothing was added: ${now.record.reference} changed since this card was shown. Check it below and press again.`);
        }
        return reopen(`Nothing was added: ${now.record.reference} is no longer an open complaint at stage 1 (it is at stage ${now.view.stage}, ${now.view.state.replace(/-/g, ' ')}). Submit this as a new complaint, or go back.`);
      }
      record = result.record;
    }
    // The case holds the matter now; the form keeps only where it went, as on submit.
    await this.markSubmitted(intakeId, draft, claim.etag, record, { joined: true });
    return { kind: 'joined', record, repeated: false };
  }

  /** The review step with the resident's open stage 1 complaint to join, if there is one (join-offer.ts). */
  private async withOffer(person: DirectoryPerson, outcome: Extract<IntakeOutcome, { kind: 'step' }>): Promise<Extract<IntakeOutcome, { kind: 'step' }>> {
    if (outcome.draft.step !== 'review') return outcome;
    const c = outcome.draft.complaint;
    // A complaint being refused (out of time) is recorded on its own: nothing to join.
    if (asksToRefuse(c)) return { ...outcome, joinOffer: null };
    return { ...outcome, joinOffer: await findJoinOffer(person, outcome.draft.complainant, this.deps.cases, this.deps.ctx) };
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
    return 'kind' in loaded ? loaded : this.submitLoaded(person, intakeId, loaded);
  }

  private async submitLoaded(person: DirectoryPerson, intakeId: string, loaded: LoadedDraft): Promise<IntakeOutcome> {
    const { draft } = loaded;
    const claim = await this.claimForSubmit(person, intakeId, loaded);
    if ('kind' in claim) return claim;

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
    await this.markSubmitted(intakeId, draft, claim.etag, record);
    // Told as new even when a crashed attempt had stored it: that attempt may not have told anyone.
    return { kind: 'submitted', record, assignment: plan.assignment, repeated: false };
  }

  /**
   * Checks every step again, then claims the draft as `submitting`: of two submits (or joins)
   * racing, only one gets past this conditional write. Returns the claim's etag, or what to show.
   */
  private async claimForSubmit(person: DirectoryPerson, intakeId: string, { draft, etag }: LoadedDraft): Promise<{ etag: string } | IntakeOutcome> {
    const invalid = this.firstInvalidStep(draft);
    if (invalid) return { ...invalid, draft: await this.save(invalid.draft, etag) };
    const claim = await this.deps.drafts.put(draftKey(intakeId), { ...draft, status: 'submitting', claimedAt: this.deps.ctx.now().toISOString() }, { ifMatch: etag }, keepFor());
    if (!claim.ok) return this.afterLostRace(person, intakeId);
    return { etag: claim.etag };
  }

  /** The form after its case holds what was typed: it keeps only where it went, so a later click is shown the case. */
  private async markSubmitted(intakeId: string, draft: IntakeDraft, claimEtag: string, record: CaseRecord, how: { joined?: true } = {}): Promise<void> {
    await this.deps.drafts.put(draftKey(intakeId), { ...draft, status: 'submitted', complainant: {}, complaint: {}, caseId: record.id, reference: record.reference, ...how }, { ifMatch: claimEtag }, keepFor());
  }

  private async afterLostRace(person: DirectoryPerson, intakeId: string): Promise<IntakeOutcome> {
    const again = await this.load(person, intakeId, null);
    if ('kind' in again) return again;
    return { kind: 'notice', title: 'Already being submitted', text: 'This complaint is being submitted from another click. Type "my cases" in a moment to see it.', tone: 'info' };
  }

  /** Reads the draft and checks it is this person's, still open, and the card is current. */
  private async load(person: DirectoryPerson, intakeId: string, cardStep: string | null): Promise<LoadedDraft | IntakeOutcome> {
    const entry = await this.deps.drafts.get(draftKey(intakeId));
    const draft = entry?.value as IntakeDraft | undefined;
    if (!entry || !draft || draft.startedBy !== person.id) {
      return { kind: 'notice', title: 'This form is not available', text: 'It was not started by you, or it no longer exists. Type "new complaint" to start again.', tone: 'error' };
    }
    if (draft.status === 'cancelled') return { kind: 'notice', title: 'This complaint was cancelled', text: 'Nothing was saved from this form. Type "new complaint" to start again.', tone: 'warning' };
    if (draft.status === 'submitted' && draft.caseId) {
      const record = await this.deps.cases.getCase(draft.caseId);
      if (record) return draft.joined ? { kind: 'joined', record, repeated: true } : { kind: 'submitted', record, assignment: null, repeated: true };
    }
    // A claim left by a submit that never finished (the bot stopped mid-way) is taken over.
    const abandoned = draft.status === 'submitting' && cardStep !== null && this.claimIsStale(draft);
    if (draft.status !== 'open' && !abandoned) return { kind: 'notice', title: 'Already being submitted', text: 'This complaint is being submitted. Press Submit again in a minute if it does not appear in "my cases".', tone: 'info' };
    if (abandoned) return { draft: { ...draft, status: 'open' }, etag: entry.etag };
    if (cardStep !== null && cardStep !== draft.step) {
      return this.withOffer(person, { kind: 'step', draft, errors: {}, formError: 'That card was out of date, so nothing was changed. This is where the form is now.', lateNotice: '' });
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

function stepOutcome(draft: IntakeDraft): Extract<IntakeOutcome, { kind: 'step' }> {
  return { kind: 'step', draft, errors: {}, formError: '', lateNotice: '' };
}

/** A draft as read for this request, with the etag its next write is conditional on. */
type LoadedDraft = { draft: IntakeDraft; etag: string };

/** Why a step cannot go on: messages per field, for the whole form, and the late-complaint notice. */
type StepCheck = { errors: FieldErrors; formError: string; lateNotice: string };

/** What the resident said, as the joined case's history keeps it. */
function matterText(c: { description: string; complaintDefinition: string; outcomeSought: string }): string {
  return [c.description, c.complaintDefinition && `Complaint definition: ${c.complaintDefinition}`, c.outcomeSought && `Outcome sought: ${c.outcomeSought}`].filter(Boolean).join(' · ');
}

function failed(errors: FieldErrors): StepCheck {
  return { errors, formError: CHECK_BELOW, lateNotice: '' };
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

/**
 * A form untouched for this long is removed with what was typed in it (a resident's details
 * with no case to keep them for). Counted on the store's clock, which removes it.
 */
export const FORM_KEPT_DAYS = 30;
const keepFor = (): { expiresAt: Date } => ({ expiresAt: new Date(Date.now() + FORM_KEPT_DAYS * 86_400_000) });
