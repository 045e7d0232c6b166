import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './sqlite-schema';
import { StoreError } from './store-errors';

export interface SqliteOptions {
  /** Directory for the database file; created on first use. */
  dataDir: string;
  /** File name inside dataDir. Default complaints.sqlite. */
  fileName?: string;
  /**
   * How long a write waits for another process holding the write lock before failing.
   * better-sqlite3 is synchronous, so this blocks the event loop for that long at worst.
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_SQLITE_FILE = 'complaints.sqlite';

/**
 * One better-sqlite3 handle shared by the stores of a process, closed when the last store
 * using it is closed. All SQLite work is synchronous and runs on the event loop; the
 * stores wrap it in async methods so that callers see the same port as for Cosmos.
 */
export class SqliteConnection {
  private users = 0;
  private closed = false;

  private constructor(readonly db: Database.Database, readonly path: string) {}

  static open(options: SqliteOptions): SqliteConnection {
    const dir = resolve(options.dataDir);
    const path = join(dir, options.fileName ?? DEFAULT_SQLITE_FILE);
    let db: Database.Database | undefined;
    try {
      mkdirSync(dir, { recursive: true });
      db = new Database(path);
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      // WAL: readers never block the writer, and a killed process leaves the file consistent.
      db.pragma('journal_mode = WAL');
      // FULL syncs the WAL on every commit: a committed complaint survives a power cut too.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Purged cases hold personal data: overwrite freed pages instead of leaving it on disk.
      db.pragma('secure_delete = ON');
      migrate(db);
    } catch (err) {
      db?.close();
      const reason = err instanceof Error ? err.message : String(err);
      throw new StoreError('STORE.UNAVAILABLE', `Could not open the case database at ${path}: ${reason}. Check that the data directory exists or can be created, is writable by this process, and that the file is an SQLite database.`, { cause: err });
    }
    return new SqliteConnection(db, path);
  }

  /** Registers a store as a user of the handle; pair with release(). */
  acquire(): Database.Database {
    if (this.closed) throw new StoreError('STORE.UNAVAILABLE', `The case database at ${this.path} has been closed`);
    this.users += 1;
    return this.db;
  }

  release(): void {
    if (this.closed) return;
    this.users -= 1;
    if (this.users <= 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }
}
