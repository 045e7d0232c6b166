import { DISSATISFACTION_KINDS, DISSATISFACTION_REASONS } from '../domain/dissatisfaction';
import type { Directory } from '../domain/directory';
import { DISSATISFACTION_FIELDS } from '../intake/dissatisfaction-fields';
import type { Policy } from '../domain/policy';
import { COMPLAINANT_FIELDS, COMPLAINT_FIELDS, type IntakeDraft } from '../intake/intake-draft';
import type { JoinOffer } from '../intake/join-offer';
import { MATCH_REASON_WORDS } from '../domain/complainant-match';
import { asksToRefuse } from '../domain/commands/log-complaint';
import type { FieldErrors } from '../intake/intake-fields';
import { CATEGORIES, CHANNELS, choices, CONTACT_METHODS, ON_BEHALF_ROLES, SERVICE_AREAS, STAFF_ROLES, TENURE_OPTIONS } from '../intake/intake-options';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { shorten } from './case-cards';
import { formatDate } from './card-text';

export interface IntakeCardInput {
  draft: IntakeDraft;
  errors: FieldErrors;
  formError: string;
  lateNotice: string;
  policy: Policy;
  directory: Directory;
  today: string;
  /**
   * Fresh for every card shown (the bot passes a new one), and part of the ids of the card's
   * sections. The Agents Playground keeps a compact choice set's option from the card it
   * replaces when the elements' ids are the same, so the step shown after Back or Next could
   * show a stale choice; a new id per card makes it draw the choice afresh. Teams itself reads
   * only the inputs' ids (the data keys), which never change.
   */
  renderId?: string;
  /** On the review step: the resident's open stage 1 complaint, offered to join (join-offer.ts). */
  joinOffer?: JoinOffer | null;
}

/** Every field present (empty when unset), so no template binding is left unexpanded. */
function complete(fields: readonly string[], from: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, from[f] ?? '']));
}

export function intakeStepCard(input: IntakeCardInput): AdaptiveCardJson {
  const { draft, policy } = input;
  const renderId = input.renderId ?? draft.step;
  const common = { intakeId: draft.intakeId, policyName: policy.name, formError: input.formError, renderId };
  if (draft.step === 'complainant') {
    const p = draft.complainant;
    // A section hidden behind its button stays open while anything in it is filled in or wrong.
    const onBehalfFields = ['onBehalfRole', 'onBehalfName', 'onBehalfConsent', 'hasRepresentative', 'representativeName', 'representativeConsent'];
    return renderCard('intake-complainant', {
      ...common,
      values: complete(COMPLAINANT_FIELDS, draft.complainant),
      errors: complete(COMPLAINANT_FIELDS, input.errors),
      contactChoices: choices(CONTACT_METHODS),
      estateChoices: input.directory.estates.map((e) => ({ title: e, value: e })),
      tenureChoices: choices(TENURE_OPTIONS),
      onBehalfChoices: [{ title: 'No one: the resident', value: 'resident' }, ...choices(ON_BEHALF_ROLES)],
      showOnBehalf: onBehalfFields.some((f) => (!['', 'false', 'resident'].includes(p[f] ?? '')) || input.errors[f] !== undefined),
    });
  }
  if (draft.step === 'complaint') {
    return renderCard('intake-complaint', {
      ...common,
      today: input.today,
      lateNotice: input.lateNotice,
      values: complete(COMPLAINT_FIELDS, { receivedOn: input.today, ...draft.complaint }),
      errors: complete(COMPLAINT_FIELDS, input.errors),
      channelChoices: choices(CHANNELS),
      categoryChoices: choices(CATEGORIES),
      serviceAreaChoices: choices(SERVICE_AREAS),
      staffRoleChoices: choices(STAFF_ROLES),
      showStaff: ['aboutStaff', 'staffRole', 'staffName'].some((f) => ((draft.complaint[f] ?? '') !== '' && draft.complaint[f] !== 'false') || input.errors[f] !== undefined),
    });
  }
  const offer = input.joinOffer ?? null;
  return renderCard('intake-review', {
    ...common, ...reviewFacts(draft), hasOffer: offer !== null, offer: offer ? offerFacts(offer) : EMPTY_OFFER,
    ...(offer ? { routingNote: 'Logged as a new complaint, it gets its own reference, the responsible officer is assigned by the routing rules, and the deadlines are set from the policy.' } : {}),
    submitTitle: offer ? 'Log as a new complaint' : 'Submit complaint', submitStyle: offer ? 'default' : 'positive',
  });
}

const EMPTY_OFFER = { text: '', why: '', facts: [], unseen: '', joinTitle: '', caseId: '', version: '' };

/**
 * The offer as the card words it. Its reference, stage and received date are shown to whoever
 * logs the complaint (so they do not make a duplicate); who handles it and what it is about only
 * to those who may see the case (join-offer.ts says why).
 */
function offerFacts(offer: JoinOffer) {
  const received = offer.receivedOn ? ` (received ${formatDate(offer.receivedOn)})` : '';
  const matched = offer.reasons.map((r) => MATCH_REASON_WORDS[r]).join(' and ');
  return {
    text: `This resident has an open complaint at stage ${offer.stage}: ${offer.reference}${received}.`,
    why: `Matched on ${matched}. A related new complaint is added to the stage 1 complaint and answered with it; if this is about something else, log it as a new complaint.`,
    facts: offer.seen ? [{ title: 'Handled by', value: offer.seen.handlerName }, { title: 'About', value: shorten(offer.seen.about, 200) }] : [],
    unseen: offer.seen ? '' : 'You cannot open that case, so only its reference, stage and date are shown. Its handler is told when something is added to it.',
    joinTitle: `Add this to ${offer.reference}`, caseId: offer.caseId, version: offer.version,
  };
}


function reviewFacts(draft: IntakeDraft) {
  const p = draft.complainant;
  const c = draft.complaint;
  const label = (options: Record<string, string>, v: string | undefined) => (v && options[v]) || v || '';
  const fact = (title: string, value: string | undefined) => ({ title, value: value && value.trim() ? value : '—' });
  const yes = (v: string | undefined) => (v === 'true' ? 'Yes' : 'No');
  return {
    complainantFacts: [
      fact('Name', p.complainantName), fact('Email', p.contactEmail), fact('Phone', p.contactPhone),
      fact('Prefers', label(CONTACT_METHODS, p.preferredContact)), fact('Address', p.address), fact('Estate', p.estate),
      fact('Tenure', label(TENURE_OPTIONS, p.tenure || 'not-known')),
      fact('Representative', p.hasRepresentative === 'true' ? `${p.representativeName} (consent: ${yes(p.representativeConsent)})` : 'None'),
      ...(p.onBehalfRole && p.onBehalfRole !== 'resident' ? [fact('Contact made by', `${label(ON_BEHALF_ROLES, p.onBehalfRole)}: ${p.onBehalfName} (resident's consent: ${yes(p.onBehalfConsent)})`)] : []),
      fact('Vulnerabilities', p.vulnerabilities), fact('Adjustments', p.adjustments),
    ],
    complaintFacts: [
      fact('Received', c.receivedOn ? `${formatDate(c.receivedOn)} by ${label(CHANNELS, c.channel).toLowerCase()}` : ''),
      fact('Issue occurred', c.issueOccurredOn ? formatDate(c.issueOccurredOn) : ''),
      fact('Category', label(CATEGORIES, c.category)), fact('Service area', label(SERVICE_AREAS, c.serviceArea)),
      fact('About staff', c.aboutStaff === 'true' ? `${c.staffName || 'unnamed'} (${label(STAFF_ROLES, c.staffRole)})` : 'No'),
      fact('Description', c.description), fact('Complaint definition', c.complaintDefinition), fact('Outcome sought', c.outcomeSought),
      ...(c.lateAcceptanceReason ? [fact('Accepted late because', c.lateAcceptanceReason)] : []),
      ...(c.refuseReason ? [fact('Refused because', c.refuseReason)] : []),
    ],
    routingNote: asksToRefuse(c)
      ? 'On submit the complaint is recorded as refused, with the reason above.'
      : 'On submit the complaint gets a reference, the responsible officer is assigned by the routing rules, and the deadlines are set from the policy.',
  };
}

/**
 * "Log dissatisfaction": what the resident said, when and how, and their answer to "do you want
 * to make a complaint?". The "no" fields stay behind their button until used (or wrong).
 * Under the summary, one line asks the officer to leave out the resident's name, address and
 * contact details: a "no" is only counted by kind and reason, and a "yes" takes them afresh on
 * the complaint form, so the log need not hold them (docs/data-protection.md).
 */
export function dissatisfactionCard(input: { values: Record<string, string>; errors: FieldErrors; formError: string; answeredNo: boolean; today: string; renderId?: string }): AdaptiveCardJson {
  return renderCard('dissatisfaction', {
    recordId: input.values.recordId ?? '', renderId: input.renderId ?? 'dissatisfaction', today: input.today, formError: input.formError,
    values: complete(DISSATISFACTION_FIELDS, input.values), errors: complete(DISSATISFACTION_FIELDS, input.errors),
    answeredNo: input.answeredNo,
    channelChoices: choices(CHANNELS), kindChoices: choices(DISSATISFACTION_KINDS), reasonChoices: choices(DISSATISFACTION_REASONS),
  });
}
