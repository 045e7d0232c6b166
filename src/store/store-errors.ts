/**
 * Errors the stores throw. Every one carries a stable `code` so that callers (cards, the
 * CLI, health checks) can branch on it without parsing messages, and a message written
 * for the person who has to fix the problem.
 */
export type StoreErrorCode =
  /** A save tried to change or drop an event already stored: history is append-only. */
  | 'STORE.HISTORY_REWRITE'
  /** The caller passed something the store cannot keep (bad date, bad year, changed id). */
  | 'STORE.INVALID_INPUT'
  /** The database could not be reached, or kept failing after the allowed retries. */
  | 'STORE.UNAVAILABLE'
  /** The database refused the credentials (wrong key, missing role). */
  | 'STORE.AUTH'
  /** The database kept throttling (429) beyond the configured retry limits. */
  | 'STORE.THROTTLED'
  /** Too many writers raced for the same counter; nothing was written. */
  | 'STORE.CONTENTION'
  /** The database or a container is missing and the store was told not to create it. */
  | 'STORE.NOT_PROVISIONED';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}
