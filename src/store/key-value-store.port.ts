/**
 * A small key/value store with ETags, used for the intake forms in progress
 * (`intake/<intakeId>`, src/intake/intake-flow.ts) and the once-only welcome
 * (`welcomed/<conversationId>`, src/bot/complaints-bot.ts). Values are JSON; keys are any
 * string (they contain '/' and can be long; adapters map them to safe ids).
 */
export interface KeyValueEntry {
  value: unknown;
  /** Opaque; changes on every write. */
  etag: string;
}

/**
 * When a put may happen. Omitted: always (last write wins). `ifMatch`: only when the
 * stored ETag is this one (a missing entry does not match). `ifAbsent`: only when there
 * is no entry yet.
 */
export type KeyValueCondition = { ifMatch: string } | { ifAbsent: true };

export type KeyValuePutResult =
  | { ok: true; etag: string }
  | { ok: false; code: 'STORE.ETAG_MISMATCH'; currentEtag: string | undefined };

/**
 * `expiresAt`: the entry is gone after this moment (an intake form untouched for 30 days): get
 * no longer returns it, and it is removed (Cosmos DB's time-to-live; deleteExpired on SQLite).
 */
export interface KeyValuePutOptions { expiresAt?: Date }

export interface KeyValueStore {
  get(key: string): Promise<KeyValueEntry | undefined>;
  put(key: string, value: unknown, condition?: KeyValueCondition, options?: KeyValuePutOptions): Promise<KeyValuePutResult>;
  /** Removes entries whose time is up; returns how many. (Cosmos DB removes them itself.) */
  deleteExpired(now: Date): Promise<number>;
  /** Removes the entry; no error when absent. */
  delete(key: string): Promise<void>;
}
