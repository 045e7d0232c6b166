import { z } from 'zod';
import { isCalendarDate, type CalendarDate } from './calendar-date';
import { caseDetailsSchema, type CaseDetails } from './case-details';
import { storedEventSchema } from './case-event-schema';
import type { StoredEvent } from './case-events';
import { CASE_STATES, DEADLINE_KINDS, type CaseState, type CaseView, type Deadline } from './case-state';
import type { ViewSnapshot } from './view-snapshot';

export type { StoredEvent } from './case-events';

/**
 * Everything about one complaint, stored as one document so that a change is one
 * conditional write. `events` is the truth and is append-only; the other fields are
 * derived from it by the domain on every write, and exist so that queries can be served
 * by an index instead of replaying every case. The stores keep and return this type; it is
 * the domain's, and the stores import it (never the other way round).
 */
export interface CaseRecord {
  /** Store id; stable, opaque. */
  id: string;
  /** Human-friendly unique reference, e.g. HC-2026-00042, allocated by the store. */
  reference: string;
  policyId: string;
  /** Complainant, complaint details, routing: the intake data, as captured. */
  details: CaseDetails;
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
  /** Earliest due date among the complaint's running (unmet) deadlines of an open case (not the adjustments review, which is the resident's, not the complaint's); null when none. */
  nextDueOn: CalendarDate | null;
  /**
   * The derived view after the events written with it (view-snapshot.ts), so that reading the
   * case does not replay its whole history; absent on cases written before it existed.
   */
  snapshot?: ViewSnapshot;
  /** Opaque concurrency token (an ETag); changes on every write. */
  version: string;
}

/** What a caller supplies to create a case; the store allocates id, reference and version. */
export type NewCaseRecord = Omit<CaseRecord, 'id' | 'reference' | 'version'> & {
  /** The reference's year, e.g. 2026 for HC-2026-00042. */
  referenceYear: number;
};

const date = z.string().refine(isCalendarDate, { message: 'must be a date as YYYY-MM-DD' });
const deadlineSchema = z.object({
  stage: z.number().int(),
  kind: z.enum(DEADLINE_KINDS),
  id: z.string().optional(),
  owner: z.string().optional(),
  due: date,
  originalDue: date,
  metOn: date.nullable(),
}) satisfies z.ZodType<Deadline>;

const caseRecordSchema = z.looseObject({
  id: z.string(),
  reference: z.string(),
  policyId: z.string(),
  details: caseDetailsSchema,
  events: z.array(storedEventSchema),
  stage: z.number().int(),
  state: z.enum(CASE_STATES),
  responsibleOfficerId: z.string().nullable(),
  estate: z.string().nullable(),
  category: z.string().nullable(),
  serviceArea: z.string().nullable(),
  receivedOn: date.nullable(),
  closedOn: date.nullable(),
  deadlines: z.array(deadlineSchema),
  nextDueOn: date.nullable(),
  // Only its frame is checked here: a view that does not fit its key is never used (view-snapshot.ts).
  snapshot: z.object({
    events: z.number().int().nonnegative(),
    context: z.string(),
    view: z.custom<CaseView>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
  }).optional(),
  version: z.string(),
}) satisfies z.ZodType<CaseRecord>;

/** A stored case that does not have the shape of a case: a damaged or foreign document. */
export class CaseRecordShapeError extends Error {
  constructor(readonly where: string, readonly problems: string[]) {
    super(`${where} is not a valid case: ${problems.slice(0, 5).join('; ')}`);
  }
}

/**
 * Reads a document from a store as a case, checking its shape (never its content: a
 * complaint's words are not logged). `where` names the document in the error.
 */
export function parseCaseRecord(data: unknown, where: string): CaseRecord {
  const parsed = caseRecordSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new CaseRecordShapeError(where, parsed.error.issues.map((i) => `${i.path.join('.') || '(case)'}: ${i.message}`));
}
