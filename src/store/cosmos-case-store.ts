import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '../domain/calendar-date';
import { CaseRecordShapeError, type CaseRecord, type NewCaseRecord, type StoredEvent } from '../domain/case-record';
import {
  assertAppendOnly, assertNewCase, assertSameIdentity, assertStorableCase, formatReference, withoutReferenceYear,
} from './case-record-rules';
import { readReportRecord } from './case-report-records';
import type { CaseCountFilter, CaseStore, CreatedCase, DueDeadline, PurgedCase, ReportCaseRecord, SaveResult, SearchTextFill } from './case-store.port';
import { fromCaseDocument, toCaseDocument, writeIdOf } from './cosmos-case-documents';
import { CosmosConnection } from './cosmos-connection';
import { CASES_CONTAINER, REFERENCES_CONTAINER, REMINDER_CLAIMS_CONTAINER } from './cosmos-containers';
import { KnownVersions } from './cosmos-known-versions';
import { statusOf } from './cosmos-errors';
import type { CosmosStoreOptions } from './cosmos-options';
import { CosmosReferenceAllocator } from './cosmos-reference-allocator';
import { deleteClaimsOfCase } from './cosmos-reminder-claim-store';
import { withTransientRetry } from './cosmos-retry';
import { StoreError } from './store-errors';
// Erasure's own rule instead of append-only (docs/data-protection.md).
import { assertErasureRewrite } from './erasure-rules';

type Doc = Record<string, unknown>;

function stale(current: CaseRecord | undefined, next: CaseRecord): SaveResult {
  return {
    ok: false,
    code: 'STORE.STALE_VERSION',
    message: current ? `Case ${current.reference} was changed by someone else; reload it and try again` : `Case ${next.reference} no longer exists`,
    current,
  };
}

const byDueThenReference = (a: DueDeadline, b: DueDeadline) =>
  a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference) || a.stage - b.stage || a.kind.localeCompare(b.kind);

/** Received first first, then by reference: the order the open-case lists give (sorted here, not by another composite index). */
const byReceivedThenReference = (a: CaseRecord, b: CaseRecord): number => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? '') || a.reference.localeCompare(b.reference);

/** Cases listed a page at a time by fillSearchText. */
const FILL_PAGE = 500;

/**
 * Cases in Cosmos DB, one document per case in the `cases` container (partition key /id).
 * See cosmos-containers.ts and docs/storage.md for the partitioning and indexing choices.
 */
export class CosmosCaseStore implements CaseStore {
  private readonly cases: Container;
  private readonly claims: Container;
  /** Cases recently read or written, at their ETags: a save of one of them needs no second read. */
  private readonly known = new KnownVersions();
  private readonly references: CosmosReferenceAllocator;
  private readonly prefix: string;
  private released = false;

  constructor(private readonly connection: CosmosConnection, options: { referencePrefix?: string } = {}) {
    connection.acquire();
    this.cases = connection.container(CASES_CONTAINER);
    this.claims = connection.container(REMINDER_CLAIMS_CONTAINER);
    this.references = new CosmosReferenceAllocator(connection.container(REFERENCES_CONTAINER), connection.retry);
    this.prefix = options.referencePrefix ?? 'HC';
  }

  /** Connects and returns a store that owns the connection. */
  static async open(options: CosmosStoreOptions): Promise<CosmosCaseStore> {
    return new CosmosCaseStore(await CosmosConnection.connect(options), options);
  }

  async createCase(input: NewCaseRecord): Promise<CaseRecord> {
    assertNewCase(input);
    return this.connection.guard('creating a case', async (abortSignal) => {
      const id = randomUUID();
      const reference = await this.allocateReference(input.referenceYear, id, abortSignal);
      const writeId = randomUUID();
      const document = toCaseDocument({ ...withoutReferenceYear(input), id, reference }, writeId);
      try {
        const created = await withTransientRetry(this.connection.retry, 'write', async (isRetry) => {
          try {
            return (await this.cases.items.create(document, { abortSignal })).resource;
          } catch (err) {
            if (!isRetry || statusOf(err) !== 409) throw err;
            const existing = await this.readDocument(id, abortSignal);
            if (writeIdOf(existing) === writeId) return existing;
            throw err;
          }
        }, abortSignal);
        if (!created) throw new Error(`Cosmos DB returned no document for new case ${reference}`);
        return this.fromDocument(created);
      } catch (err) {
        // Give the reference back only when the case is certainly not there; otherwise
        // keep it (an unused reference is a harmless gap, an unreachable case is not).
        if (!abortSignal.aborted) {
          const stored = await this.readDocument(id, abortSignal).catch(() => 'unknown' as const);
          if (stored === undefined) await this.references.release(reference, abortSignal).catch(() => undefined);
        }
        throw err;
      }
    });
  }

  async createCaseOnce(id: string, input: NewCaseRecord): Promise<{ record: CaseRecord; created: boolean }> {
    assertNewCase(input);
    return this.connection.guard('creating a case once', async (abortSignal) => {
      const existing = await this.readDocument(id, abortSignal);
      if (existing) return { record: this.fromDocument(existing), created: false };
      const reference = await this.allocateReference(input.referenceYear, id, abortSignal);
      const writeId = randomUUID();
      const document = toCaseDocument({ ...withoutReferenceYear(input), id, reference }, writeId);
      try {
        const created = await withTransientRetry(this.connection.retry, 'write', async () => {
          try {
            return (await this.cases.items.create(document, { abortSignal })).resource;
          } catch (err) {
            if (statusOf(err) !== 409) throw err;
            // Someone (or our own earlier attempt) created it: that one stands.
            return this.readDocument(id, abortSignal);
          }
        }, abortSignal);
        if (!created) throw new Error(`Cosmos DB returned no document for new case ${reference}`);
        const ours = writeIdOf(created) === writeId;
        if (!ours) await this.references.release(reference, abortSignal).catch(() => undefined);
        return { record: this.fromDocument(created), created: ours };
      } catch (err) {
        if (!abortSignal.aborted) {
          const stored = await this.readDocument(id, abortSignal).catch(() => 'unknown' as const);
          if (stored === undefined) await this.references.release(reference, abortSignal).catch(() => undefined);
        }
        throw err;
      }
    });
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.connection.guard('reading a case', async (abortSignal) => {
      const doc = await this.readDocument(id, abortSignal);
      return doc && this.fromDocument(doc);
    });
  }

  async getCaseByReference(reference: string): Promise<CaseRecord | undefined> {
    return this.connection.guard(`reading case ${reference}`, async (abortSignal) => {
      // Two point reads: reference document, then the case it names. No query.
      const caseId = await this.references.lookup(reference, abortSignal);
      const doc = caseId === undefined ? undefined : await this.readDocument(caseId, abortSignal);
      const record = doc && this.fromDocument(doc);
      return record?.reference === reference ? record : undefined;
    });
  }

  async saveCase(next: CaseRecord): Promise<SaveResult> {
    return this.connection.guard(`saving case ${next.reference}`, async (abortSignal) => {
      // Append-only is checked against what is stored at the version read, not what the caller
      // holds: this store's own copy of that version if it has one (an ETag names one content,
      // and the replace is conditional on it), else the document read again.
      let known = this.known.get(next.id, next.version);
      if (!known) {
        const stored = await this.readDocument(next.id, abortSignal);
        const current = stored && this.fromDocument(stored);
        if (!current || current.version !== next.version) return stale(current, next);
        known = current;
      }
      assertSameIdentity(known, next);
      assertAppendOnly(known.events, next.events, known.reference);
      return this.replaceAtVersion(next, abortSignal);
    });
  }

  async openCasesByOfficer(officerId: string): Promise<CaseRecord[]> {
    // Filter and ORDER BY match the first composite index in cosmos-containers.ts.
    return this.queryCases('listing open cases by officer', {
      query: 'SELECT * FROM c WHERE c.responsibleOfficerId = @officer AND c.q.open = true ORDER BY c.responsibleOfficerId ASC, c.q.dueSort ASC, c.reference ASC',
      parameters: [{ name: '@officer', value: officerId }],
    });
  }

  async openCases(): Promise<CaseRecord[]> {
    // q.open is indexed (cosmos-containers.ts); sorted here, as below, rather than by another composite index.
    const records = await this.queryCases('listing open cases', { query: 'SELECT * FROM c WHERE c.q.open = true' });
    return records.sort(byReceivedThenReference);
  }

  async *openCasesPaged(options: { pageSize?: number } = {}): AsyncIterable<CaseRecord> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 500));
    // Keyset pages, each its own query (its own time limit and retries), in the order of the
    // q.open + receivedOn + reference composite index (the filter's path leads the ORDER BY too,
    // so the service reads the open cases only, as Microsoft's indexing guidance asks): first
    // the cases without a receipt date (null sorts before any string, and no comparison with a
    // date matches it), then those with one, from where the last page ended.
    let after: { on: string; reference: string } = { on: '', reference: '' };
    let withDate = false;
    for (;;) {
      const where = withDate
        ? 'c.receivedOn >= @afterOn AND (c.receivedOn > @afterOn OR c.reference > @afterReference)'
        : 'c.receivedOn = null AND c.reference > @afterReference';
      const rows = await this.query<Doc>('reading the open cases', {
        query: `SELECT TOP ${pageSize} * FROM c WHERE c.q.open = true AND ${where} ORDER BY c.q.open ASC, c.receivedOn ASC, c.reference ASC`,
        parameters: [{ name: '@afterOn', value: after.on }, { name: '@afterReference', value: after.reference }],
      });
      for (const row of rows) yield fromCaseDocument(row);
      const last = rows.at(-1);
      if (last && rows.length === pageSize) after = { on: typeof last.receivedOn === 'string' ? last.receivedOn : '', reference: String(last.reference) };
      else if (withDate) return;
      else [withDate, after] = [true, { on: '', reference: '' }];
    }
  }

  async openCasesMaybeAwaitingDecision(): Promise<CaseRecord[]> {
    // q.open and q.awaits are indexed (cosmos-containers.ts); not sorted by the query, which would
    // need another composite index for a handful of cases.
    const records = await this.queryCases('listing cases awaiting a decision', {
      query: 'SELECT * FROM c WHERE c.q.open = true AND (NOT IS_DEFINED(c.q.awaits) OR c.q.awaits = true)',
    });
    return records.sort(byReceivedThenReference);
  }

  async casesMatchingWords(words: readonly string[]): Promise<CaseRecord[]> {
    if (words.length === 0) return [];
    // q.search is indexed (cosmos-containers.ts); CONTAINS on it still reads every case's short
    // text, but only the cases that hold every word come back.
    return this.queryCases('finding cases by their words', {
      query: `SELECT * FROM c WHERE NOT IS_DEFINED(c.q.search) OR (${words.map((_, i) => `CONTAINS(c.q.search, @w${i})`).join(' AND ')})`,
      parameters: words.map((w, i) => ({ name: `@w${i}`, value: w })),
    });
  }

  async fillSearchText(options: { pageSize?: number } = {}): Promise<SearchTextFill> {
    const pageSize = Math.max(1, options.pageSize ?? FILL_PAGE);
    // A page of ids at a time, in reference order (an indexed path), each page its own query
    // and each case its own point read and conditional replace, every one under its own
    // deadline: a store of 100,000 cases from before the text is no single operation that
    // times out, and a rerun after a failure carries on from what is left.
    const result: SearchTextFill = { filled: 0, unreadable: [] };
    for (let after = ''; ;) {
      const page = await this.query<{ id: string; reference: string }>('listing cases without search text', {
        query: `SELECT TOP ${pageSize} c.id, c.reference FROM c WHERE NOT IS_DEFINED(c.q.search) AND c.reference > @after ORDER BY c.reference`,
        parameters: [{ name: '@after', value: after }],
      });
      for (const { id } of page) await this.fillOne(id, result);
      const last = page.at(-1);
      if (!last || page.length < pageSize) return result;
      after = last.reference;
    }
  }

  private async fillOne(id: string, result: SearchTextFill): Promise<void> {
    const outcome = await this.connection.guard('filling a case\'s search text', async (abortSignal): Promise<'filled' | 'unreadable' | 'left'> => {
      const stored = await this.readDocument(id, abortSignal);
      if (!stored || (stored as { q?: { search?: unknown } }).q?.search !== undefined) return 'left';
      let record: CaseRecord;
      try {
        record = this.fromDocument(stored);
      } catch (err) {
        // A damaged document is left as it was (a search still reads it, as before); the rest go on.
        if (err instanceof CaseRecordShapeError) return 'unreadable';
        throw err;
      }
      // A save since the read wins, and wrote the text itself.
      return (await this.replaceAtVersion(record, abortSignal)).ok ? 'filled' : 'left';
    });
    if (outcome === 'filled') result.filled += 1;
    if (outcome === 'unreadable') result.unreadable.push(id);
  }

  async deadlinesDueBy(date: CalendarDate): Promise<DueDeadline[]> {
    // c.q.dueOn is set only on cases with a running deadline (an open case's, or a finished
    // case's follow-ups), so its range index
    // yields just the cases with something due by `date`; the JOIN then picks the due
    // deadlines inside them. ORDER BY cannot sort on a JOIN alias: sorted here instead.
    const rows = await this.query<Omit<DueDeadline, 'demo' | 'id' | 'owner'> & { demo?: boolean; id?: string | null; owner?: string | null }>('listing due deadlines', {
      query: 'SELECT c.id AS caseId, c.reference, c.responsibleOfficerId, r.stage, r.kind, r.id, r.owner, r.due, c.q.demo FROM c JOIN r IN c.q.running WHERE c.q.dueOn <= @date AND r.due <= @date',
      parameters: [{ name: '@date', value: date }],
    });
    return rows
      .map((r) => ({ caseId: r.caseId, reference: r.reference, responsibleOfficerId: r.responsibleOfficerId ?? null, stage: r.stage, kind: r.kind, id: r.id ?? null, owner: r.owner ?? null, due: r.due, demo: r.demo === true }))
      .sort(byDueThenReference);
  }

  async casesReceivedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]> {
    return this.queryCases('listing cases received in a period', {
      query: 'SELECT * FROM c WHERE c.receivedOn >= @from AND c.receivedOn <= @to ORDER BY c.receivedOn ASC, c.reference ASC',
      parameters: [{ name: '@from', value: from }, { name: '@to', value: to }],
    });
  }

  async *reportCasesReceivedBetween(from: CalendarDate, to: CalendarDate, options: { pageSize?: number } = {}): AsyncIterable<ReportCaseRecord> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 500));
    // Keyset pages, each its own query (with its own time limit and retries), on the
    // receivedOn + reference composite index; only the fields the reports read come back.
    const fields = 'c.id, c.reference, c.policyId, c.events, c.stage, c.state, c.responsibleOfficerId, c.estate, c.category, c.serviceArea, c.receivedOn, c.closedOn, c.deadlines, c.nextDueOn, '
      + 'c.details.demo AS demo, c.details.loggedBy AS loggedBy, c.details.complainant.estate AS complainantEstate, c.details.complainant.tenure AS tenure, c.details.complaint.category AS complaintCategory, c.details.complaint.serviceArea AS complaintServiceArea';
    let after: { on: string; reference: string } | null = null;
    for (;;) {
      const keyset = after ? ' AND (c.receivedOn > @afterOn OR (c.receivedOn = @afterOn AND c.reference > @afterReference))' : '';
      const rows: Doc[] = await this.query<Doc>('reading cases for a report', {
        query: `SELECT TOP ${pageSize} ${fields} FROM c WHERE c.receivedOn >= @from AND c.receivedOn <= @to${keyset} ORDER BY c.receivedOn ASC, c.reference ASC`,
        parameters: [{ name: '@from', value: from }, { name: '@to', value: to }, ...(after ? [{ name: '@afterOn', value: after.on }, { name: '@afterReference', value: after.reference }] : [])],
      });
      for (const row of rows) {
        const { demo, loggedBy, complainantEstate, tenure, complaintCategory, complaintServiceArea, ...rest } = row;
        const details = { demo, loggedBy, complainant: { estate: complainantEstate, tenure }, complaint: { category: complaintCategory, serviceArea: complaintServiceArea } };
        yield readReportRecord({ ...rest, details }, `Case ${String(row.reference)} in Cosmos DB`);
      }
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = { on: String(last.receivedOn), reference: String(last.reference) };
    }
  }

  async createCases(inputs: readonly NewCaseRecord[]): Promise<CreatedCase[]> {
    // Each case is its own partition, so there is no batch to put them in: one after another,
    // each as createCase (reference, then the case). Every input is checked before the first
    // write; after that a failure leaves the cases before it written, unlike SQLite.
    for (const input of inputs) assertNewCase(input);
    const created: CreatedCase[] = [];
    for (const input of inputs) {
      const record = await this.createCase(input);
      created.push({ id: record.id, reference: record.reference });
    }
    return created;
  }

  async countCases(filter: CaseCountFilter = {}): Promise<number> {
    // Counts on the /q/demo range index. Real = all - demo, so that documents written before
    // q.demo existed (no such property, which no equality filter matches) count as real.
    const count = async (action: string, query: string): Promise<number> => (await this.query<number>(action, { query }))[0] ?? 0;
    const all = filter.demo === true ? 0 : await count('counting cases', 'SELECT VALUE COUNT(1) FROM c');
    if (filter.demo === undefined) return all;
    const demo = await count('counting demo cases', 'SELECT VALUE COUNT(1) FROM c WHERE c.q.demo = true');
    return filter.demo ? demo : all - demo;
  }

  async casesClosedBetween(from: CalendarDate, to: CalendarDate): Promise<CaseRecord[]> {
    return this.queryCases('listing cases closed in a period', {
      query: 'SELECT * FROM c WHERE c.closedOn >= @from AND c.closedOn <= @to ORDER BY c.closedOn ASC, c.reference ASC',
      parameters: [{ name: '@from', value: from }, { name: '@to', value: to }],
    });
  }

  async purgeClosedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<PurgedCase[]> {
    const candidates = (await this.query<{ id: string; reference: string; _etag: string }>('finding cases to purge', {
      query: 'SELECT c.id, c.reference, c._etag FROM c WHERE c.q.open = false AND c.closedOn < @date',
      parameters: [{ name: '@date', value: date }],
    })).sort((a, b) => a.reference.localeCompare(b.reference));
    if (options.dryRun) return candidates.map((c) => ({ id: c.id, reference: c.reference }));
    const purged: PurgedCase[] = [];
    // One operation (and one time limit) per case, so a long purge is not cut short.
    for (const c of candidates) {
      const done = await this.connection.guard(`purging case ${c.reference}`, async (abortSignal) => {
        try {
          // Conditional on the ETag read above: a case reopened meanwhile is left alone.
          await withTransientRetry(this.connection.retry, 'write', () => this.cases.item(c.id, c.id).delete({ abortSignal, accessCondition: { type: 'IfMatch', condition: c._etag } }), abortSignal);
        } catch (err) {
          const status = statusOf(err);
          if (status === 412) return false;
          if (status !== 404) throw err;
        }
        // The case is gone; its reference and reminder claims go with it.
        await this.references.release(c.reference, abortSignal);
        await deleteClaimsOfCase(this.claims, this.connection.retry, c.id, abortSignal);
        return true;
      });
      if (done) {
        this.known.forget(c.id);
        purged.push({ id: c.id, reference: c.reference });
      }
    }
    return purged;
  }

  async *complainants(options: { pageSize?: number } = {}): ReturnType<CaseStore['complainants']> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 500));
    // Keyset pages on the reference index, each its own query; only the four fields matched on come back.
    let after = '';
    for (;;) {
      const rows = await this.query<{ id: string; reference: string; name?: unknown; email?: unknown; phone?: unknown; address?: unknown }>('reading complainants', {
        query: `SELECT TOP ${pageSize} c.id, c.reference, c.details.complainant.complainantName AS name, c.details.complainant.contactEmail AS email,
          c.details.complainant.contactPhone AS phone, c.details.complainant.address AS address FROM c WHERE c.reference > @after ORDER BY c.reference ASC`,
        parameters: [{ name: '@after', value: after }],
      });
      const text = (v: unknown): string => (typeof v === 'string' ? v : '');
      for (const r of rows) yield { id: r.id, reference: r.reference, complainant: { complainantName: text(r.name), contactEmail: text(r.email), contactPhone: text(r.phone), address: text(r.address) } };
      const last = rows.at(-1);
      if (!last || rows.length < pageSize) return;
      after = last.reference;
    }
  }

  async saveErasedCase(next: CaseRecord): Promise<SaveResult> {
    return this.connection.guard(`erasing on case ${next.reference}`, async (abortSignal) => {
      // Checked against the document as stored now (not a remembered copy), then replaced only at that ETag.
      const stored = await this.readDocument(next.id, abortSignal);
      const current = stored && this.fromDocument(stored);
      if (!current || current.version !== next.version) return stale(current, next);
      assertErasureRewrite(current, next);
      return this.replaceAtVersion(next, abortSignal);
    });
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.connection.release();
  }

  private async allocateReference(year: number, caseId: string, abortSignal: AbortSignal): Promise<string> {
    const series = `${this.prefix}-${year}`;
    // The counter only ever grows, so a taken reference means someone set it back by
    // hand; move on to the next number rather than share one.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = formatReference(this.prefix, year, await this.references.next(series, abortSignal));
      if (await this.references.claim(reference, caseId, abortSignal)) return reference;
    }
    throw new StoreError('STORE.CONTENTION', `Could not find a free ${series} reference: the counter seems to be behind the references in use.`);
  }

  /**
   * Writes `next` in place of the stored case only if it is still at `next.version` (its ETag):
   * saveCase and saveErasedCase each check the change first, by their own rule. A case changed
   * or removed meanwhile is not written, and the result says so with what is stored now.
   */
  private async replaceAtVersion(next: CaseRecord, abortSignal: AbortSignal): Promise<SaveResult> {
    assertStorableCase(next);
    const writeId = randomUUID();
    const document = toCaseDocument(next, writeId);
    return withTransientRetry(this.connection.retry, 'write', async (isRetry): Promise<SaveResult> => {
      try {
        const { resource } = await this.cases.item(next.id, next.id).replace(document, { abortSignal, accessCondition: { type: 'IfMatch', condition: next.version } });
        if (!resource) throw new Error(`Cosmos DB returned no document for case ${next.reference}`);
        return { ok: true, record: this.fromDocument(resource) };
      } catch (err) {
        const status = statusOf(err);
        if (status !== 412 && status !== 404) throw err;
        const latest = await this.readDocument(next.id, abortSignal);
        // A retry that fails its condition may be failing against its own first attempt.
        if (isRetry && latest && writeIdOf(latest) === writeId) return { ok: true, record: this.fromDocument(latest) };
        if (!latest) this.known.forget(next.id);
        return stale(latest && this.fromDocument(latest), next);
      }
    }, abortSignal);
  }

  /** The record in a document just read or written, remembered at its version for the next save's check. */
  private fromDocument(doc: object): CaseRecord {
    const record = fromCaseDocument(doc);
    // The document's own events, not the record's: the record is handed to the caller.
    this.known.remember({ id: record.id, version: record.version, reference: record.reference, events: (doc as { events: StoredEvent[] }).events });
    return record;
  }

  private async readDocument(id: string, abortSignal: AbortSignal): Promise<Doc | undefined> {
    const { resource } = await withTransientRetry(this.connection.retry, 'read', () => this.cases.item(id, id).read<Doc>({ abortSignal }), abortSignal);
    return resource;
  }

  private async query<T>(action: string, spec: SqlQuerySpec): Promise<T[]> {
    return this.connection.guard(action, async (abortSignal) =>
      (await withTransientRetry(this.connection.retry, 'read', () => this.cases.items.query<T>(spec, { abortSignal }).fetchAll(), abortSignal)).resources);
  }

  private async queryCases(action: string, spec: SqlQuerySpec): Promise<CaseRecord[]> {
    return (await this.query<Doc>(action, spec)).map(fromCaseDocument);
  }
}
