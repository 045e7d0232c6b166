/**
 * Reminder claims: how several bot instances (or a bot and a CLI sweep) agree that exactly
 * one of them sends a given reminder. A claimant takes a lease on a key, sends, then
 * confirms. If it dies between claim and confirm, the lease runs out and another claimant
 * may take the key over; a confirmed key is never claimed again.
 *
 * All instants are ISO strings in the form Date#toISOString gives
 * (2026-03-02T09:00:00.000Z), so that they compare correctly as strings in both adapters;
 * anything else is rejected. The store has no clock: callers pass `now`.
 */
export interface ReminderKey {
  caseId: string;
  stage: number;
  /** The deadline's kind, e.g. 'respond'. */
  kind: string;
  /**
   * Which reminder for that deadline, e.g. '2026-03-02:due-minus-2'. Put the due date in it
   * if an extension should re-arm the reminders of a deadline.
   */
  point: string;
}

export interface ReminderClaim {
  key: ReminderKey;
  /** Who holds (or last held) the claim. Must be unique per claimant, e.g. host + random. */
  holder: string;
  leaseUntil: string;
  /** When the holder confirmed the reminder as sent; null while not confirmed. */
  confirmedAt: string | null;
  /** Opaque concurrency token; changes on every write. */
  version: string;
}

export interface ReminderClaimStore {
  /**
   * Claims `key` for `holder` until `leaseUntilIso`. True for exactly one of any number of
   * concurrent claimants. A key whose lease ended before `nowIso` and was never confirmed
   * can be claimed again (a conditional write on the claim's version, so again only one
   * re-claimant wins). A confirmed key, or one under a live lease, gives false.
   */
  claimReminder(key: ReminderKey, holder: string, leaseUntilIso: string, nowIso: string): Promise<boolean>;
  /**
   * Marks the reminder sent. True when `holder` holds the claim (even if its lease has run
   * out, as long as nobody took it over) or had already confirmed it; false otherwise, in
   * which case the caller has lost the claim to someone else.
   */
  confirmReminder(key: ReminderKey, holder: string, confirmedAtIso: string): Promise<boolean>;
  getReminderClaim(key: ReminderKey): Promise<ReminderClaim | undefined>;
  /** Removes every claim of a case; returns how many. (Purging a case already does this.) */
  deleteRemindersForCase(caseId: string): Promise<number>;
}
