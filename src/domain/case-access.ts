import type { CaseDetails } from './case-details';
import type { CaseEvent } from './case-events';
import type { CaseRecord } from './case-record';
import type { CaseView } from './case-state';
import type { TimelineContext } from './case-timeline';
import { storedCaseView, viewOf } from './case-view';
import { hasRole, managersOf, type Directory, type DirectoryPerson } from './directory';
import type { ViewSnapshot } from './view-snapshot';

/**
 * What of a case its circle depends on: who logged it (a member of staff's directory id) and its
 * view's people (handlers, the one it is assigned to, the owners of its remedies and orders).
 * Nothing of the complainant's, so that a report, which reads cases without their personal
 * details, can ask too.
 */
export interface CaseCircle {
  record: { details: Pick<CaseDetails, 'loggedBy'> };
  view: Pick<CaseView, 'handlersByStage' | 'assignedTo' | 'items'>;
}

/**
 * Who may have the case's evidence pack (everything on the case, for the Ombudsman): those who
 * act on it, and the complaints team, who answer the Ombudsman's requests.
 */
export function mayHaveEvidencePack(file: { record: CaseRecord; view: CaseView }, person: DirectoryPerson, directory: Directory): boolean {
  return actsOnCase(file, person, directory) || hasRole(person, 'COMPLAINTS-TEAM');
}

/**
 * Who acts on a case, and so may see the complainant's personal details (contact details,
 * vulnerabilities and reasonable adjustments: special category data): its current and past
 * handlers, the current handler's line managers, the person who logged it, and the
 * Performance and Information Manager who keeps the Complaints Log. One rule, applied
 * wherever a case is shown.
 */
export function actsOnCase(file: CaseCircle, person: DirectoryPerson, directory: Directory): boolean {
  const handlers = Object.values(file.view.handlersByStage).flat();
  return handlers.includes(person.id)
    || managersOf(directory, file.view.assignedTo).some((m) => m.id === person.id)
    || file.record.details.loggedBy === person.id
    || hasRole(person, 'PIM');
}

/**
 * Who may see a case at all (its card, its history, its files): those who act on it, the
 * line managers of everyone who has handled it, the owners of its remedies and orders (they
 * deliver them), and the complaints team, who answer for the log and the Ombudsman. A
 * complaint file holds special category data; anyone else is told nothing about it, not even
 * whether it exists.
 */
export function maySeeCase(file: CaseCircle, person: DirectoryPerson, directory: Directory): boolean {
  if (seesEveryCase(person) || actsOnCase(file, person, directory)) return true;
  const handlers = [...new Set(Object.values(file.view.handlersByStage).flat())];
  if (handlers.some((h) => managersOf(directory, h).some((m) => m.id === person.id))) return true;
  return Object.values(file.view.items).some((item) => item.ownerId === person.id);
}

/**
 * Who sees every case without asking case by case: the PIM, who keeps the Complaints Log, and
 * the complaints team, who answer for it and to the Ombudsman. maySeeCase says yes to them for
 * any case; this says so without working out each case's view.
 */
export function seesEveryCase(person: DirectoryPerson): boolean {
  return hasRole(person, 'PIM') || hasRole(person, 'COMPLAINTS-TEAM');
}

/**
 * The cases among `records` this person may see (maySeeCase), in the order given: the one
 * filter for everything that lists cases by name or reference (the `log` command, `my cases`,
 * `find`, the dashboard's overdue and Ombudsman rows, the report's complaints log and per-case
 * sections). An AHM or AD gets the cases of the people they manage, not everyone's; the
 * complaints team and the PIM get them all. Aggregate figures (counts and percentages with no
 * case named) are not filtered: the report roles see the whole landlord's (report-access.ts).
 */
export function casesVisibleTo<R extends CaseRecord>(records: readonly R[], person: DirectoryPerson, ctx: TimelineContext & { directory: Directory }): R[] {
  if (seesEveryCase(person)) return [...records];
  return records.filter((record) => maySeeCase({ record, view: viewOf(record, ctx) }, person, ctx.directory));
}

/** A case as a report reads it (ReportCaseRecord): its events, its snapshot if read, who logged it. */
export interface CaseReadForReport {
  reference: string;
  events: readonly CaseEvent[];
  snapshot?: ViewSnapshot | undefined;
  details: Pick<CaseDetails, 'loggedBy'>;
}

/**
 * maySeeCase for a case read as reports read it, a page at a time, so that a report or the
 * dashboard asks while reading instead of reading the case again in full. Its view is derived
 * as viewOf derives it (from the snapshot if there is one made under these rules, else by replay),
 * and a case that does not replay is the same configuration error. For a person who sees every
 * case (seesEveryCase) the answer is yes without working out the view, so a caller need not ask
 * that first.
 */
export function maySeeCaseRead(record: CaseReadForReport, person: DirectoryPerson, ctx: TimelineContext & { directory: Directory }): boolean {
  if (seesEveryCase(person)) return true;
  return maySeeCase({ record, view: storedCaseView(record, ctx) }, person, ctx.directory);
}
