import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../domain/case-record';
import { assertStorableCase } from './case-record-rules';
import type { ComplainantEntry, SaveResult } from './case-store.port';
import { assertErasureRewrite } from './erasure-rules';
import { caseColumns, fromRow, toDoc, type CaseRow } from './sqlite-case-rows';
import { statement } from './sqlite-statements';

/**
 * Erasure on the embedded store (saveErasedCase): one IMMEDIATE transaction on the caller's
 * connection, conditional on the version read, like every save. Erasure changes no indexed
 * column (asserted: the row's columns other than the document and version must come out the
 * same), so only the document and the version are written, and the running-deadline rows stay.
 * With secure_delete on, the old document's pages are zeroed; the checkpoint then moves the new
 * pages out of the write-ahead log, so no copy of the old words is left in the WAL either.
 */
export function saveErasedCase(db: Database.Database, next: CaseRecord): SaveResult {
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
    for (const column of Object.keys(after)) {
      if (column !== 'doc' && column !== 'version' && before[column] !== after[column]) throw new Error(`Case ${current.reference}: an erasure would change the indexed column ${column}`);
    }
    const { changes } = statement(db, 'UPDATE cases SET version = @version, doc = @doc WHERE id = @id AND version = @expected')
      .run({ id: record.id, version: record.version, doc, expected: next.version });
    if (changes !== 1) throw new Error(`Case ${current.reference}: conditional update touched ${changes} rows`);
    return { ok: true, record: fromRow({ doc, version: record.version }) };
  });
  const result = write.immediate();
  if (result.ok) db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
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
