import { parseCaseRecord, type CaseRecord } from '../domain/case-record';
import { caseSearchText } from '../domain/case-search-text';
import { awaitsDecisionOf, dueSortKey, earliestDue, isDemoCase, isOpenState, runningDeadlines, type RunningDeadline } from './case-record-rules';

/**
 * Store-owned fields kept beside the record in each case document, under `q` so they can
 * never collide with a record field. They are derived here from the record (not taken
 * from the caller) so that the index always agrees with the deadlines it is built from.
 */
export interface CaseQueryFields {
  open: boolean;
  /** Running deadlines of an open case, for the due-deadline query. */
  running: RunningDeadline[];
  /** Earliest running due date; null when none. The selective predicate of that query. */
  dueOn: string | null;
  /** dueOn, or a far-future date, so "soonest due first" puts cases without one last. */
  dueSort: string;
  /**
   * An invented case (`details.demo`), for counting real and demo cases by index. Absent on
   * documents written before the marker existed: those count as real.
   */
  demo: boolean;
  /**
   * An open case that waits for a decision (case-record-rules.ts awaitsDecisionOf). Absent when
   * not known (no stored view covering every event, or a document written before this field):
   * such a case is read as "may be waiting".
   */
  awaits?: boolean;
  /** The text `find` matches the case on (case-search-text.ts). Absent on documents written before it: read as "may match". */
  search?: string;
  /** Random per write: lets a retried write recognise that its lost first attempt landed. */
  writeId: string;
}

export type CaseDocument = Omit<CaseRecord, 'version'> & { q: CaseQueryFields };

/** Properties Cosmos DB adds to every document, and the store's own `q`: not part of the record. */
const NOT_RECORD_FIELDS: ReadonlySet<string> = new Set(['_rid', '_self', '_etag', '_attachments', '_ts', '_lsn', 'q']);

export function toCaseDocument(record: Omit<CaseRecord, 'version'> & { version?: string }, writeId: string): CaseDocument {
  const copy: Omit<CaseRecord, 'version'> & { version?: string } = { ...record };
  delete copy.version; // the ETag is the version; storing a copy would go stale
  const running = runningDeadlines(record);
  const awaits = awaitsDecisionOf(record);
  return {
    ...copy,
    q: { open: isOpenState(record.state), running, dueOn: earliestDue(running), dueSort: dueSortKey(running), demo: isDemoCase(record), ...(awaits === null ? {} : { awaits }), search: caseSearchText(record), writeId },
  };
}

export function writeIdOf(resource: unknown): string | undefined {
  const q = (resource as { q?: { writeId?: unknown } } | undefined)?.q;
  return typeof q?.writeId === 'string' ? q.writeId : undefined;
}

export function fromCaseDocument(resource: object): CaseRecord {
  const etag = (resource as { _etag?: unknown })._etag;
  if (typeof etag !== 'string') throw new Error('Cosmos DB returned a case document without an _etag');
  const fields = Object.entries(resource).filter(([name]) => !NOT_RECORD_FIELDS.has(name));
  return parseCaseRecord({ ...Object.fromEntries(fields), version: etag }, 'A case document in Cosmos DB');
}
