import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { KeyValueCondition, KeyValueEntry, KeyValuePutResult, KeyValueStore } from './key-value-store.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

export class SqliteKeyValueStore implements KeyValueStore {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async get(key: string): Promise<KeyValueEntry | undefined> {
    const row = statement(this.db, 'SELECT value, etag FROM key_values WHERE key = ?').get(key) as { value: string; etag: string } | undefined;
    return row && { value: JSON.parse(row.value) as unknown, etag: row.etag };
  }

  async put(key: string, value: unknown, condition?: KeyValueCondition): Promise<KeyValuePutResult> {
    // lib.d.ts types JSON.stringify as string; it returns undefined for undefined, a function or a symbol.
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError(`Value for key "${key}" is not JSON-serialisable`);
    const put = this.db.transaction((): KeyValuePutResult => {
      const current = statement(this.db, 'SELECT etag FROM key_values WHERE key = ?').get(key) as { etag: string } | undefined;
      const allowed = !condition
        || ('ifMatch' in condition ? current?.etag === condition.ifMatch : current === undefined);
      if (!allowed) return { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: current?.etag };
      const etag = randomUUID();
      statement(this.db, 'INSERT INTO key_values (key, value, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag')
        .run(key, json, etag);
      return { ok: true, etag };
    });
    return put.immediate();
  }

  async delete(key: string): Promise<void> {
    statement(this.db, 'DELETE FROM key_values WHERE key = ?').run(key);
  }

  close(): void {
    void this.connection.release();
  }
}
