import { CaseRecordShapeError } from '../domain/case-record';
import { CASE_EVENT_TYPES } from '../domain/case-events';
import { CASE_STATES, DEADLINE_KINDS } from '../domain/case-state';
import type { ReportCaseRecord } from './case-store.port';

/**
 * Reads a stored case document as a report reads it (ReportCaseRecord), checking the shape of
 * the fields the reports use and keeping only those.
 *
 * Why not parseCaseRecord: its schema checks every field of every event and tests each date
 * for a real day of the calendar, which was three quarters of the time a report over 100,000
 * cases spent reading them. The documents were checked in full when they were written (the
 * domain's schema, through the stores); this check is there so that a damaged or hand-edited
 * document gives a clear error naming it, not a wrong figure: dates must look like YYYY-MM-DD
 * (not that the day exists), and the fields the report reads must have their types. The
 * complainant's personal details are dropped here: no figure uses them. Who logged the case (a
 * member of staff, not the resident) is kept: who may see the case depends on it.
 */

type Doc = Record<string, unknown>;

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const EVENT_TYPES: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);
const STATES: ReadonlySet<string> = new Set(CASE_STATES);
const DEADLINE_KIND_SET: ReadonlySet<string> = new Set(DEADLINE_KINDS);

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): boolean => typeof v === 'string' && DATE.test(v);
const isDateOrNull = (v: unknown): boolean => v === null || isDate(v);
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isOptional = (v: unknown, test: (x: unknown) => boolean): boolean => v === undefined || test(v);
const isString = (v: unknown): boolean => typeof v === 'string';
const isInteger = (v: unknown): boolean => Number.isInteger(v);

/** A remedy or an Ombudsman order, as the report reads it. */
function isActionItem(v: unknown): boolean {
  return isObject(v) && isString(v.id) && isString(v.kind) && isString(v.description) && isDate(v.due) && isOptional(v.amountPence, (x) => typeof x === 'number');
}

/** The problem with one event's fields that the report reads, or null. */
function eventProblem(e: unknown): string | null {
  if (!isObject(e)) return 'is not an object';
  if (typeof e.type !== 'string' || !EVENT_TYPES.has(e.type)) return `has an unknown type ${JSON.stringify(e.type)}`;
  if (!isDate(e.on)) return `(${e.type}) has no date "on"`;
  const ok = ((): boolean => {
    switch (e.type) {
      case 'received': return isOptional(e.stage, isInteger);
      case 'refused': return isOptional(e.why, isString);
      case 'extended': return typeof e.workingDays === 'number';
      case 'responded': return isString(e.outcome) && isOptional(e.content, isObject) && isOptional(e.actions, (a) => Array.isArray(a) && a.every(isActionItem));
      case 'ombudsman-referred': return isString(e.reference);
      case 'ombudsman-information-requested': return isString(e.requestId);
      case 'action-redated': return isString(e.actionId);
      case 'ombudsman-determined':
        return Array.isArray(e.findings) && e.findings.every((f) => isObject(f) && isString(f.finding)) && Array.isArray(e.orders) && e.orders.every(isActionItem);
      default: return true;
    }
  })();
  return ok ? null : `(${e.type}) lacks a field the report reads, or has it of the wrong type`;
}

function deadlineOk(d: unknown): boolean {
  return isObject(d) && isInteger(d.stage) && typeof d.kind === 'string' && DEADLINE_KIND_SET.has(d.kind)
    && isOptional(d.id, isString) && isOptional(d.owner, isString) && isDate(d.due) && isDate(d.originalDue) && isDateOrNull(d.metOn);
}

export function readReportRecord(data: unknown, where: string): ReportCaseRecord {
  assertReportShape(data, where);
  const record = data;
  const { details } = record;
  const { complainant, complaint } = details;
  return {
    id: record.id, reference: record.reference, policyId: record.policyId, events: record.events,
    stage: record.stage, state: record.state, responsibleOfficerId: record.responsibleOfficerId,
    estate: record.estate, category: record.category, serviceArea: record.serviceArea,
    receivedOn: record.receivedOn, closedOn: record.closedOn, deadlines: record.deadlines, nextDueOn: record.nextDueOn,
    details: {
      ...(details.demo === undefined ? {} : { demo: details.demo }),
      loggedBy: details.loggedBy,
      complainant: { estate: complainant.estate, ...(complainant.tenure === undefined ? {} : { tenure: complainant.tenure }) },
      complaint: { category: complaint.category, serviceArea: complaint.serviceArea },
    },
  };
}

const STRING_OR_NULL_FIELDS = ['responsibleOfficerId', 'estate', 'category', 'serviceArea'] as const;
const DATE_OR_NULL_FIELDS = ['receivedOn', 'closedOn', 'nextDueOn'] as const;

/** The checks, as fast as the report needs them (no full schema): the document has every field the report reads. */
function assertReportShape(data: unknown, where: string): asserts data is ReportCaseRecord {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): void => { if (!ok) problems.push(problem); };
  if (!isObject(data)) throw new CaseRecordShapeError(where, ['(case): not an object']);
  const d = data;
  const details = isObject(d.details) ? d.details : {};
  const complainant = isObject(details.complainant) ? details.complainant : {};
  const complaint = isObject(details.complaint) ? details.complaint : {};
  need(isString(d.id), 'id: not a string');
  need(isString(d.reference), 'reference: not a string');
  need(isString(d.policyId), 'policyId: not a string');
  need(isInteger(d.stage), 'stage: not a whole number');
  need(typeof d.state === 'string' && STATES.has(d.state), 'state: not a case state');
  // Each problem's words are made only when there is a problem, not for every field of every case read.
  for (const name of STRING_OR_NULL_FIELDS) if (!isStringOrNull(d[name])) problems.push(`${name}: not a string or null`);
  for (const name of DATE_OR_NULL_FIELDS) if (!isDateOrNull(d[name])) problems.push(`${name}: not a date or null`);
  need(isString(complainant.estate) && isOptional(complainant.tenure, isString), 'details.complainant: no estate, or a tenure that is not a string');
  need(isString(complaint.category) && isString(complaint.serviceArea), 'details.complaint: no category or service area');
  need(isOptional(details.demo, (x) => typeof x === 'boolean'), 'details.demo: not true or false');
  need(isString(details.loggedBy), 'details.loggedBy: not a string');
  if (Array.isArray(d.deadlines)) {
    for (let i = 0; i < d.deadlines.length; i++) if (!deadlineOk(d.deadlines[i])) problems.push(`deadlines.${i}: not a deadline`);
  } else problems.push('deadlines: not a list');
  if (Array.isArray(d.events)) {
    for (let i = 0; i < d.events.length; i++) {
      const problem = eventProblem(d.events[i]);
      if (problem) problems.push(`events.${i}: ${problem}`);
    }
  } else problems.push('events: not a list');
  if (problems.length) throw new CaseRecordShapeError(where, problems);
}
