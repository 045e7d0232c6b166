/**
 * Why an event was refused. Codes are stable (cards, the CLI and tests key on them);
 * messages are plain sentences a housing officer can act on.
 */
export type CaseErrorCode =
  | 'CASE.INVALID_DATE'
  | 'CASE.OUT_OF_ORDER'
  | 'CASE.NOT_STARTED'
  | 'CASE.ALREADY_STARTED'
  | 'CASE.NO_INFORMAL_STAGE'
  | 'CASE.NO_SUCH_STAGE'
  | 'CASE.OUT_OF_TIME'
  | 'CASE.NOT_ALLOWED_IN_STATE'
  | 'CASE.ALREADY_ACKNOWLEDGED'
  | 'CASE.NOT_ACKNOWLEDGED'
  | 'CASE.NOTHING_TO_EXTEND'
  | 'CASE.INVALID_EXTENSION'
  | 'CASE.EXTENSION_OVER_CAP'
  | 'CASE.EXTENSION_REASON_REFUSED'
  | 'CASE.PAUSE_NOT_ALLOWED'
  | 'CASE.PAUSED'
  | 'CASE.NOT_PAUSED'
  | 'CASE.NO_DRAFT_STEP'
  | 'CASE.DRAFT_ALREADY_ISSUED'
  | 'CASE.NO_DRAFT_ISSUED'
  | 'CASE.NO_FURTHER_STAGE'
  | 'CASE.ESCALATION_OUT_OF_TIME'
  | 'CASE.ESCALATION_REASON_REQUIRED'
  | 'CASE.REASON_REQUIRED'
  | 'CASE.RESPONSE_INCOMPLETE'
  | 'CASE.NO_PENDING_EXTENSION'
  | 'CASE.EXTENSION_PENDING'
  | 'CASE.NO_PENDING_PROPOSAL'
  | 'CASE.ESCALATION_REFUSED'
  | 'CASE.CLOSED'
  | 'CASE.CONSENT_REQUIRED'
  | 'CASE.AGREEMENT_REQUIRED'
  | 'CASE.PREVIOUS_STAGE_HANDLER'
  | 'CASE.NO_OFFICER'
  | 'CASE.NOT_PERMITTED'
  | 'CASE.INVALID_INPUT'
  | 'CASE.RESIDENT_NOT_TOLD'
  | 'CASE.NOTHING_TO_TELL'
  | 'CASE.NO_SUCH_ITEM'
  | 'CASE.ALREADY_DONE';

export interface CaseRefusal {
  ok: false;
  code: CaseErrorCode;
  message: string;
  /** The input the person should correct, where the refusal is about one (a form shows it there). */
  field?: string;
}

export function refuse(code: CaseErrorCode, message: string): CaseRefusal {
  return { ok: false, code, message };
}
