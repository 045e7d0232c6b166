import type Database from 'better-sqlite3';
import type { CaseRecord } from '../domain/case-record';
import { assertAppendOnly, assertSameIdentity, assertStorableCase } from './case-record-rules';
import type { CaseAccess } from './case-access-log.port';
import { caseColumns, copyOf, docBytesOf, fromRow, writeRunningDeadlines, type CaseRow } from './sqlite-case-rows';
import { statement } from './sqlite-statements';
import { isStoreError, type StoreErrorCode } from './store-errors';

/** One saveCase, as the writer gets it: the document already serialised, and its new version chosen. */
export interface SaveRequest {
  id: string;
  /** The version the caller read: the write is conditional on it. */
  expected: string;
  /** The version the case gets if the write succeeds. */
  version: string;
  /** The record as stored (`toDoc`: without its version). */
  doc: string;
  /**
   * The length of the stored document under `expected`, when the saving process has already
   * checked that document through the schema (`checkedLength`). The save thread then reads it
   * without checking it again, and without loading the schema at all (~14 MB in its isolate).
   */
  expectedChecked?: number;
}

/** A row for the case access log, written by the same thread: a card shown is a write too. */
export interface AccessWrite { access: CaseAccess }

export type WriteRequest = SaveRequest | AccessWrite;

export type SaveReply =
  | { ok: true }
  /** The stored version is not the one read (or the case is gone): the row as it is now. */
  | { ok: false; kind: 'stale'; current: CaseRow | null }
  /** This save was refused (history rewrite, invalid input) or failed; the others in its batch were not. */
  | { ok: false; kind: 'error'; code: StoreErrorCode | null; message: string };

/**
 * Commits many saves (and access-log rows) in one IMMEDIATE transaction, so one fsync
 * (synchronous=FULL) carries them all. Each save runs in its own savepoint and is conditional on its own version: a
 * loser (stale, or refused by the rules) is rolled back to its savepoint and answered alone,
 * the others still commit. Nothing is acknowledged before the commit has returned; if the
 * commit itself fails this throws, and no save of the batch may be reported as done.
 */
export function commitSaves(db: Database.Database, requests: readonly WriteRequest[]): SaveReply[] {
  const recordAccess = db.transaction(({ access }: AccessWrite): SaveReply => {
    statement(db, 'INSERT INTO case_access (case_id, at, by, what) VALUES (?, ?, ?, ?)').run(access.caseId, access.at, access.by, access.what);
    return { ok: true };
  });
  // Nested better-sqlite3 transactions are savepoints: a throw undoes only that save.
  const saveOne = db.transaction((request: SaveRequest): SaveReply => {
    const row = statement(db, 'SELECT doc, version FROM cases WHERE id = ?').get(request.id) as CaseRow | undefined;
    // Version first: a stale copy can look like rewritten history, but it is a race.
    if (!row || row.version !== request.expected) return { ok: false, kind: 'stale', current: row ?? null };
    // The append-only and identity checks below run on every save; the schema check of the
    // stored row only when the saver has not already made it on this very document.
    const current = request.expectedChecked === row.doc.length
      ? copyOf(row.version, row.doc)
      : fromRow(row);
    const next = copyOf(request.expected, request.doc);
    assertSameIdentity(current, next);
    assertAppendOnly(current.events, next.events, current.reference);
    // Measured on the document as it will be stored (without the version, kept in its own column).
    assertStorableCase(next, docBytesOf(request.doc));
    const record: CaseRecord = { ...next, version: request.version };
    const { changes } = statement(db, `UPDATE cases SET version = @version, state = @state, is_open = @isOpen, responsible_officer_id = @officer,
      received_on = @receivedOn, closed_on = @closedOn, due_on = @dueOn, due_sort = @dueSort, is_demo = @isDemo, awaits_decision = @awaitsDecision, search = @search, doc = @doc
      WHERE id = @id AND version = @expected`).run({ ...caseColumns(record, request.doc), expected: request.expected });
    // Cannot happen inside the IMMEDIATE transaction; kept as a guard for the invariant.
    if (changes !== 1) throw new Error(`Case ${current.reference}: conditional update touched ${changes} rows`);
    writeRunningDeadlines(db, record);
    return { ok: true };
  });
  const batch = db.transaction((): SaveReply[] => requests.map((request) => {
    try {
      return 'access' in request ? recordAccess(request) : saveOne(request);
    } catch (err) {
      return { ok: false, kind: 'error', code: isStoreError(err) ? err.code : null, message: err instanceof Error ? err.message : String(err) };
    }
  }));
  return batch.immediate();
}
