import type Database from 'better-sqlite3';
import { parseCaseRecord, type CaseRecord } from '../domain/case-record';
import { dueSortKey, earliestDue, isDemoCase, isOpenState, runningDeadlines } from './case-record-rules';
import { statement } from './sqlite-statements';

/** A case row as read: the document and the version, which lives in its own column. */
export interface CaseRow { doc: string; version: string }

/** The document as stored: the record without its version, which lives in its own column. */
export function toDoc(record: CaseRecord): string {
  const doc: Omit<CaseRecord, 'version'> & { version?: string } = { ...record };
  delete doc.version;
  return JSON.stringify(doc);
}

export function fromRow(row: CaseRow): CaseRecord {
  const doc: unknown = JSON.parse(row.doc);
  return parseCaseRecord(typeof doc === 'object' ? { ...doc, version: row.version } : doc, 'A case row in the embedded database');
}

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
    doc,
  };
}

/** Rewrites the case's rows in the due-deadline index; inside the caller's transaction. */
export function writeRunningDeadlines(db: Database.Database, record: CaseRecord): void {
  statement(db, 'DELETE FROM running_deadlines WHERE case_id = ?').run(record.id);
  const insert = statement(db, 'INSERT INTO running_deadlines (case_id, stage, kind, item_id, owner, due) VALUES (?, ?, ?, ?, ?, ?)');
  for (const d of runningDeadlines(record)) insert.run(record.id, d.stage, d.kind, d.id, d.owner, d.due);
}
