import { isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import { isRunningDeadline, isTerminal, type CaseState } from '../domain/case-state';
import type { CaseRecord, NewCaseRecord, StoredEvent } from '../domain/case-record';
import { awaitsDecision } from '../domain/pending-decisions';
import { assertCaseFits } from './case-size';
import { jsonEqual } from './json-equal';
import { StoreError } from './store-errors';

/**
 * Rules both adapters apply identically, so that the contract tests see one behaviour:
 * what counts as open, which deadlines are running, append-only history and the shape of
 * references.
 */

/** Open means not finished: the domain decides which states are final (closed, withdrawn, refused). */
export function isOpenState(state: CaseState): boolean {
  return !isTerminal(state);
}

/** A demo (invented) case: one whose details say so. Anything else, older cases included, is real. */
export function isDemoCase(record: Pick<CaseRecord, 'details'>): boolean {
  return record.details.demo === true;
}

/**
 * Whether an open case may be waiting for a decision, as the stores index it: from the view
 * stored with the case when that view covers every event, else null (not known: a case written
 * before views were kept, or by a writer that kept none), which the index treats as "may be".
 * A superset, never a subset: the caller still asks each decision's own rule.
 */
export function awaitsDecisionOf(record: Pick<CaseRecord, 'state' | 'events' | 'snapshot'>): boolean | null {
  if (!isOpenState(record.state)) return false;
  const s = record.snapshot;
  if (!s || s.events !== record.events.length) return null;
  return awaitsDecision(s.view);
}

/** A running deadline as the stores index it. */
export interface RunningDeadline {
  stage: number;
  kind: string;
  /** A follow-up's id (an action, an Ombudsman request or order); null for a stage's own deadline. */
  id: string | null;
  /** Who a follow-up is for (Deadline.owner); null: the case's handler. */
  owner: string | null;
  due: CalendarDate;
}

/**
 * Running (unmet) deadlines: all of an open case's, and a finished case's follow-ups (a
 * remedy or an Ombudsman order still to be delivered). The domain says which run
 * (isRunningDeadline); the stores derive this themselves rather than trusting `nextDueOn`,
 * so the due-deadline index can never disagree with the deadlines it is built from.
 */
export function runningDeadlines(record: Pick<CaseRecord, 'state' | 'deadlines'>): RunningDeadline[] {
  const open = isOpenState(record.state);
  return record.deadlines
    .filter((d) => isRunningDeadline(d, open))
    .map((d) => ({ stage: d.stage, kind: d.kind, id: d.id ?? null, owner: d.owner ?? null, due: d.due }));
}

export function earliestDue(running: readonly RunningDeadline[]): CalendarDate | null {
  let min: CalendarDate | null = null;
  for (const d of running) if (min === null || d.due < min) min = d.due;
  return min;
}

/** Sorts "no running deadline" after every real date, for "soonest due first" orderings. */
export const NO_DUE_SORT_KEY = '9999-12-31';

export function dueSortKey(running: readonly RunningDeadline[]): string {
  return earliestDue(running) ?? NO_DUE_SORT_KEY;
}

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}

function invalid(message: string): StoreError {
  return new StoreError('STORE.INVALID_INPUT', message);
}

function assertDateOrNull(name: string, value: unknown): void {
  if (value !== null && !isCalendarDate(value)) throw invalid(`${name} must be a YYYY-MM-DD date or null, not ${JSON.stringify(value)}`);
}

/** Checks what the indexes rely on: dates that sort as strings, and a sane reference year; and the size (`docBytes` when the caller has the document already). */
export function assertStorableCase(record: Omit<CaseRecord, 'id' | 'reference' | 'version'>, docBytes?: number): void {
  if (!Array.isArray(record.events)) throw invalid('events must be an array');
  if (!Array.isArray(record.deadlines)) throw invalid('deadlines must be an array');
  assertDateOrNull('receivedOn', record.receivedOn);
  assertDateOrNull('closedOn', record.closedOn);
  assertDateOrNull('nextDueOn', record.nextDueOn);
  for (const d of record.deadlines) {
    if (!isCalendarDate(d.due)) throw invalid(`deadline due must be a YYYY-MM-DD date, not ${JSON.stringify(d.due)}`);
    assertDateOrNull('deadline metOn', d.metOn);
  }
  // Last, and on every create and save: a case past Cosmos DB's item limit could never be written again (case-size.ts).
  assertCaseFits(record, docBytes);
}

export function assertNewCase(input: NewCaseRecord): void {
  if (!Number.isInteger(input.referenceYear) || input.referenceYear < 2000 || input.referenceYear > 9999) {
    throw invalid(`referenceYear must be a four-digit year, not ${String(input.referenceYear)}`);
  }
  assertStorableCase(input);
}

/** Drops the caller-only field so that it is not stored in the document. */
export function withoutReferenceYear(input: NewCaseRecord): Omit<CaseRecord, 'id' | 'reference' | 'version'> {
  const copy: Omit<NewCaseRecord, 'referenceYear'> & { referenceYear?: number } = { ...input };
  delete copy.referenceYear;
  return copy;
}

/**
 * History is append-only: the stored events must be an unchanged prefix of the new list.
 * Throws (rather than returning a result) because this is a programming error, not a race.
 */
export function assertAppendOnly(stored: readonly StoredEvent[], next: readonly StoredEvent[], reference: string): void {
  if (next.length < stored.length) {
    throw new StoreError('STORE.HISTORY_REWRITE', `Case ${reference}: history is append-only; the save would drop ${stored.length - next.length} stored event(s)`);
  }
  stored.forEach((event, i) => {
    if (!jsonEqual(event, next[i])) {
      throw new StoreError('STORE.HISTORY_REWRITE', `Case ${reference}: history is append-only; stored event ${i + 1} (${event.type}, id ${event.id}) would be changed`);
    }
  });
}

/** A save may not move a case to another id or reference. */
export function assertSameIdentity(stored: Pick<CaseRecord, 'reference'>, next: Pick<CaseRecord, 'reference'>): void {
  if (stored.reference !== next.reference) {
    throw invalid(`Case ${stored.reference}: the reference cannot be changed (to ${next.reference})`);
  }
}
