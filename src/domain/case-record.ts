import type { CalendarDate } from '../domain/calendar-date';
import type { CaseEvent } from '../domain/case-events';
import type { CaseState, Deadline } from '../domain/case-state';

/** A stored event: the domain event plus the audit fields the app always sets. */
export type StoredEvent = CaseEvent & { id: string; at: string; by: string };

/**
 * Everything about one complaint, stored as one document so that a change is one
 * conditional write. `events` is the truth and is append-only; the other fields are
 * derived from it by the domain on every write, and exist so that queries can be served
 * by an index instead of replaying every case.
 */
export interface CaseRecord {
  /** Store id; stable, opaque. */
  id: string;
  /** Human-friendly unique reference, e.g. HC-2026-00042, allocated by the store. */
  reference: string;
  policyId: string;
  /** Complainant, complaint details, routing: the intake data, as captured. */
  details: Record<string, unknown>;
  events: StoredEvent[];
  // ---- derived, for queries ----
  stage: number;
  state: CaseState;
  responsibleOfficerId: string | null;
  estate: string | null;
  category: string | null;
  serviceArea: string | null;
  receivedOn: CalendarDate | null;
  closedOn: CalendarDate | null;
  /** Every deadline the timeline has started, met or not. */
  deadlines: Deadline[];
  /** Earliest due date among running (unmet) deadlines of an open case; null when none. */
  nextDueOn: CalendarDate | null;
  /** Opaque concurrency token (an ETag); changes on every write. */
  version: string;
}

/** What a caller supplies to create a case; the store allocates id, reference and version. */
export type NewCaseRecord = Omit<CaseRecord, 'id' | 'reference' | 'version'> & {
  /** The reference's year, e.g. 2026 for HC-2026-00042. */
  referenceYear: number;
};
