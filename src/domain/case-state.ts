import type { CalendarDate } from './calendar-date';
import type { ActionItem, AdjustmentsReviewOutcome, CaseEvent, ExtensionReasonCategory, OmbudsmanFinding, ResponseOutcome, TellAbout } from './case-events';

/** Where a case stands, derived from its events. */
export type CaseState =
  | 'informal'                  // stage 0: local staff trying to resolve it
  | 'awaiting-acknowledgement'  // received at a stage whose policy asks for an acknowledgement
  | 'investigating'             // acknowledged (or the stage needs none), response not yet sent
  | 'paused'                    // clock stopped, e.g. for mediation
  | 'responded'                 // response sent; the resident may escalate within the window
  | 'closed'
  | 'withdrawn'
  | 'refused';                  // not accepted as a complaint, with the reason recorded

export const CASE_STATES: readonly CaseState[] = [
  'informal', 'awaiting-acknowledgement', 'investigating', 'paused', 'responded', 'closed', 'withdrawn', 'refused',
];

/**
 * acknowledge / respond: the landlord's duties at each stage.
 * resolve: the informal stage's target. draft, comment-window, final-decision: the
 * draft-response steps of seed 004 (comment-window is the resident's time to comment).
 * tell-resident: a decision the resident must still be told of (an approved extension, a
 * refused escalation, restrictions), running until a member of staff records telling them.
 * adjustments-review: the next review of the resident's vulnerabilities and adjustments
 * (adjustments-review.ts), the responsible officer's, while the case is open.
 */
export type DeadlineKind = 'resolve' | 'acknowledge' | 'respond' | 'draft' | 'comment-window' | 'final-decision' | 'tell-resident'
  | 'action' | 'ombudsman-information' | 'ombudsman-order' | 'adjustments-review';

/**
 * Follow-up deadlines: a remedy promised in a response, an Ombudsman request or order. Each
 * has its own id and date, and runs on after the case is closed, until it is done.
 */
export const FOLLOW_UP_KINDS: readonly DeadlineKind[] = ['action', 'ombudsman-information', 'ombudsman-order'];

/**
 * A deadline of the complaint itself: every kind but the review of the resident's adjustments,
 * which is the resident's, kept beside the case (its own card row, not the case's next due
 * date, not stopped by a pause).
 */
export function isComplaintDeadline(d: { kind: string }): boolean {
  return d.kind !== 'adjustments-review';
}

/** A deadline counts as running (reminders, the due index) while unmet and the case is open, or, for a follow-up, whatever the case's state. */
export function isRunningDeadline(d: Pick<Deadline, 'kind' | 'metOn'>, caseOpen: boolean): boolean {
  return d.metOn === null && (caseOpen || FOLLOW_UP_KINDS.includes(d.kind));
}

/** Every deadline kind, checked by the compiler against DeadlineKind (the stored-case schema reads it). */
export const DEADLINE_KINDS = Object.keys({
  resolve: true, acknowledge: true, respond: true, draft: true, 'comment-window': true, 'final-decision': true, 'tell-resident': true,
  action: true, 'ombudsman-information': true, 'ombudsman-order': true, 'adjustments-review': true,
} satisfies Record<DeadlineKind, true>) as DeadlineKind[];

export interface Deadline {
  stage: number;
  kind: DeadlineKind;
  /** A follow-up's id (the action, request or order it tracks); absent for the stage's own deadlines. */
  id?: string;
  /**
   * Who a follow-up is for: the action's or order's owner (a directory id), or 'complaints-team'
   * for the Ombudsman's requests for information. Absent: the case's handler.
   */
  owner?: string;
  /** The due date now, after any extensions and pauses. */
  due: CalendarDate;
  /** The due date when the deadline started, before extensions and pauses. */
  originalDue: CalendarDate;
  /** The date it was met, or null while it is running (or was never met). */
  metOn: CalendarDate | null;
}

/** The derived view of a case: what every card, reminder and report reads. */
export interface CaseView {
  stage: number;
  state: CaseState;
  deadlines: Deadline[];
  /** Working days of extension used at each stage (index = stage). */
  extensionDaysUsed: Record<number, number>;
  /** Date the current pause started, when paused. */
  pausedSince: CalendarDate | null;
  /** Date each stage was received (index = stage). */
  receivedOn: Record<number, CalendarDate>;
  /** Date of the latest response, and its outcome. */
  lastResponse: { stage: number; on: CalendarDate; outcome: ResponseOutcome } | null;
  /** Last day the resident can ask to escalate without a late-acceptance reason, if the policy sets one. */
  escalationWindowCloses: CalendarDate | null;
  closedOn: CalendarDate | null;
  /** Date each stage was acknowledged (index = stage). */
  acknowledgedOn: Record<number, CalendarDate>;
  /** The state to return to when a pause ends. */
  stateBeforePause: CaseState | null;
  /** Date of the latest event: events must come in date order. */
  lastEventOn: CalendarDate;
  /**
   * Directory id of the member of staff responsible now (the latest 'assigned'). A new stage
   * starts with nobody until it is assigned.
   */
  assignedTo: string | null;
  /** Everyone assigned at each stage (index = stage): a later stage may not go back to them. */
  handlersByStage: Record<number, string[]>;
  /** An extension waiting for the manager's decision. */
  pendingExtension: {
    workingDays: number; reason: string; reasonCategory: ExtensionReasonCategory | null; complainantAgreed: boolean;
    requestedBy: string | null; on: CalendarDate;
  } | null;
  /** A proposal of unacceptable behaviour waiting for the AD's decision. */
  behaviourProposedOn: CalendarDate | null;
  /** A proposal to refuse the resident's escalation, waiting for the manager. */
  escalationRefusalProposedOn: CalendarDate | null;
  /** The date an escalation refusal was approved, if it was (the resident may then go to the Ombudsman). */
  escalationRefusedOn: CalendarDate | null;
  /** Decisions the resident has still to be told of, oldest first; nobody has recorded telling them. */
  toTell: Array<{ about: TellAbout; since: CalendarDate }>;
  /** Remedies and actions promised in responses, and Ombudsman orders, by id; their dates are deadlines (kind action / ombudsman-order). */
  items: Record<string, TrackedItem>;
  /** The correspondence attached to the case, oldest first (the files themselves are stored apart). */
  correspondence: Array<Extract<CaseEvent, { type: 'correspondence-attached' }>>;
  /** The resident's vulnerabilities and adjustments under review; null when none were recorded on the case. */
  adjustments: AdjustmentsUnderReview | null;
  /** The Ombudsman stage, once the resident has gone to the Ombudsman. */
  ombudsman: { reference: string; referredOn: CalendarDate; determinedOn: CalendarDate | null; findings: OmbudsmanFinding[] } | null;
}

/**
 * Seed 003: reasonable adjustments and disabilities disclosed are recorded "and kept under
 * review". Intake's words stay in the case's details; a review that changes the adjustments
 * keeps the new words here.
 */
export interface AdjustmentsUnderReview {
  /** The adjustments as the latest review changed them; null: as intake recorded them. */
  text: string | null;
  /** False once a review found them no longer needed (a later review may restore them). */
  needed: boolean;
  /** When they are next to be reviewed (the running adjustments-review deadline); null: no review due. */
  reviewOn: CalendarDate | null;
  /** The latest review: when, who, what it found, and why. */
  lastReview: { on: CalendarDate; by: string | null; outcome: AdjustmentsReviewOutcome; why: string } | null;
}

/** A remedy, action or order being followed to completion. */
export interface TrackedItem extends ActionItem {
  /** A response's remedy or action, or an Ombudsman order or recommendation. */
  source: 'response' | 'ombudsman-order';
  /** The stage whose response promised it (for an order, the stage the case was at). */
  stage: number;
  promisedOn: CalendarDate;
  doneOn: CalendarDate | null;
  evidence: string | null;
}

/** Closed and withdrawn cases take no more actions, only notes. */
export function isTerminal(state: CaseState): boolean {
  return state === 'closed' || state === 'withdrawn' || state === 'refused';
}
