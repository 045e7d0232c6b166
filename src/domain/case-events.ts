import type { CalendarDate } from './calendar-date';

/**
 * What can happen to a complaint. A case is nothing but an ordered list of these: stage,
 * state and deadlines are derived from them (see case-timeline.ts), so the list is also the
 * audit trail the Housing Ombudsman asks for. `on` is the calendar date the thing happened
 * (it drives deadlines); `at`, `by` and `why` say who recorded it and when, for the audit.
 */
export interface EventAudit {
  /** The Europe/London calendar date the event happened; deadlines count from it. */
  on: CalendarDate;
  /** ISO instant the event was recorded (set by the app, not by the person). */
  at?: string;
  /** Who recorded it: directory id of the member of staff. */
  by?: string;
  /** Free text: why, or what was said. */
  why?: string;
}

export type ResponseOutcome = 'upheld' | 'partly-upheld' | 'not-upheld';

/** What a written response said, item by item (see RESPONSE_CONTENTS in policy.ts). */
export type ResponseContentValues = Partial<Record<string, string>>;
export const RESPONSE_OUTCOMES: readonly ResponseOutcome[] = ['upheld', 'partly-upheld', 'not-upheld'];

/** Reasons some policies refuse for an extension (seed 003: the service must be resourced). */
export type ExtensionReasonCategory = 'investigation' | 'third-party' | 'complainant-availability' | 'annual-leave' | 'illness' | 'workload' | 'other';

/**
 * What the resident must be told after a decision, and is not told by the decision itself:
 * an approved extension (the reason, the new date, the Ombudsman's details), a refused
 * escalation (the reason and the Ombudsman's details), restrictions on contact.
 */
export type TellAbout = 'extension' | 'escalation-refusal' | 'behaviour-decision' | 'action-redated';
export const TELL_ABOUT: readonly TellAbout[] = ['extension', 'escalation-refusal', 'behaviour-decision', 'action-redated'];

/** How something was sent to, or said to, the resident. */
export type ContactMethod = 'letter' | 'email' | 'phone' | 'in-person';
export const CONTACT_METHODS: readonly ContactMethod[] = ['letter', 'email', 'phone', 'in-person'];

/** What kind of remedy or action a response (or the Ombudsman) commits the landlord to. */
export type RemedyKind = 'repair' | 'apology' | 'compensation' | 'policy-change' | 'training' | 'other';
export const REMEDY_KINDS: readonly RemedyKind[] = ['repair', 'apology', 'compensation', 'policy-change', 'training', 'other'];

/**
 * One thing the landlord has promised (a remedy or outstanding action in a response) or been
 * ordered to do (an Ombudsman order or recommendation): followed to completion with its own
 * due date (the Code: remedies are followed through, not just promised).
 */
export interface ActionItem {
  /** Unique within the case, e.g. "a1"; the events that complete or re-date it name it. */
  id: string;
  kind: RemedyKind;
  description: string;
  due: CalendarDate;
  /** Directory id of the person responsible; the case's handler when absent. */
  ownerId?: string;
  /** For compensation: the amount, in pence. */
  amountPence?: number;
}

/** The Housing Ombudsman's findings, from none to the most serious. */
export type OmbudsmanFindingKind = 'no-maladministration' | 'service-failure' | 'maladministration' | 'severe-maladministration';
export const OMBUDSMAN_FINDINGS: readonly OmbudsmanFindingKind[] = ['no-maladministration', 'service-failure', 'maladministration', 'severe-maladministration'];
export interface OmbudsmanFinding { finding: OmbudsmanFindingKind; about?: string }

/** What a review of the resident's adjustments found. */
export type AdjustmentsReviewOutcome = 'still-needed' | 'changed' | 'no-longer-needed';
export const ADJUSTMENTS_REVIEW_OUTCOMES: readonly AdjustmentsReviewOutcome[] = ['still-needed', 'changed', 'no-longer-needed'];

/** Which way a piece of correspondence went (issue 14: the record of all correspondence the Code requires). */
export type CorrespondenceDirection = 'from-resident' | 'to-resident' | 'internal' | 'from-contractor' | 'other';
export const CORRESPONDENCE_DIRECTIONS: readonly CorrespondenceDirection[] = ['from-resident', 'to-resident', 'internal', 'from-contractor', 'other'];

export type CaseEvent = EventAudit & (
  /** A policy's informal stage (stage 0) is opened before any formal complaint. */
  | { type: 'informal-opened' }
  /**
   * A formal complaint received. Stage defaults to the policy's first formal stage; a
   * complaint routed straight to a later stage (City of London: about an AHM) names it.
   * `issueOccurredOn` is checked against the policy's time limit; a late complaint needs
   * `lateAcceptanceReason`.
   */
  | { type: 'received'; stage?: number; issueOccurredOn?: CalendarDate; lateAcceptanceReason?: string }
  /** `method`: how the acknowledgement went to the resident; `on` is the day it was sent. */
  | { type: 'acknowledged'; method?: ContactMethod }
  /**
   * `complainantAgreed`: the complainant agreed to the extension, recorded where the stage's
   * policy extends only with their agreement (seed 001).
   */
  | { type: 'extended'; workingDays: number; reason: string; reasonCategory?: ExtensionReasonCategory; complainantAgreed?: boolean }
  /** `complainantConsented`: recorded where the policy pauses only with the complainant's consent (the Code). */
  | { type: 'paused'; reason: string; complainantConsented?: boolean }
  | { type: 'resumed' }
  /** Seed 004: a draft response sent for the complainant's comments. */
  | { type: 'draft-issued' }
  | { type: 'comments-received' }
  | { type: 'responded'; outcome: ResponseOutcome; content?: ResponseContentValues; actions?: ActionItem[] }
  /** A remedy or action promised in a response is done: who (by), when (on) and the evidence. */
  | { type: 'action-completed'; actionId: string; evidence: string }
  /** A remedy or action gets a new due date, with the reason (the resident is to be told it). */
  | { type: 'action-redated'; actionId: string; due: CalendarDate; reason: string }
  /** The resident has taken the complaint to the Housing Ombudsman (or a designated person). */
  | { type: 'ombudsman-referred'; reference: string }
  /**
   * The Ombudsman asks for information by a date; `requestId` names the request (not `id`,
   * which a stored event uses for itself).
   */
  | { type: 'ombudsman-information-requested'; requestId: string; due: CalendarDate }
  | { type: 'ombudsman-information-sent'; requestId: string }
  /** The determination: a finding for each part, and the orders and recommendations to comply with. */
  | { type: 'ombudsman-determined'; findings: OmbudsmanFinding[]; orders: ActionItem[] }
  | { type: 'ombudsman-order-complied'; orderId: string; evidence: string }
  /** Responsibility for the case moves to a member of staff (intake, escalation, reassignment). */
  | { type: 'assigned'; officerId: string }
  /** The handler asks for more time; the handler's manager approves ('extended') or rejects it. */
  | { type: 'extension-requested'; workingDays: number; reason: string; reasonCategory?: ExtensionReasonCategory; complainantAgreed?: boolean }
  | { type: 'extension-rejected' }
  /**
   * Refusing a resident's request to escalate: the handler proposes it with a valid reason
   * (why); the handler's manager approves ('escalation-refused') or rejects it.
   */
  | { type: 'escalation-refusal-proposed' }
  | { type: 'escalation-refused' }
  | { type: 'escalation-refusal-rejected' }
  /** Unacceptable behaviour: the handler proposes restrictions with evidence (why); the AD decides. The complaint goes on. */
  | { type: 'behaviour-proposed' }
  | { type: 'behaviour-decided'; decision: 'restrict' | 'no-action'; restrictions?: string; reviewOn?: CalendarDate }
  /** The resident asks to go to the next stage; they need give no reason (the Code). */
  | { type: 'escalation-requested'; lateAcceptanceReason?: string }
  /** Not accepted under the policy (out of time, legal proceedings...); `why` gives the reason. */
  | { type: 'refused' }
  | { type: 'closed' }
  | { type: 'withdrawn' }
  | { type: 'note' }
  /**
   * The resident's vulnerabilities or reasonable adjustments were recorded (at intake), to be
   * reviewed by `reviewOn` (seed 003: "keep them under review"; adjustments-review.ts).
   */
  | { type: 'adjustments-recorded'; reviewOn: CalendarDate }
  /**
   * A review of them: still needed, changed (`adjustments`: the new text), or no longer needed;
   * `nextReviewOn` is the next review's date (null when no longer needed). `why` says why.
   */
  | { type: 'adjustments-reviewed'; outcome: AdjustmentsReviewOutcome; adjustments?: string; nextReviewOn: CalendarDate | null }
  /**
   * A file attached to the case as correspondence (stored outside the case document). Its
   * SHA-256 is kept here, so the history proves what was attached and a pack can show it is
   * unchanged. `dated` is the correspondence's own date; `on` is when it was attached.
   */
  | {
    type: 'correspondence-attached'; fileId: string; fileName: string; contentType: string; size: number; sha256: string;
    direction: CorrespondenceDirection; dated: CalendarDate; description: string;
  }
  /** A member of staff records that the resident was told of a decision, how and when (`on`). */
  | { type: 'resident-told'; about: TellAbout; method: ContactMethod }
  /**
   * The case's evidence pack was made (for the Ombudsman): it discloses the resident's personal
   * data, so who made it and when is kept like any other action. It changes nothing else.
   */
  | { type: 'evidence-pack-made'; format: 'pdf' | 'html'; parts: number }
  /**
   * A subject access export (`complaints subject-access`) included this case: it gives the
   * resident's personal data out, so who made it, when and in what form is kept. `cases` is how
   * many cases the export held. It changes nothing else.
   */
  | { type: 'subject-access-made'; format: 'json' | 'pdf'; cases: number }
  /**
   * The complainant's personal data on this case was erased (`complaints erase`, erase-complainant.ts):
   * every word typed about them replaced, their files deleted, under `request` (the landlord's
   * request id or note). The one event whose words are never erased. It changes nothing else.
   */
  | { type: 'complainant-erased'; request: string }
  /**
   * A related new complaint from the same resident joined this one at stage 1 instead of
   * starting a second case (seed 003: additional complaints raised during the investigation are
   * incorporated into the stage 1 if related). `receivedOn`: when the new matter came in, and
   * by which `channel`; `why` holds what the resident said; `intakeId`: the intake form it came
   * from (a retried join finds it). It changes nothing else: the stage 1 deadlines stand.
   */
  | { type: 'matter-added'; intakeId: string; receivedOn: CalendarDate; channel: string }
  /**
   * A new issue raised at stage 2 split off as a new complaint (seed 001): `newCaseId` is the
   * new stage 1 case made for it, received on `raisedOn`; `why` holds the new issue.
   */
  | { type: 'split-off'; newCaseId: string; raisedOn: CalendarDate }
  /** The other end of 'split-off', on the new case: split from the case `fromCaseId` (`fromReference`). */
  | { type: 'split-from'; fromCaseId: string; fromReference: string }
);

export type CaseEventType = CaseEvent['type'];

/** An event as stored: the domain event plus the audit fields the app always sets. */
export type StoredEvent = CaseEvent & { id: string; at: string; by: string };

/** Every event type, checked by the compiler: adding a type to CaseEvent without listing it here fails to build. */
const EVENT_TYPE_SET = {
  'adjustments-recorded': true, 'adjustments-reviewed': true,
  'informal-opened': true, received: true, acknowledged: true, extended: true, paused: true, resumed: true,
  'draft-issued': true, 'comments-received': true, responded: true, 'escalation-requested': true, refused: true, closed: true,
  withdrawn: true, note: true, assigned: true, 'extension-requested': true, 'extension-rejected': true,
  'behaviour-proposed': true, 'behaviour-decided': true,
  'escalation-refusal-proposed': true, 'escalation-refused': true, 'escalation-refusal-rejected': true, 'resident-told': true,
  'action-completed': true, 'action-redated': true, 'ombudsman-referred': true, 'ombudsman-information-requested': true,
  'ombudsman-information-sent': true, 'ombudsman-determined': true, 'ombudsman-order-complied': true, 'correspondence-attached': true,
  'evidence-pack-made': true, 'subject-access-made': true, 'complainant-erased': true,
  'matter-added': true, 'split-off': true, 'split-from': true,
} satisfies Record<CaseEventType, true>;

export const CASE_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as CaseEventType[];
