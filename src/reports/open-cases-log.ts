import { addCalendarDays, compareDates, dayOfWeek, type CalendarDate } from '../domain/calendar-date';
import { isTerminal } from '../domain/case-state';
import { findPerson, type Directory } from '../domain/directory';
import { CATEGORIES } from '../intake/intake-options';
import type { CaseRecord } from '../domain/case-record';

/**
 * The open cases as the PIM's log shows them in Teams: overdue, due this week (to Sunday),
 * and later (including cases with no deadline running, e.g. waiting for the resident to
 * escalate), each soonest due first, optionally filtered by stage, officer, estate or category.
 */
export interface LogFilters { stage?: number; officer?: string; estate?: string; category?: string }

export interface LogItem {
  caseId: string;
  reference: string;
  complainant: string;
  stage: number;
  estate: string;
  category: string;
  officer: string;
  nextDueOn: CalendarDate | null;
  /** An invented case (`details.demo`), to be shown as such; openCasesLog always sets it. */
  demo?: boolean;
}

export interface OpenCasesLog {
  overdue: LogItem[];
  thisWeek: LogItem[];
  later: LogItem[];
  total: number;
}

export function describeFilters(filters: LogFilters): string {
  const parts = [
    filters.stage !== undefined ? `stage ${filters.stage}` : '',
    filters.officer ? `officer "${filters.officer}"` : '',
    filters.estate ? `estate "${filters.estate}"` : '',
    filters.category ? `category "${filters.category}"` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all open cases';
}

const norm = (s: string): string => s.trim().toLowerCase();

export function matchesFilters(item: LogItem, officerId: string, filters: LogFilters): boolean {
  if (filters.stage !== undefined && item.stage !== filters.stage) return false;
  if (filters.estate && norm(item.estate) !== norm(filters.estate)) return false;
  if (filters.category) {
    const label = (CATEGORIES as Record<string, string>)[item.category] ?? item.category;
    const wanted = norm(filters.category);
    if (norm(item.category) !== wanted && !norm(label).includes(wanted)) return false;
  }
  if (filters.officer) {
    const wanted = norm(filters.officer);
    if (norm(officerId) !== wanted && !norm(item.officer).includes(wanted)) return false;
  }
  return true;
}

/** The Sunday ending the week `today` is in (today itself on a Sunday). */
export function endOfWeek(today: CalendarDate): CalendarDate {
  return addCalendarDays(today, (7 - dayOfWeek(today)) % 7);
}

/** The log's name for a case's officer: the directory's, else the id, else "unassigned". */
export function officerName(directory: Directory, officerId: string | null): string {
  return findPerson(directory, officerId)?.name ?? officerId ?? 'unassigned';
}

/** Which of the log's lists an open case is in, by its next due date (the dashboard counts the same way). */
export function logBucket(nextDueOn: CalendarDate | null, today: CalendarDate, weekEnds: CalendarDate): 'overdue' | 'thisWeek' | 'later' {
  if (nextDueOn !== null && compareDates(nextDueOn, today) < 0) return 'overdue';
  if (nextDueOn !== null && compareDates(nextDueOn, weekEnds) <= 0) return 'thisWeek';
  return 'later';
}

/**
 * A case as the log shows it, or null when the log leaves it out (finished, or not what the
 * filters ask for): what the log keeps of a record, so that a caller reading the open cases a
 * page at a time keeps this small item and lets the record go.
 */
export function logItemOf(r: CaseRecord, filters: LogFilters, directory: Directory): LogItem | null {
  if (isTerminal(r.state)) return null;
  const item: LogItem = {
    caseId: r.id, reference: r.reference, complainant: r.details.complainant.complainantName,
    stage: r.stage, estate: r.estate ?? '', category: r.category ?? '', officer: officerName(directory, r.responsibleOfficerId),
    nextDueOn: r.nextDueOn, demo: r.details.demo === true,
  };
  return matchesFilters(item, r.responsibleOfficerId ?? '', filters) ? item : null;
}

/** The log of the items logItemOf kept: each in its list by due date, each list soonest due first. */
export function logOfItems(items: Iterable<LogItem>, today: CalendarDate): OpenCasesLog {
  const weekEnds = endOfWeek(today);
  const log: OpenCasesLog = { overdue: [], thisWeek: [], later: [], total: 0 };
  for (const item of items) {
    log.total++;
    log[logBucket(item.nextDueOn, today, weekEnds)].push(item);
  }
  const byDue = (a: LogItem, b: LogItem): number => (a.nextDueOn ?? '9999-12-31').localeCompare(b.nextDueOn ?? '9999-12-31') || a.reference.localeCompare(b.reference);
  log.overdue.sort(byDue);
  log.thisWeek.sort(byDue);
  log.later.sort(byDue);
  return log;
}

/** The log of a list of whole records (the tests' and the dashboard page check's); the bot builds it from items as it reads. */
export function openCasesLog(records: readonly CaseRecord[], filters: LogFilters, today: CalendarDate, directory: Directory): OpenCasesLog {
  return logOfItems(records.flatMap((r) => logItemOf(r, filters, directory) ?? []), today);
}
