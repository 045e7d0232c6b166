/** A complaint being logged: kept in the store between card steps, so a restart loses nothing. */
export type IntakeStep = 'complainant' | 'complaint' | 'review';
export const INTAKE_STEPS: readonly IntakeStep[] = ['complainant', 'complaint', 'review'];

export interface IntakeDraft {
  intakeId: string;
  /** submitting: claimed by one submit, so a double click cannot create two cases. */
  status: 'open' | 'submitting' | 'submitted' | 'cancelled';
  /** When a submit claimed the form (status submitting): a claim older than SUBMIT_CLAIM_MS was cut short by a crash. */
  claimedAt?: string;
  step: IntakeStep;
  /** Raw values as typed, per step, so Back and errors never lose what was entered. */
  complainant: Record<string, string>;
  complaint: Record<string, string>;
  startedBy: string;
  startedAt: string;
  caseId?: string;
  reference?: string;
  /** Submitted by joining the resident's open stage 1 complaint (`caseId`) instead of as a new case. */
  joined?: boolean;
}

export const draftKey = (intakeId: string): string => `intake/${intakeId}`;

export const COMPLAINANT_FIELDS = [
  'complainantName', 'contactEmail', 'contactPhone', 'preferredContact', 'address', 'estate', 'hasRepresentative',
  'representativeName', 'representativeConsent', 'vulnerabilities', 'adjustments', 'tenure', 'onBehalfRole', 'onBehalfName', 'onBehalfConsent',
] as const;
export const COMPLAINT_FIELDS = [
  'channel', 'receivedOn', 'issueOccurredOn', 'category', 'serviceArea', 'aboutStaff', 'staffRole', 'staffName',
  'description', 'complaintDefinition', 'outcomeSought', 'lateAcceptanceReason', 'refuseReason',
] as const;

/** Anything longer is cut before it is stored; the schema then tells the person the limit. */
const MAX_RAW = 5000;

/** Keeps only a step's known fields, as strings: card data is untrusted and may hold anything. */
export function pickFields(fields: readonly string[], data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = data[f];
    if (typeof v === 'string') out[f] = v.slice(0, MAX_RAW + 1);
    else if (typeof v === 'boolean' || typeof v === 'number') out[f] = String(v);
  }
  return out;
}
