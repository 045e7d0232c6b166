import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { setImmediate as giveWay } from 'node:timers/promises';
import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord, NewCaseRecord } from '../domain/case-record';
import { assertNewCase, formatReference, withoutReferenceYear } from './case-record-rules';
import { readReportRecord } from './case-report-records';
import type { CaseCountFilter, CaseStore, SearchTextFill, CreatedCase, DueDeadline, PurgedCase, ReportCaseRecord, ErasureSaveResult, SaveResult } from './case-store.port';
import { caseColumns, checkedLength, fromRow, INSERT_CASE, knownCase, rememberWritten, toDoc, writeRunningDeadlines, type CaseRow } from './sqlite-case-rows';
import { SqliteConnection, type SqliteOptions } from './sqlite-connection';
import { fillMissingSearchText } from './sqlite-search-fill';
import { statement } from './sqlite-statements';
import { StoreError } from './store-errors';
// Subject access and erasure (docs/data-protection.md).
import { complainantPages, saveErasedCase } from './sqlite-case-erasure';

export interface SqliteCaseStoreOptions {
  /** Reference prefix, HC in HC-2026-00042. */
  referencePrefix?: string;
}

interface DueRow { case_id: string; reference: string; responsible_officer_id: string | null; stage: number; kind: string; item_id: string | null; owner: string | null; due: string; is_demo: number }

/**
 * The embedded default store: one SQLite file, no setup. Every write is one transaction
 * that updates the case row and its running-deadline rows together, so a crash leaves
 * either the old case or the new one, never a mix.
 */
export class SqliteCaseStore implements CaseStore {
  private readonly db: Database.Database;
  private readonly prefix: string;
  private released = false;

  constructor(private readonly connection: SqliteConnection, options: SqliteCaseStoreOptions = {}) {
    this.db = connection.acquire();
    this.prefix = options.referencePrefix ?? 'HC';
  }

  /** Opens (creating if needed) the file and a store that owns the connection. */
  static open(options: SqliteOptions & SqliteCaseStoreOptions): SqliteCaseStore {
    return new SqliteCaseStore(SqliteConnection.open(options), options);
  }

  async createCase(input: NewCaseRecord): Promise<CaseRecord> {
    assertNewCase(input);
    const series = `${this.prefix}-${input.referenceYear}`;
    const create = this.db.transaction((): CaseRecord => {
      // Counter and case in one IMMEDIATE transaction: the write lock is held from the
      // first statement, so two processes sharing the file can never get the same number.
      const { last } = statement(this.db, 'INSERT INTO reference_counters (series, last) VALUES (?, 1) ON CONFLICT (series) DO UPDATE SET last = last + 1 RETURNING last')
        .get(series) as { last: number };
      const record: CaseRecord = {
        ...withoutReferenceYear(input),
        id: randomUUID(),
        reference: formatReference(this.prefix, input.referenceYear, last),
        version: randomUUID(),
      };
      statement(this.db, INSERT_CASE).run(this.columns(record));
      this.writeRunning(record);
      return record;
    });
    return this.roundTrip(create.immediate());
  }

  async createCaseOnce(id: string, input: NewCaseRecord): Promise<{ record: CaseRecord; created: boolean }> {
    assertNewCase(input);
    const series = `${this.prefix}-${input.referenceYear}`;
    // The look-up and the insert in one IMMEDIATE transaction: no second writer between them.
    const create = this.db.transaction((): { record: CaseRecord; created: boolean } => {
      const existing = statement(this.db, 'SELECT doc, version FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
      if (existing) return { record: fromRow(existing), created: false };
      const { last } = statement(this.db, 'INSERT INTO reference_counters (series, last) VALUES (?, 1) ON CONFLICT (series) DO UPDATE SET last = last + 1 RETURNING last')
        .get(series) as { last: number };
      const record: CaseRecord = { ...withoutReferenceYear(input), id, reference: formatReference(this.prefix, input.referenceYear, last), version: randomUUID() };
      statement(this.db, INSERT_CASE).run(this.columns(record));
      this.writeRunning(record);
      return { record, created: true };
    });
    const result = create.immediate();
    return result.created ? { record: this.roundTrip(result.record), created: true } : result;
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.readCase('id', id);
  }

  async getCaseByReference(reference: string): Promise<CaseRecord | undefined> {
    return this.readCase('reference', reference);
  }

  /** One case: its version and size first, and its document only when this process does not know that version already (knownCase). */
  private readCase(by: 'id' | 'reference', key: string): CaseRecord | undefined {
    const head = statement(this.db, `SELECT id, version, octet_length(doc) AS bytes FROM cases WHERE ${by} = ?`).get(key) as { id: string; version: string; bytes: number } | undefined;
    if (!head) return undefined;
    const known = knownCase(head.version, head.bytes);
    if (known) return known;
    // By id: a save between the two reads gives the newer row, which is as good.
    const row = statement(this.db, 'SELECT doc, version FROM cases WHERE id = ?').get(head.id) as CaseRow | undefined;
    return row && fromRow(row);
  }

  async saveCase(next: CaseRecord): Promise<SaveResult> {
    // The write is the save thread's (sqlite-save-queue.ts): committed with the saves that
    // arrive with it, one fsync for them all, and answered only once that commit is durable.
    const doc = toDoc(next);
    const version = randomUUID();
    const reply = await this.connection.saves.save({ id: next.id, expected: next.version, version, doc, expectedChecked: checkedLength(next.version) });
    if (reply.ok) {
      rememberWritten(next.id, version, doc);
      return { ok: true, record: { ...next, version } };
    }
    if (reply.kind === 'error') throw reply.code ? new StoreError(reply.code, reply.message) : new Error(reply.message);
    const current = reply.current ? fromRow(reply.current) : undefined;
    return {
      ok: false,
      code: 'STORE.STALE_VERSION',
      message: current ? `Case ${current.reference} was changed by someone else; reload it and try again` : `Case ${next.reference} no longer exists`,
      current,
    };
  }

  async openCasesByOfficer(officerId: string): Promise<CaseRecord[]> {
    const rows = statement(this.db, 'SELECT doc, version FROM cases WHERE responsible_officer_id = ? AND is_open = 1 ORDER BY due_sort, reference').all(officerId) as CaseRow[];
    return rows.map(fromRow);
  }

  async openCases(): Promise<CaseRecord[]> {
    const rows = statement(this.db, 'SELECT doc, version FROM cases WHERE is_open = 1 ORDER BY received_on, reference').all() as CaseRow[];
    return rows.map(fromRow);
  }

  async *openCasesPaged(options: { pageSize?: number } = {}): AsyncIterable<CaseRecord> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 500));
    // Keyset pages on the open cases' own index (migration 10: received date, then reference),
    // as reportCasesReceivedBetween pages every case: first the cases without a receipt date
    // (which SQLite orders first, and which no comparison with a date matches), then the rest
    // from the last page's date on. Each page is one short read, so no statement stays open
    // between pages.
    const undated = statement(this.db, 'SELECT doc, version, reference FROM cases WHERE received_on IS NULL AND is_open = 1 AND reference > ? ORDER BY reference LIMIT ?');
    const dated = statement(this.db, `SELECT doc, version, received_on, reference FROM cases WHERE received_on >= ? AND (received_on > ? OR reference > ?)
      AND is_open = 1 ORDER BY received_on, reference LIMIT ?`);
    let after: [string, string] = ['', ''];
    let withDate = false;
    for (;;) {
      const rows = (withDate ? dated.all(after[0], after[0], after[1], pageSize) : undated.all(after[1], pageSize)) as Array<CaseRow & { received_on?: string; reference: string }>;
      for (const row of rows) yield fromRow(row);
      const last = rows.at(-1);
      if (last && rows.length === pageSize) after = [last.received_on ?? '', last.reference];
      else if (withDate) return;
      else [withDate, after] = [true, ['', '']];
      // As in reportCasesReceivedBetween: SQLite answers at once, so without this the log over
      // thousands of open cases would hold the event loop, and every card behind it would wait.
      await giveWay();
    }
  }

  async openCasesMaybeAwaitingDecision(): Promise<CaseRecord[]> {
    // The WHERE is the partial index's own (migration 6), so only those rows are read.
    const rows = statement(this.db, 'SELECT doc, version FROM cases WHERE is_open = 1 AND awaits_decision IS NOT 0 ORDER BY received_on, reference').all() as CaseRow[];
    return rows.map(fromRow);
  }

  async casesMatchingWords(words: readonly string[]): Promise<CaseRecord[]> {
    if (words.length === 0) return [];
    // A scan of the one short column (no document is read unless its text holds every word).
    const rows = statement(this.db, `SELECT doc, version FROM cases WHERE search IS NULL OR (${words.map(() => 'instr(search, ?) > 0').join(' AND ')})`).all(...words) as CaseRow[];
    return rows.map(fromRow);
  }

  async fillSearchText(options: { pageSize?: number } = {}): Promise<SearchTextFill> {
    return fillMissingSearchText(this.db, options.pageSize);
  }

  async deadlinesDueBy(date: CalendarDate): Promise<DueDeadline[]> {
    // Reads only the running_deadlines index entries up to `date`: cost follows due items.
    const rows = statement(this.db, `SELECT d.case_id, c.reference, c.responsible_officer_id, d.stage, d.kind, d.item_id, d.owner, d.due, c.is_demo
      FROM running_deadlines d JOIN cases c ON c.id = d.case_id
      WHERE d.due <= ? ORDER BY d.due, c.reference, d.stage, d.kind, d.item_id`).all(date) as DueRow[];
    return rows.map((r) => ({
      caseId: r.case_id, reference: r.reference, responsibleOfficerId: r.responsible_officer_id, stage: r.stage, kind: r.kind, id: r.item_id, owner: r.owner, due: r.due, demo: r.is_demo === 1,
    }));
  }

  async casesReceivedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]> {
    const rows = statement(this.db, 'SELECT doc, version FROM cases WHERE received_on >= ? AND received_on <= ? ORDER BY received_on, reference').all(from, to) as CaseRow[];
    return rows.map(fromRow);
  }

  async *reportCasesReceivedBetween(from: CalendarDate, to: CalendarDate, options: { pageSize?: number } = {}): AsyncIterable<ReportCaseRecord> {
    const pageSize = Math.max(1, options.pageSize ?? 500);
    // Keyset pages on the cases_by_received index: each page is one short read, so no
    // statement stays open on the connection between pages while the caller works. The lower
    // bound is the last page's date, so that each page starts where the last one ended in the
    // index (a row value "(received_on, reference) > (?, ?)" made SQLite scan from `from`).
    const page = statement(this.db, `SELECT doc, received_on, reference FROM cases WHERE received_on >= ? AND received_on <= ?
      AND (received_on > ? OR reference > ?) ORDER BY received_on, reference LIMIT ?`);
    let after: [string, string] = ['', ''];
    for (;;) {
      const rows = page.all(after[0] > from ? after[0] : from, to, after[0], after[1], pageSize) as Array<{ doc: string; received_on: string; reference: string }>;
      for (const row of rows) yield readReportRecord(JSON.parse(row.doc), `Case ${row.reference} in the embedded database`);
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = [last.received_on, last.reference];
      // SQLite answers at once, so without this a report or a dashboard load in the bot would
      // hold the event loop for its whole read (seconds at 100,000 cases), and every card and
      // message behind it would wait: between pages, what else is waiting goes first.
      await giveWay();
    }
  }

  async createCases(inputs: readonly NewCaseRecord[]): Promise<CreatedCase[]> {
    for (const input of inputs) assertNewCase(input);
    // One IMMEDIATE transaction (one fsync) for the batch, each case as createCase writes it.
    const create = this.db.transaction((): CreatedCase[] => inputs.map((input) => {
      const series = `${this.prefix}-${input.referenceYear}`;
      const { last } = statement(this.db, 'INSERT INTO reference_counters (series, last) VALUES (?, 1) ON CONFLICT (series) DO UPDATE SET last = last + 1 RETURNING last')
        .get(series) as { last: number };
      const record: CaseRecord = { ...withoutReferenceYear(input), id: randomUUID(), reference: formatReference(this.prefix, input.referenceYear, last), version: randomUUID() };
      statement(this.db, INSERT_CASE).run(this.columns(record));
      this.writeRunning(record);
      return { id: record.id, reference: record.reference };
    }));
    return create.immediate();
  }

  async countCases(filter: CaseCountFilter = {}): Promise<number> {
    // The cases_by_demo index (or the primary key, for every case) answers without reading documents.
    const row = (filter.demo === undefined
      ? statement(this.db, 'SELECT COUNT(*) AS n FROM cases').get()
      : statement(this.db, 'SELECT COUNT(*) AS n FROM cases WHERE is_demo = ?').get(filter.demo ? 1 : 0)) as { n: number };
    return row.n;
  }

  async casesClosedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]> {
    const rows = statement(this.db, 'SELECT doc, version FROM cases WHERE closed_on >= ? AND closed_on <= ? ORDER BY closed_on, reference').all(from, to) as CaseRow[];
    return rows.map(fromRow);
  }

  async purgeClosedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<PurgedCase[]> {
    const purge = this.db.transaction((): PurgedCase[] => {
      const rows = statement(this.db, 'SELECT id, reference FROM cases WHERE is_open = 0 AND closed_on < ? ORDER BY reference').all(date) as { id: string; reference: string }[];
      if (!options.dryRun) {
        const del = statement(this.db, 'DELETE FROM cases WHERE id = ?');
        const delClaims = statement(this.db, 'DELETE FROM reminder_claims WHERE case_id = ?');
        for (const r of rows) {
          del.run(r.id); // running_deadlines rows go by ON DELETE CASCADE
          delClaims.run(r.id);
        }
      }
      return rows.map((r) => ({ id: r.id, reference: r.reference }));
    });
    const references = purge.immediate();
    // Move the deleted pages out of the WAL into the (secure_delete-zeroed) main file.
    if (!options.dryRun && references.length > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return references;
  }

  async *complainants(options: { pageSize?: number } = {}): ReturnType<CaseStore['complainants']> {
    for (const page of complainantPages(this.db, Math.max(1, options.pageSize ?? 500))) yield* page;
  }

  async saveErasedCase(next: CaseRecord): Promise<ErasureSaveResult> {
    // On this connection, not the save thread's: a rare administrator's write, with its own checks (sqlite-case-erasure.ts).
    return saveErasedCase(this.db, next);
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.connection.release();
  }

  private columns(record: CaseRecord): Record<string, string | number | null> {
    return caseColumns(record);
  }

  private writeRunning(record: CaseRecord): void {
    writeRunningDeadlines(this.db, record);
  }

  /** A copy as a reader would see it, so the caller's objects never alias stored state. */
  private roundTrip(record: CaseRecord): CaseRecord {
    return fromRow({ doc: toDoc(record), version: record.version });
  }
}
