import type Database from 'better-sqlite3';
import type { CaseAccess, CaseAccessKind, CaseAccessLog } from './case-access-log.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

export class SqliteCaseAccessLog implements CaseAccessLog {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async record(entry: CaseAccess): Promise<void> {
    statement(this.db, 'INSERT INTO case_access (case_id, at, by, what) VALUES (?, ?, ?, ?)').run(entry.caseId, entry.at, entry.by, entry.what);
    return Promise.resolve();
  }

  async list(caseId: string): Promise<CaseAccess[]> {
    const rows = statement(this.db, 'SELECT case_id, at, by, what FROM case_access WHERE case_id = ? ORDER BY at DESC, rowid DESC').all(caseId) as Array<{ case_id: string; at: string; by: string; what: CaseAccessKind }>;
    return Promise.resolve(rows.map((r) => ({ caseId: r.case_id, at: r.at, by: r.by, what: r.what })));
  }

  async deleteCase(caseId: string): Promise<number> {
    return Promise.resolve(statement(this.db, 'DELETE FROM case_access WHERE case_id = ?').run(caseId).changes);
  }

  close(): void {
    void this.connection.release();
  }
}
