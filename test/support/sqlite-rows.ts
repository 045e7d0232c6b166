import type Database from 'better-sqlite3';

/** What a copied case row is given of its own; every other column is the original's. */
export interface CopiedCaseRow { id: string; reference: string; version: string; doc: string }

/**
 * Puts in the `cases` table a copy of the row `fromId` under a new id, reference and version,
 * with the document given (a damaged one, say '{not json'). Every other column is copied as it
 * is, whichever columns the file's migrations have given the table (read from PRAGMA
 * table_info), so a migration that adds a column does not break the tests that damage a row.
 */
export function insertCopiedCaseRow(db: Database.Database, fromId: string, row: CopiedCaseRow): void {
  const columns = (db.pragma('table_info(cases)') as Array<{ name: string }>).map((c) => c.name);
  const own = new Set<string>(['id', 'reference', 'version', 'doc']);
  const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  const names = columns.map(quoted).join(', ');
  const values = columns.map((c) => (own.has(c) ? `@${c}` : quoted(c))).join(', ');
  db.prepare(`INSERT INTO cases (${names}) SELECT ${values} FROM cases WHERE id = @fromId`).run({ ...row, fromId });
}
