import type Database from 'better-sqlite3';
import { searchTextOf } from '../domain/case-search-text';
import type { SearchTextFill } from './case-store.port';
import { statement } from './sqlite-statements';

/** Rows filled per transaction: short enough that another process opening the file waits well under its busy timeout. */
const BATCH = 1000;

/**
 * Fills the search text (migration 8) of the cases written before it existed. Without it a
 * store from before the upgrade stays as slow to search as before: `find` reads every row
 * without the text as "may match", and a closed case is never written again to get one. Run
 * on every opening; once filled, finding none is one look-up of an empty index (migration 9).
 *
 * The text needs only the reference and the resident's name and address, so the document is
 * parsed, not checked through the schema. A row that cannot be read (damaged by hand) is left
 * without text, as it was: a search still reads it, and fails on it as it would have. Each
 * update is conditional on the version read, so a save between the read and the update wins
 * (it writes the text itself). Returns how many rows were filled, and the ids of those left.
 */
export function fillMissingSearchText(db: Database.Database, batch = BATCH): SearchTextFill {
  const next = statement(db, 'SELECT id, reference, version, doc FROM cases WHERE search IS NULL AND id > ? ORDER BY id LIMIT ?');
  const update = statement(db, 'UPDATE cases SET search = ? WHERE id = ? AND version = ? AND search IS NULL');
  let filled = 0;
  const unreadable: string[] = [];
  let after = '';
  for (;;) {
    const rows = next.all(after, Math.max(1, batch)) as Array<{ id: string; reference: string; version: string; doc: string }>;
    const last = rows.at(-1);
    if (!last) return { filled, unreadable };
    // Worked out before the write lock is taken, and no lock at all when only unreadable rows
    // are left (every opening finds those again).
    const texts: Array<{ row: (typeof rows)[number]; text: string }> = [];
    for (const row of rows) {
      const text = textOfRow(row.reference, row.doc);
      if (text === null) unreadable.push(row.id);
      else texts.push({ row, text });
    }
    if (texts.length > 0) {
      db.transaction(() => {
        for (const { row, text } of texts) filled += update.run(text, row.id, row.version).changes;
      }).immediate();
    }
    after = last.id;
  }
}

function textOfRow(reference: string, doc: string): string | null {
  try {
    const complainant = (JSON.parse(doc) as { details?: { complainant?: { complainantName?: unknown; address?: unknown } } }).details?.complainant;
    if (typeof complainant?.complainantName !== 'string' || typeof complainant.address !== 'string') return null;
    return searchTextOf(reference, complainant.complainantName, complainant.address);
  } catch {
    return null;
  }
}
