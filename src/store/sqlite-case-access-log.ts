import type Database from 'better-sqlite3';
import type { CaseAccess, CaseAccessKind, CaseAccessLog } from './case-access-log.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';
import { StoreError } from './store-errors';

export class SqliteCaseAccessLog implements CaseAccessLog {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async record(entry: CaseAccess): Promise<void> {
    // Written by the save thread, in the batch with the case saves: a card shown to someone who
    // acts on the case is a write on every turn, and its fsync must not stall the event loop.
    const reply = await this.connection.saves.save({ access: { caseId: entry.caseId, at: entry.at, by: entry.by, what: entry.what } });
    if (!reply.ok) throw new StoreError('STORE.UNAVAILABLE', `Could not record who saw case ${entry.caseId}: ${reply.kind === 'error' ? reply.message : 'refused'}`);
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
