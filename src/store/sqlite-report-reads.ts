import Database from 'better-sqlite3';
import { addCalendarDays, type CalendarDate } from '../domain/calendar-date';
import { SqliteCaseStore } from './sqlite-case-store';
import { SqliteConnection, sqliteFilePath, type SqliteOptions } from './sqlite-connection';

/** A run of receipt dates, both ends included. */
export interface ReceivedRange { from: CalendarDate; to: CalendarDate }

/**
 * The cases received in a range, cut into runs of receipt dates of about `size` cases each, so
 * that a report can read them on two threads (src/reports/parallel-report-read.ts): each thread
 * claims the next run, and the runs, read in order, are the range read in order. The runs tile
 * the range with no gap (each ends the day before the next begins), so a case written between
 * this count and the reads is still read once, as the single paged read would. A date is never
 * split between two runs: the read orders by date, then reference.
 *
 * One short read of the receipt-date index on a read-only connection of its own: the store's
 * connection is the store's, and this is a count, not a read of cases.
 */
export function receivedRuns(options: SqliteOptions, range: ReceivedRange, size: number): { cases: number; runs: ReceivedRange[] } {
  const db = new Database(sqliteFilePath(options), { readonly: true, fileMustExist: true });
  let days: Array<{ date: CalendarDate; n: number }>;
  try {
    // A count a day, not a row a case: a date is never split between runs anyway.
    days = db.prepare('SELECT received_on AS date, COUNT(*) AS n FROM cases WHERE received_on >= ? AND received_on <= ? GROUP BY received_on ORDER BY received_on')
      .all(range.from, range.to) as Array<{ date: CalendarDate; n: number }>;
  } finally {
    db.close();
  }
  const starts: CalendarDate[] = [];
  let cases = 0;
  let inRun = 0;
  for (const { date, n } of days) {
    if (inRun >= size) {
      starts.push(date);
      inRun = 0;
    }
    inRun += n;
    cases += n;
  }
  const runs: ReceivedRange[] = [];
  let from = range.from;
  for (const start of starts) {
    runs.push({ from, to: addCalendarDays(start, -1) });
    from = start;
  }
  runs.push({ from, to: range.to });
  return { cases, runs };
}

/**
 * A case store on a connection of its own for one thread's share of a report's read. Each run
 * is read once, in order, so a page cache the size of the store's usual one (16 MB) would only
 * hold pages already read: two of them were a tenth of a large report's memory.
 */
export function openReportReader(options: SqliteOptions): SqliteCaseStore {
  // The report's store opened the file first (and brought it up to the current schema).
  const connection = SqliteConnection.open(options, 'thread');
  connection.db.pragma('cache_size = -2000');
  return new SqliteCaseStore(connection);
}
