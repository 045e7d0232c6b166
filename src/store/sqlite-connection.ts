import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteSaveQueue } from './sqlite-save-queue';
import { migrate } from './sqlite-schema';
import { fillMissingSearchText } from './sqlite-search-fill';
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

/** The database file the options name. */
export function sqliteFilePath(options: Pick<SqliteOptions, 'dataDir' | 'fileName'>): string {
  return join(resolve(options.dataDir), options.fileName ?? DEFAULT_SQLITE_FILE);
}

/**
 * One better-sqlite3 handle shared by the stores of a process, closed when the last store
 * using it is closed. Reads and most writes are synchronous and run on the event loop; the
 * stores wrap them in async methods so that callers see the same port as for Cosmos. Case
 * saves, the busiest writes, go to a worker thread with its own handle (`saves`).
 */
export class SqliteConnection {
  private users = 0;
  private closed = false;
  private queue: SqliteSaveQueue | null = null;

  private constructor(readonly db: Database.Database, readonly path: string, private readonly options: SqliteOptions) {}

  /**
   * Opens the file. `'store'` (the stores' own connection) brings it up to the current schema
   * and fills what an upgrade left missing (sqlite-search-fill.ts); `'thread'` is a further
   * connection of this process to a file its stores have already opened (the save thread, a
   * report's readers), which does neither: the migration would take the write lock for nothing,
   * and the fill would parse again every row it could not read.
   */
  static open(options: SqliteOptions, opening: 'store' | 'thread' = 'store'): SqliteConnection {
    const dir = resolve(options.dataDir);
    const path = sqliteFilePath(options);
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
      if (opening === 'store') {
        migrate(db);
        fillMissingSearchText(db);
      }
    } catch (err) {
      db?.close();
      const reason = err instanceof Error ? err.message : String(err);
      throw new StoreError('STORE.UNAVAILABLE', `Could not open the case database at ${path}: ${reason}. Check that the data directory ${dir} exists or can be created, is writable by this process and has space, and that the file is an SQLite database.`, { cause: err });
    }
    return new SqliteConnection(db, path, options);
  }

  /** The writer thread for case saves on this file (sqlite-save-queue.ts), started on first use. */
  get saves(): SqliteSaveQueue {
    if (this.closed) throw new StoreError('STORE.UNAVAILABLE', `The case database at ${this.path} has been closed`);
    this.queue ??= new SqliteSaveQueue(this.options);
    return this.queue;
  }

  /** Registers a store as a user of the handle; pair with release(). */
  acquire(): Database.Database {
    if (this.closed) throw new StoreError('STORE.UNAVAILABLE', `The case database at ${this.path} has been closed`);
    this.users += 1;
    return this.db;
  }

  release(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.users -= 1;
    return this.users <= 0 ? this.close() : Promise.resolve();
  }

  /** Closes the handle at once; the promise settles when the save thread has finished its saves and closed its own. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.db.close();
    return this.queue?.close() ?? Promise.resolve();
  }

  get isOpen(): boolean {
    return !this.closed;
  }
}
