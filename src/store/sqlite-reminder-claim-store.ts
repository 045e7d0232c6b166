import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ReminderClaim, ReminderClaimStore, ReminderKey } from './reminder-claim-store.port';
import { assertInstant, assertReminderKey, isClaimable, reminderKeyId } from './reminder-claim-rules';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

interface ClaimRow { holder: string; lease_until: string; confirmed_at: string | null; version: string }

export class SqliteReminderClaimStore implements ReminderClaimStore {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async claimReminder(key: ReminderKey, holder: string, leaseUntilIso: string, nowIso: string): Promise<boolean> {
    assertReminderKey(key);
    assertInstant('leaseUntil', leaseUntilIso);
    assertInstant('now', nowIso);
    const id = reminderKeyId(key);
    // One IMMEDIATE transaction: check and write happen under the write lock, so exactly
    // one claimant wins even across processes sharing the file.
    const claim = this.db.transaction((): boolean => {
      const row = this.row(id);
      if (!row) {
        statement(this.db, `INSERT INTO reminder_claims (key_id, case_id, stage, kind, point, holder, lease_until, confirmed_at, version)
          VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`).run(id, key.caseId, key.stage, key.kind, key.point, holder, leaseUntilIso, randomUUID());
        return true;
      }
      if (!isClaimable({ holder: row.holder, leaseUntil: row.lease_until, confirmedAt: row.confirmed_at }, nowIso)) return false;
      const { changes } = statement(this.db, 'UPDATE reminder_claims SET holder = ?, lease_until = ?, version = ? WHERE key_id = ? AND version = ?')
        .run(holder, leaseUntilIso, randomUUID(), id, row.version);
      return changes === 1;
    });
    return claim.immediate();
  }

  async confirmReminder(key: ReminderKey, holder: string, confirmedAtIso: string): Promise<boolean> {
    assertReminderKey(key);
    assertInstant('confirmedAt', confirmedAtIso);
    const id = reminderKeyId(key);
    const confirm = this.db.transaction((): boolean => {
      const row = this.row(id);
      if (!row || row.holder !== holder) return false;
      if (row.confirmed_at !== null) return true;
      statement(this.db, 'UPDATE reminder_claims SET confirmed_at = ?, version = ? WHERE key_id = ? AND version = ?')
        .run(confirmedAtIso, randomUUID(), id, row.version);
      return true;
    });
    return confirm.immediate();
  }

  async getReminderClaim(key: ReminderKey): Promise<ReminderClaim | undefined> {
    const row = this.row(reminderKeyId(key));
    return row && { key: { ...key }, holder: row.holder, leaseUntil: row.lease_until, confirmedAt: row.confirmed_at, version: row.version };
  }

  async deleteRemindersForCase(caseId: string): Promise<number> {
    return statement(this.db, 'DELETE FROM reminder_claims WHERE case_id = ?').run(caseId).changes;
  }

  close(): void {
    void this.connection.release();
  }

  private row(id: string): ClaimRow | undefined {
    return statement(this.db, 'SELECT holder, lease_until, confirmed_at, version FROM reminder_claims WHERE key_id = ?').get(id) as ClaimRow | undefined;
  }
}
