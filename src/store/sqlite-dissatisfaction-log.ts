import type Database from 'better-sqlite3';
import type { CalendarDate } from '../domain/calendar-date';
import { dissatisfactionRecordSchema, type DissatisfactionRecord } from '../domain/dissatisfaction';
import type { DissatisfactionLog } from './dissatisfaction-log.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

/** Dissatisfaction not taken as a complaint, in the embedded database: one row each, read by date. */
export class SqliteDissatisfactionLog implements DissatisfactionLog {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async record(entry: DissatisfactionRecord): Promise<{ created: boolean }> {
    const doc = dissatisfactionRecordSchema.parse(entry);
    // A handful a day: written here rather than through the case saves' thread.
    const changes = statement(this.db, 'INSERT INTO dissatisfaction (id, received_on, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(doc.id, doc.receivedOn, JSON.stringify(doc)).changes;
    return Promise.resolve({ created: changes === 1 });
  }

  async receivedBetween(from: CalendarDate, to: CalendarDate): Promise<DissatisfactionRecord[]> {
    const rows = statement(this.db, 'SELECT doc FROM dissatisfaction WHERE received_on >= ? AND received_on <= ? ORDER BY received_on, id').all(from, to) as Array<{ doc: string }>;
    return Promise.resolve(rows.map((r) => dissatisfactionRecordSchema.parse(JSON.parse(r.doc))));
  }

  async deleteReceivedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<number> {
    if (options.dryRun) {
      const row = statement(this.db, 'SELECT COUNT(*) AS n FROM dissatisfaction WHERE received_on < ?').get(date) as { n: number };
      return Promise.resolve(row.n);
    }
    const deleted = statement(this.db, 'DELETE FROM dissatisfaction WHERE received_on < ?').run(date).changes;
    // As for purged cases: move the (secure_delete-zeroed) pages out of the WAL, so the summaries are gone from the file too.
    if (deleted > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return Promise.resolve(deleted);
  }

  close(): void {
    void this.connection.release();
  }
}
