import type { ComplainantFields, ComplaintFields } from '../intake/intake-fields';
import type { CaseRecord } from '../store/case-record';

/**
 * The intake data kept on a case (`details`). Stored as captured so that what the resident
 * said is never rewritten; read back through this type.
 */
export interface CaseDetails {
  intakeId: string;
  complainant: ComplainantFields;
  complaint: ComplaintFields;
  loggedBy: string;
}

export function detailsOf(record: CaseRecord): CaseDetails {
  return record.details as unknown as CaseDetails;
}
