import { createHash } from 'node:crypto';
import { StoreError } from './store-errors';
import type { ReminderKey } from './reminder-claim-store.port';

/** Date#toISOString form only: other ISO spellings would not compare correctly as strings. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function assertInstant(name: string, value: string): void {
  if (!CANONICAL_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new StoreError('STORE.INVALID_INPUT', `${name} must be an instant as Date#toISOString gives it (e.g. 2026-03-02T09:00:00.000Z), not "${value}"`);
  }
}

export function assertReminderKey(key: ReminderKey): void {
  if (!key.caseId || !key.kind || !key.point || !Number.isInteger(key.stage)) {
    throw new StoreError('STORE.INVALID_INPUT', `Reminder key needs caseId, integer stage, kind and point: ${JSON.stringify(key)}`);
  }
}

/**
 * A stable id for a key. Hashed because `point` is free text and Cosmos ids may not
 * contain '/', '\\', '?' or '#'; the fields themselves are stored beside it for reading.
 */
export function reminderKeyId(key: ReminderKey): string {
  const canonical = JSON.stringify([key.caseId, key.stage, key.kind, key.point]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ClaimState {
  holder: string;
  leaseUntil: string;
  confirmedAt: string | null;
}

/** Whether an existing claim may be taken over at `nowIso`: unconfirmed and its lease over. */
export function isClaimable(existing: ClaimState, nowIso: string): boolean {
  return existing.confirmedAt === null && existing.leaseUntil < nowIso;
}
