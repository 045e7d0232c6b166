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
  | 'CASE.CLOSED';

export interface CaseRefusal {
  ok: false;
  code: CaseErrorCode;
  message: string;
}

export function refuse(code: CaseErrorCode, message: string): CaseRefusal {
  return { ok: false, code, message };
}
