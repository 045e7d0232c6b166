import type { CalendarDate } from '../domain/calendar-date';
import type { DissatisfactionRecord } from '../domain/dissatisfaction';

/**
 * Dissatisfaction not taken as a complaint (domain/dissatisfaction.ts): kept so the reports can
 * count it and say why. Its own store rather than a case (it has no history or deadlines) or a
 * key/value entry (the reports read it by date).
 */
export interface DissatisfactionLog {
  /**
   * Keeps the record once: a record with the same id already kept is left as it is
   * (`created: false`), so a second press of the same card records nothing new.
   */
  record(entry: DissatisfactionRecord): Promise<{ created: boolean }>;
  /** The records received from `from` to `to` inclusive, oldest first. */
  receivedBetween(from: CalendarDate, to: CalendarDate): Promise<DissatisfactionRecord[]>;
  /**
   * Retention (`complaints purge`): deletes the records received before `date` and says how
   * many; with `dryRun`, only counts them. A record holds the officer's summary of what the
   * resident said, which may name them, and nothing else ever deletes it; the reports only count
   * it, so it goes with the cases at the landlord's retention date (docs/data-protection.md).
   */
  deleteReceivedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<number>;
}
