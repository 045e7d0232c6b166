import type Database from 'better-sqlite3';
import type { CaseRecord } from '../domain/case-record';
import { caseSearchText } from '../domain/case-search-text';
import { awaitsDecisionOf, dueSortKey, earliestDue, isDemoCase, isOpenState, runningDeadlines } from './case-record-rules';
import { statement } from './sqlite-statements';

/** A case row as read: the document and the version, which lives in its own column. */
export interface CaseRow { doc: string; version: string }

/** The document as stored: the record without its version, which lives in its own column. */
export function toDoc(record: CaseRecord): string {
  const doc: Omit<CaseRecord, 'version'> & { version?: string } = { ...record };
  delete doc.version;
  return JSON.stringify(doc);
}

/**
 * Rows known to be good, by version: read through the schema, or written by this process from a
 * domain record (`rememberWritten`). Each is kept as JSON with the length of its document. A
 * version is a random token written once with its document, so the same version is the same
 * document, and the check need not run again: reading the case again is then one JSON.parse.
 * The schema's checks (every date of every event a real day) were most of the cost of a card
 * and of the help card's list of cases. One version per case is kept (a case's older versions
 * are not read again), bounded by the characters held.
 */
const checked = new Map<string, { caseId: string; docLength: number; docBytes: number; json: string }>();
const versionOfCase = new Map<string, string>();
let checkedChars = 0;
const CHECKED_MAX_CHARS = 4 * 1024 * 1024;

export function fromRow(row: CaseRow): CaseRecord {
  const known = checked.get(row.version);
  if (known?.docLength === row.doc.length) return copyOf(row.version, known.json);
  const doc: unknown = JSON.parse(row.doc);
  // The schema (zod and the domain's schemas, ~14 MB) is loaded on the first row checked: the
  // save thread, which imports this module too, mostly needs none of it (sqlite-case-saves.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when used, see above
  const { parseCaseRecord } = require('../domain/case-record') as typeof import('../domain/case-record');
  const record = parseCaseRecord(typeof doc === 'object' ? { ...doc, version: row.version } : doc, 'A case row in the embedded database');
  remember(record.id, row.version, row.doc, toDoc(record));
  return record;
}

/** The size of a stored document in bytes, as SQLite's octet_length gives it. */
export const docBytesOf = (doc: string): number => Buffer.byteLength(doc, 'utf8');

/**
 * The case stored under `version` with a document of `docBytes` bytes (SQLite's octet_length),
 * if it is known, as the caller's own copy; else undefined. A reader asks this with the row's
 * version and size before reading its document: reading the document only to find it known was
 * most of the memory a card submit allocated.
 */
export function knownCase(version: string, docBytes: number): CaseRecord | undefined {
  const known = checked.get(version);
  return known?.docBytes === docBytes ? copyOf(version, known.json) : undefined;
}

/** A stored document under its version, as a record of the caller's own, without the schema's check. */
export function copyOf(version: string, json: string): CaseRecord {
  return { ...(JSON.parse(json) as Omit<CaseRecord, 'version'>), version };
}

/**
 * A document this process has just written (`toDoc` of a record the domain made, its type
 * checked by the compiler) is known good without the schema: reading it back through the schema
 * was a seventh of a card submit's CPU. The save thread still checks what matters for a write
 * (identity, append-only history, size) on every save.
 */
export function rememberWritten(caseId: string, version: string, doc: string): void {
  remember(caseId, version, doc, doc);
}

/**
 * The length of the document stored under `version` if this process has checked it through
 * the schema (and still remembers it), else undefined. A version is written once with its
 * document, so a row with this version and this length is that checked document (as `fromRow`
 * itself assumes).
 */
export function checkedLength(version: string): number | undefined {
  return checked.get(version)?.docLength;
}

function forget(version: string): void {
  const entry = checked.get(version);
  if (!entry) return;
  checked.delete(version);
  checkedChars -= entry.json.length;
  if (versionOfCase.get(entry.caseId) === version) versionOfCase.delete(entry.caseId);
}

function remember(caseId: string, version: string, doc: string, json: string): void {
  if (json.length > CHECKED_MAX_CHARS / 8) return;
  forget(version);
  const previous = versionOfCase.get(caseId);
  if (previous !== undefined) forget(previous);
  checked.set(version, { caseId, docLength: doc.length, docBytes: docBytesOf(doc), json });
  versionOfCase.set(caseId, version);
  checkedChars += json.length;
  // The oldest first: a Map iterates in insertion order.
  for (const version of checked.keys()) {
    if (checkedChars <= CHECKED_MAX_CHARS) break;
    forget(version);
  }
}

/** How a new case row is written, from caseColumns. */
export const INSERT_CASE = `INSERT INTO cases (id, reference, version, state, is_open, responsible_officer_id, received_on, closed_on, due_on, due_sort, is_demo, awaits_decision, search, doc)
  VALUES (@id, @reference, @version, @state, @isOpen, @officer, @receivedOn, @closedOn, @dueOn, @dueSort, @isDemo, @awaitsDecision, @search, @doc)`;

/** The indexed columns of a case row, derived from the record on every write. */
export function caseColumns(record: CaseRecord, doc: string = toDoc(record)): Record<string, string | number | null> {
  const running = runningDeadlines(record);
  return {
    id: record.id,
    reference: record.reference,
    version: record.version,
    state: record.state,
    isOpen: isOpenState(record.state) ? 1 : 0,
    officer: record.responsibleOfficerId,
    receivedOn: record.receivedOn,
    closedOn: record.closedOn,
    dueOn: earliestDue(running),
    dueSort: dueSortKey(running),
    isDemo: isDemoCase(record) ? 1 : 0,
    awaitsDecision: ((a) => (a === null ? null : a ? 1 : 0))(awaitsDecisionOf(record)),
    search: caseSearchText(record),
    doc,
  };
}

/** Rewrites the case's rows in the due-deadline index; inside the caller's transaction. */
export function writeRunningDeadlines(db: Database.Database, record: CaseRecord): void {
  statement(db, 'DELETE FROM running_deadlines WHERE case_id = ?').run(record.id);
  const insert = statement(db, 'INSERT INTO running_deadlines (case_id, stage, kind, item_id, owner, due) VALUES (?, ?, ?, ?, ?, ?)');
  for (const d of runningDeadlines(record)) insert.run(record.id, d.stage, d.kind, d.id, d.owner, d.due);
}
