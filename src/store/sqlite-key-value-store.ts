import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { KeyValueCondition, KeyValueEntry, KeyValuePutOptions, KeyValuePutResult, KeyValueStore } from './key-value-store.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

export class SqliteKeyValueStore implements KeyValueStore {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async get(key: string): Promise<KeyValueEntry | undefined> {
    const row = statement(this.db, 'SELECT value, etag FROM key_values WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').get(key, new Date().toISOString()) as { value: string; etag: string } | undefined;
    return row && { value: JSON.parse(row.value) as unknown, etag: row.etag };
  }

  async deleteExpired(now: Date): Promise<number> {
    return statement(this.db, 'DELETE FROM key_values WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now.toISOString()).changes;
  }

  async put(key: string, value: unknown, condition?: KeyValueCondition, options: KeyValuePutOptions = {}): Promise<KeyValuePutResult> {
    // lib.d.ts types JSON.stringify as string; it returns undefined for undefined, a function or a symbol.
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError(`Value for key "${key}" is not JSON-serialisable`);
    const put = this.db.transaction((): KeyValuePutResult => {
      // An entry whose time is up counts as absent, as get says.
      const current = statement(this.db, 'SELECT etag FROM key_values WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').get(key, new Date().toISOString()) as { etag: string } | undefined;
      const allowed = !condition
        || ('ifMatch' in condition ? current?.etag === condition.ifMatch : current === undefined);
      if (!allowed) return { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: current?.etag };
      const etag = randomUUID();
      statement(this.db, 'INSERT INTO key_values (key, value, etag, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at')
        .run(key, json, etag, options.expiresAt?.toISOString() ?? null);
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
