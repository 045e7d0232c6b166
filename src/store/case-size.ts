import type { CaseRecord } from '../domain/case-record';
import { StoreError } from './store-errors';

/**
 * How large a case may grow. A case is one document, and Azure Cosmos DB refuses an item over
 * 2 MB (its JSON in UTF-8, with the system properties it adds). Events are append-only, so a
 * case that reached the limit could never be written again: every later action on it (even
 * closing it) would fail. The stores therefore refuse, with a plain message, the write that
 * would take a case past MAX_CASE_BYTES, leaving room for the store's own query fields (`q`),
 * Cosmos DB's system properties and a few more ordinary events (closing it, a last note). The
 * same rule holds on SQLite, which has no such limit, so that a store can move to Cosmos DB.
 *
 * For scale: a typical case is 3-5 KB; a note is at most 4,000 characters (the form's limit),
 * about 4 KB of JSON in English and up to 12 KB in a script of three-byte characters, so the
 * limit is hundreds of the longest notes, or thousands of ordinary ones.
 */
export const COSMOS_ITEM_LIMIT_BYTES = 2 * 1024 * 1024;
export const MAX_CASE_BYTES = 1.5 * 1024 * 1024;

/** The case's size as a stored document: its JSON in UTF-8. */
export function caseDocumentBytes(record: Omit<CaseRecord, 'id' | 'reference' | 'version'>): number {
  return Buffer.byteLength(JSON.stringify(record), 'utf8');
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

/**
 * Throws STORE.INVALID_INPUT, saying what to do instead, when the case would be over MAX_CASE_BYTES.
 * `bytes`: the size of the document as the caller has already serialised it, so that a save does
 * not serialise the whole case a second time only to measure it.
 */
export function assertCaseFits(record: Omit<CaseRecord, 'id' | 'reference' | 'version'> & { reference?: string }, bytes = caseDocumentBytes(record)): void {
  if (bytes <= MAX_CASE_BYTES) return;
  throw new StoreError('STORE.INVALID_INPUT', `Case ${record.reference ?? '(new)'} is too large to save: with this change it would be ${megabytes(bytes)}, `
    + `over the ${megabytes(MAX_CASE_BYTES)} a case may hold (a Cosmos DB document can be at most ${megabytes(COSMOS_ITEM_LIMIT_BYTES)}). Nothing was saved. `
    + 'Attach long text (an email, a transcript) to the case as a file instead: files are kept outside the case.');
}
