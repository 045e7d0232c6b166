/**
 * Who has seen a case's personal data, and when: the resident may ask "who has seen my file",
 * and the landlord, as data controller, must be able to answer. Kept beside the case, not in
 * its history: a view changes nothing, so it must not make anyone's card out of date. Written
 * whenever the complainant's details, a file, a letter or the evidence pack reach a person.
 */
export type CaseAccessKind = 'case-card' | 'history' | 'file' | 'letter' | 'evidence-pack';

export interface CaseAccess {
  caseId: string;
  /** Date#toISOString form. */
  at: string;
  /** A directory id, or admin-cli. */
  by: string;
  what: CaseAccessKind;
}

export interface CaseAccessLog {
  record(entry: CaseAccess): Promise<void>;
  /** A case's accesses, newest first. */
  list(caseId: string): Promise<CaseAccess[]>;
  /** Removes a case's accesses (purge, erasure); returns how many. */
  deleteCase(caseId: string): Promise<number>;
}
