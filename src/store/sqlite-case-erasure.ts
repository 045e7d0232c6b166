import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../domain/case-record';
import { assertStorableCase } from './case-record-rules';
import type { ComplainantEntry, ErasureSaveResult, SaveResult } from './case-store.port';
import { assertErasureRewrite } from './erasure-rules';
import { caseColumns, fromRow, toDoc, type CaseRow } from './sqlite-case-rows';
import { statement } from './sqlite-statements';

/**
 * Erasure on the embedded store (saveErasedCase): one IMMEDIATE transaction on the caller's
 * connection, conditional on the version read, like every save. Erasure changes no indexed
 * column but the search text (asserted: the row's other columns must come out the same), so only
 * the document, the search text and the version are written, and the running-deadline rows stay.
 * With secure_delete on, the old document's pages are zeroed; the checkpoint then moves the new
 * pages out of the write-ahead log and empties it, so no copy of the old words is left in the
 * WAL either. A reader (the running bot mid-read) can keep the checkpoint from completing: then
 * the result says the old words are still in the WAL (oldWordsRemain).
 */
export function saveErasedCase(db: Database.Database, next: CaseRecord): ErasureSaveResult {
  const write = db.transaction((): SaveResult => {
    const row = statement(db, 'SELECT doc, version FROM cases WHERE id = ?').get(next.id) as CaseRow | undefined;
    const current = row && fromRow(row);
    if (!current || current.version !== next.version) {
      return {
        ok: false, code: 'STORE.STALE_VERSION', current,
        message: current ? `Case ${current.reference} was changed by someone else; nothing was erased` : `Case ${next.reference} no longer exists`,
      };
    }
    assertErasureRewrite(current, next);
    assertStorableCase(next);
    const record: CaseRecord = { ...next, version: randomUUID() };
    const doc = toDoc(record);
    const before = caseColumns(current);
    const after = caseColumns(record, doc);
    // The search text holds the name and address, so it changes with them; nothing else may.
    for (const column of Object.keys(after)) {
      if (column !== 'doc' && column !== 'version' && column !== 'search' && before[column] !== after[column]) throw new Error(`Case ${current.reference}: an erasure would change the indexed column ${column}`);
    }
    const { changes } = statement(db, 'UPDATE cases SET version = @version, search = @search, doc = @doc WHERE id = @id AND version = @expected')
      .run({ id: record.id, version: record.version, search: after.search, doc, expected: next.version });
    if (changes !== 1) throw new Error(`Case ${current.reference}: conditional update touched ${changes} rows`);
    return { ok: true, record: fromRow({ doc, version: record.version }) };
  });
  const result = write.immediate();
  if (!result.ok || checkpointWal(db)) return result;
  return { ...result, oldWordsRemain: WAL_NOT_EMPTIED };
}

const WAL_NOT_EMPTIED = 'the old words are still in the database\'s write-ahead log file (complaints.sqlite-wal), because another connection '
  + '(the running bot) was reading through it; they stay there until the next checkpoint that completes (the next erase or purge when no one is reading, '
  + 'or when the bot is stopped, as the last connection to close empties the log)';

/** How many times the checkpoint is tried, and how long each waits for readers: a few brief tries, not the busy timeout each. */
const CHECKPOINT_TRIES = 4;
const CHECKPOINT_WAIT_MS = 250;

/**
 * Moves every page out of the write-ahead log into the main file and truncates the log
 * (TRUNCATE), whether it completed (SQLite reports busy when a reader still used the log). Never
 * throws: the erasure is already committed, so a checkpoint error must not read as a failed erasure.
 */
function checkpointWal(db: Database.Database): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma(`busy_timeout = ${CHECKPOINT_WAIT_MS}`);
    for (let attempt = 0; attempt < CHECKPOINT_TRIES; attempt += 1) {
      const [status] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (status?.busy === 0) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/** Every case's complainant, by reference, a page (one short read) at a time. */
export function* complainantPages(db: Database.Database, pageSize: number): Generator<ComplainantEntry[]> {
  const page = statement(db, `SELECT id, reference, json_extract(doc, '$.details.complainant.complainantName') AS name,
    json_extract(doc, '$.details.complainant.contactEmail') AS email, json_extract(doc, '$.details.complainant.contactPhone') AS phone,
    json_extract(doc, '$.details.complainant.address') AS address FROM cases WHERE reference > ? ORDER BY reference LIMIT ?`);
  let after = '';
  for (;;) {
    const rows = page.all(after, pageSize) as Array<{ id: string; reference: string; name: unknown; email: unknown; phone: unknown; address: unknown }>;
    yield rows.map((r) => ({ id: r.id, reference: r.reference, complainant: { complainantName: text(r.name), contactEmail: text(r.email), contactPhone: text(r.phone), address: text(r.address) } }));
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.reference;
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
