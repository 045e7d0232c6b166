import type { Directory } from '../domain/directory';
import type { Policy } from '../domain/policy';
import { COMPLAINANT_FIELDS, COMPLAINT_FIELDS, type IntakeDraft } from '../intake/intake-draft';
import type { FieldErrors } from '../intake/intake-fields';
import { CATEGORIES, CHANNELS, choices, CONTACT_METHODS, SERVICE_AREAS, STAFF_ROLES, TENURE_OPTIONS } from '../intake/intake-options';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { formatDate } from './card-text';

export interface IntakeCardInput {
  draft: IntakeDraft;
  errors: FieldErrors;
  formError: string;
  lateNotice: string;
  policy: Policy;
  directory: Directory;
  today: string;
}

/** Every field present (empty when unset), so no template binding is left unexpanded. */
function complete(fields: readonly string[], from: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, from[f] ?? '']));
}

export function intakeStepCard(input: IntakeCardInput): AdaptiveCardJson {
  const { draft, policy } = input;
  const common = { intakeId: draft.intakeId, policyName: policy.name, formError: input.formError };
  if (draft.step === 'complainant') {
    return renderCard('intake-complainant', {
      ...common,
      values: complete(COMPLAINANT_FIELDS, draft.complainant),
      errors: complete(COMPLAINANT_FIELDS, input.errors),
      contactChoices: choices(CONTACT_METHODS),
      estateChoices: input.directory.estates.map((e) => ({ title: e, value: e })),
      tenureChoices: choices(TENURE_OPTIONS),
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
    });
  }
  return renderCard('intake-review', { ...common, ...reviewFacts(draft) });
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
    routingNote: c.refuseReason && !c.lateAcceptanceReason
      ? 'On submit the complaint is recorded as refused, with the reason above.'
      : 'On submit the complaint gets a reference, the responsible officer is assigned by the routing rules, and the deadlines are set from the policy.',
  };
}
