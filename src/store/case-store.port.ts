import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord, NewCaseRecord } from '../domain/case-record';
import type { ComplainantIdentity } from '../domain/complainant-match';

export type SaveResult =
  | { ok: true; record: CaseRecord }
  | { ok: false; code: 'STORE.STALE_VERSION'; message: string; current: CaseRecord | undefined };

/**
 * An erasure's save: as SaveResult; when saved, `oldWordsRemain` says where a copy of the old
 * words may still be outside the case, in words for the administrator (on SQLite, the
 * write-ahead log, when a reader held it through the checkpoint).
 */
export type ErasureSaveResult = Exclude<SaveResult, { ok: true }> | { ok: true; record: CaseRecord; oldWordsRemain?: string };

/** A running (unmet) deadline of an open case, as the reminder sweep sees it. */
export interface DueDeadline {
  caseId: string;
  reference: string;
  responsibleOfficerId: string | null;
  stage: number;
  kind: string;
  /** A follow-up's id (an action, an Ombudsman request or order); null for a stage's own deadline. */
  id: string | null;
  /** Who a follow-up is for (an action's owner, or 'complaints-team'); null: the case's handler. */
  owner: string | null;
  due: CalendarDate;
  /** The case is an invented one (`details.demo`), so the sweep can tell it from a resident's. */
  demo: boolean;
}

/** A case removed (or, in a dry run, to be removed) by purgeClosedBefore. */
export interface PurgedCase { id: string; reference: string }

/** Which cases `countCases` counts: all of them, only demo ones, or only real (non-demo) ones. */
export interface CaseCountFilter {
  /** true: demo cases only (`details.demo`); false: real cases only; absent: every case. */
  demo?: boolean;
}

/** What fillSearchText did. */
export interface SearchTextFill { filled: number; unreadable: string[] }

/** A case created by `createCases`: enough to find it again. */
export interface CreatedCase { id: string; reference: string }

/**
 * What a report reads of a case (`reportCasesReceivedBetween`): the record without its version
 * and without the complainant's personal details, which no figure uses; of the details, only
 * the demo marker, the estate, the tenure, the complaint's category and service area, and who
 * logged it (a member of staff's directory id), which who may see the case depends on
 * (maySeeCaseRead), so that a report names a case without reading it again in full.
 */
export interface ReportCaseDetails {
  demo?: boolean;
  loggedBy: string;
  complainant: { estate: string; tenure?: string };
  complaint: { category: string; serviceArea: string };
}
export type ReportCaseRecord = Omit<CaseRecord, 'details' | 'version'> & { details: ReportCaseDetails };

/** A case's complainant as intake recorded them: what subject access and erasure match a resident on. */
export interface ComplainantEntry { id: string; reference: string; complainant: ComplainantIdentity }

/**
 * The port every part of the app uses to keep cases. Two adapters implement it, the
 * embedded SQLite store and Cosmos DB, and one contract test suite runs against both.
 */
export interface CaseStore {
  /** Allocates a unique reference (unique across processes) and stores the case. */
  createCase(input: NewCaseRecord): Promise<CaseRecord>;
  /**
   * The same, under an id the caller chose (derived from what is being submitted), at most
   * once: if a case with that id exists it is returned as stored (`created: false`) and no
   * reference is used. A retry after a crash, or a second click, ends as the one case.
   */
  createCaseOnce(id: string, input: NewCaseRecord): Promise<{ record: CaseRecord; created: boolean }>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  getCaseByReference(reference: string): Promise<CaseRecord | undefined>;
  /**
   * Writes `next` only if the stored version is still `next.version` (the one read).
   * The stored events must be a prefix of `next.events`: history is append-only, and an
   * attempt to change or drop a past event throws.
   */
  saveCase(next: CaseRecord): Promise<SaveResult>;
  /** Open (not closed, withdrawn or refused) cases of an officer, soonest due first. */
  openCasesByOfficer(officerId: string): Promise<CaseRecord[]>;
  /**
   * Open cases that may be waiting for someone's decision, received first first: every open case
   * whose stored view says one waits (pending-decisions.ts), and any whose stored view does not
   * cover all its events. A superset: the caller asks each decision's own rule. Served by an
   * index, so the help card's "waiting for your decision" does not read every open case.
   */
  openCasesMaybeAwaitingDecision(): Promise<CaseRecord[]>;
  /**
   * Every open (not closed, withdrawn or refused) case, whole, in one list, received first first
   * (a case without a receipt date before any with one), then by reference. Not for the bot: at a
   * landlord with thousands of open cases this holds every one's record at once. Kept as the
   * whole-list reference that openCasesPaged is tested against, and for tests.
   */
  openCases(): Promise<CaseRecord[]>;
  /**
   * The cases openCases gives, whole and in the same order, a page of `pageSize` (default 500)
   * at a time, each page its own query, so that the caller holds one page of records at once:
   * the Teams log and intake's join offer read these and keep only what they need. On SQLite the
   * bot's other work runs between pages.
   */
  openCasesPaged(options?: { pageSize?: number }): AsyncIterable<CaseRecord>;
  /**
   * Cases whose search text (case-search-text.ts caseSearchText: reference, name, address,
   * postcodes) holds every one of `words` (as searchWords gives them), and any case written
   * before the stores kept that text. A superset, in no order: `find` applies its own rule (who
   * may see, and find by what) to what comes back, so a search reads the few cases that match,
   * not every case.
   */
  casesMatchingWords(words: readonly string[]): Promise<CaseRecord[]>;
  /**
   * Writes the search text of every case stored before the stores kept it, so that a search
   * no longer reads those cases whatever was typed: how many it wrote, and the ids of those it
   * could not read (damaged), left as they were. The embedded store does this itself on every
   * opening (sqlite-search-fill.ts), so it finds none left.
   * Cosmos DB rewrites each such document, conditional on its ETag (a case saved meanwhile got
   * its text from that save): the ETag is the case's version, so a card showing one of those
   * cases is out of date afterwards and is shown again as the case now is when pressed.
   */
  fillSearchText(options?: { pageSize?: number }): Promise<SearchTextFill>;
  /** Running deadlines of open cases due on or before `date`, soonest first. */
  deadlinesDueBy(date: CalendarDate): Promise<DueDeadline[]>;
  /**
   * Every case received in the range, whole (personal details included), in one list: by
   * receipt date, then reference. Not for the bot over a landlord's years of cases (seconds and
   * about a gigabyte at 100,000): reports, the dashboard and the Code year read
   * `reportCasesReceivedBetween` a page at a time. Kept as the whole-list reference that those
   * streamed reads are tested against, and for tests and small tools.
   */
  casesReceivedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]>;
  /**
   * The cases casesReceivedBetween gives, in the same order, as reports read them: a page of
   * `pageSize` (default 500) at a time, each page its own query, so a report over a whole store
   * holds one page of documents at once, not every case. The documents' shape is checked only
   * as far as the reports read them (case-report-records.ts), which is what makes it quick.
   */
  reportCasesReceivedBetween(from: CalendarDate, to: CalendarDate, options?: { pageSize?: number }): AsyncIterable<ReportCaseRecord>;
  /**
   * Creates many cases, as createCase would one by one, in as few writes as the store allows
   * (SQLite: one transaction; Cosmos DB: one case after another). For loading (`complaints
   * demo`): on SQLite the batch is all or nothing.
   */
  createCases(inputs: readonly NewCaseRecord[]): Promise<CreatedCase[]>;
  /**
   * How many cases the store holds, optionally only demo or only real ones (a case is a demo
   * case when `details.demo` is true; any other case, including one stored before the marker
   * existed, is real). Served by an index: `complaints demo` asks it before writing.
   */
  countCases(filter?: CaseCountFilter): Promise<number>;
  casesClosedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]>;
  /**
   * Removes whole closed, withdrawn or refused cases closed before `date`, with their reminder claims;
   * returns their ids and references, by reference. References are never reused afterwards.
   */
  purgeClosedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<PurgedCase[]>;
  /**
   * Every case's complainant (name, email, phone, address), by reference, read a page at a time:
   * what `complaints subject-access` and `complaints erase` match a resident on. It reads every
   * case, so it is for those rare requests only, never a card.
   */
  complainants(options?: { pageSize?: number }): AsyncIterable<ComplainantEntry>;
  /**
   * Writes a case whose complainant's personal data was erased (erase-complainant.ts): only if the
   * stored version is still `next.version`, as saveCase; but instead of append-only, every stored
   * event must be kept with its id, type, dates and author, the erasure event added after them,
   * and no indexed field changed (erasure-rules.ts). The old words are not kept anywhere.
   */
  saveErasedCase(next: CaseRecord): Promise<ErasureSaveResult>;
  close(): Promise<void>;
}
