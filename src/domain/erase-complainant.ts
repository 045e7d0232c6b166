import { formatDate, isCalendarDate } from './calendar-date';
import { caseDetailsSchema, type CaseDetails } from './case-details';
import { storedEventSchema } from './case-event-schema';
import type { CaseEventType, StoredEvent } from './case-events';
import type { CaseRecord } from './case-record';
import { isRunningDeadline, isTerminal, type CaseView } from './case-state';

/**
 * Erasing a complainant's personal data from a finished case (UK GDPR article 17), while the
 * case still counts in every figure: what was typed about the resident goes, what the reports
 * count stays. Pure: the record in, the erased record out; the edge saves it (with the version
 * check) and deletes the files.
 *
 * The rule is "erase by default, keep by list": every string is replaced by ERASED unless its
 * field is on a keep list below, so a field added later (a new intake question, a newer
 * version's key kept by a loose schema) is erased until someone decides it is safe to keep.
 *
 * Kept, because the statistics, the annual report and the Ombudsman's questions need them and
 * they do not identify the resident: every date, the stages, outcomes, states, categories,
 * service area, estate, tenure, channel, preferred contact method, the yes/no facts
 * (representative, consent, about a member of staff, and that member's role), extension
 * working days and reason categories, remedy kinds, ids, due dates and amounts, the Ombudsman's
 * findings (their kind) and reference, the staff who acted (directory ids), the file's type,
 * size and SHA-256, and the case's reference.
 *
 * Erased (replaced by ERASED; an empty field stays empty, so "none recorded" stays true): the
 * name, email, phone, address, representative's and MP's names, vulnerabilities, adjustments,
 * the description, definition and outcome sought, late-acceptance and refusal reasons, the
 * named member of staff, and in the history every `why`, reason, piece of evidence, response
 * item, remedy description, restriction, finding's detail, file name (its extension kept) and
 * file description. The `why` of the events the app itself writes (an evidence pack or subject
 * access export made, an erasure) is kept: it names the member of staff, not the resident.
 */
export const ERASED = '[erased]';

const DETAILS_KEEP = ['intakeId', 'loggedBy', 'demo'];
const COMPLAINANT_KEEP = ['preferredContact', 'estate', 'tenure', 'onBehalfRole'];
const COMPLAINT_KEEP = ['channel', 'receivedOn', 'issueOccurredOn', 'category', 'serviceArea', 'staffRole'];

const AUDIT_KEEP = ['type', 'id', 'on', 'at', 'by'];
const ITEM_KEEP = ['id', 'kind', 'due', 'ownerId', 'amountPence'];
/**
 * Per event type, its fields that carry no words about the resident (the audit fields are always
 * kept; dates are kept wherever they are). Every type is listed, so a new event type does not
 * compile until someone has decided which of its fields are safe to keep.
 */
const EVENT_KEEP: Record<CaseEventType, readonly string[]> = {
  'informal-opened': [],
  refused: [],
  closed: [],
  withdrawn: [],
  note: [],
  resumed: [],
  'draft-issued': [],
  'comments-received': [],
  'extension-rejected': [],
  'escalation-refusal-proposed': [],
  'escalation-refused': [],
  'escalation-refusal-rejected': [],
  'behaviour-proposed': [],
  'escalation-requested': [],
  received: ['stage', 'issueOccurredOn'],
  acknowledged: ['method'],
  extended: ['workingDays', 'reasonCategory', 'complainantAgreed'],
  'extension-requested': ['workingDays', 'reasonCategory', 'complainantAgreed'],
  paused: ['complainantConsented'],
  responded: ['outcome'],
  'action-completed': ['actionId'],
  'action-redated': ['actionId', 'due'],
  // The Ombudsman's own case number: needed to match its published decisions, and no one's name.
  'ombudsman-referred': ['reference'],
  'ombudsman-information-requested': ['requestId', 'due'],
  'ombudsman-information-sent': ['requestId'],
  'ombudsman-determined': [],
  'ombudsman-order-complied': ['orderId'],
  assigned: ['officerId'],
  'behaviour-decided': ['decision', 'reviewOn'],
  'correspondence-attached': ['fileId', 'contentType', 'size', 'sha256', 'direction', 'dated'],
  'resident-told': ['about', 'method'],
  'adjustments-recorded': ['reviewOn'],
  // The new adjustments' text (`adjustments`) and the why are erased; the outcome and next date are not words.
  'adjustments-reviewed': ['outcome', 'nextReviewOn'],
  // Written by the app, naming the member of staff and the request: never the resident's words.
  'evidence-pack-made': ['format', 'parts', 'why'],
  'subject-access-made': ['format', 'cases', 'why'],
  'complainant-erased': ['request', 'why'],
  // The new matter's or new issue's words (`why`) are the resident's; the form, channel, dates and the linked case are not.
  'matter-added': ['intakeId', 'channel'],
  'split-off': ['newCaseId'],
  // Written by the app: the other case's reference and the date.
  'split-from': ['fromCaseId', 'fromReference', 'why'],
};

type Json = Record<string, unknown>;

/**
 * Every string in `value` replaced by ERASED; empty ones left empty, and dates kept (a date is
 * not a word about anyone, and every deadline and figure counts from one); numbers, booleans and
 * null kept.
 */
function eraseAll(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' || isCalendarDate(value) ? value : ERASED;
  if (Array.isArray(value)) return value.map(eraseAll);
  if (value !== null && typeof value === 'object') return eraseExcept(value, []);
  return value;
}

function eraseExcept(object: object, keep: readonly string[]): Json {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, keep.includes(key) ? value : eraseAll(value)]));
}

/** A file's name erased, keeping its extension (".pdf") so the list still says what kind of file it was. */
function eraseFileName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return `${ERASED}${extension.toLowerCase()}`;
}

function eraseEvent(event: StoredEvent): StoredEvent {
  const keep = [...AUDIT_KEEP, ...EVENT_KEEP[event.type]];
  const erased = eraseExcept(event, keep);
  if (event.type === 'responded' && event.actions) erased.actions = event.actions.map((a) => eraseExcept(a, ITEM_KEEP));
  if (event.type === 'ombudsman-determined') {
    erased.findings = event.findings.map((f) => eraseExcept(f, ['finding']));
    erased.orders = event.orders.map((o) => eraseExcept(o, ITEM_KEEP));
  }
  if (event.type === 'correspondence-attached') erased.fileName = eraseFileName(event.fileName);
  // Erasure changes words, never the shape: the event schema says so, and types the result.
  return storedEventSchema.parse(erased);
}

function eraseDetails(details: CaseDetails): CaseDetails {
  return caseDetailsSchema.parse({
    ...eraseExcept(details, [...DETAILS_KEEP, 'complainant', 'complaint']),
    complainant: eraseExcept(details.complainant, COMPLAINANT_KEEP),
    complaint: eraseExcept(details.complaint, COMPLAINT_KEEP),
  });
}

/**
 * The case with the complainant's personal data erased from its details and from every event.
 * The derived view stored with it (`snapshot`) holds words from the events (a remedy's
 * description, evidence), so it is dropped here: the caller derives the view again from the
 * erased events and stores that. The query fields (stage, state, dates, deadlines) hold no
 * words and are unchanged.
 */
export function eraseComplainant(record: CaseRecord): CaseRecord {
  const erased: CaseRecord = { ...record, details: eraseDetails(record.details), events: record.events.map(eraseEvent) };
  delete erased.snapshot;
  return erased;
}

/**
 * The fields erasure changes, as paths ("details.complainant.address", "events[4].why"): what a dry run lists, never the values.
 * `erased` is the record already erased (eraseComplainant), when the caller has it.
 */
export function erasedFields(record: CaseRecord, erased: CaseRecord = eraseComplainant(record)): string[] {
  const paths: string[] = [];
  const walk = (before: unknown, after: unknown, path: string): void => {
    if (before !== null && typeof before === 'object') {
      for (const [key, value] of Object.entries(before)) {
        walk(value, (after as Json | undefined)?.[key], Array.isArray(before) ? `${path}[${key}]` : `${path}.${key}`);
      }
    } else if (before !== after) paths.push(path);
  };
  walk(record.details, erased.details, 'details');
  walk(record.events, erased.events, 'events');
  return paths;
}

/** Whether the case has already been erased (and so holds nothing of the resident's but its files, if a deletion failed). */
export function isErased(record: Pick<CaseRecord, 'events'>): boolean {
  return record.events.some((e) => e.type === 'complainant-erased');
}

/**
 * Why the case may not be erased now (null: it may). Only a finished case is erased: one
 * closed, withdrawn or refused, with nothing still to do for the resident (no remedy or
 * Ombudsman order undelivered, no Ombudsman request unanswered) and not with the Ombudsman
 * awaiting its determination. An unfinished case still needs the resident's details to be
 * worked, and the landlord keeps them under its legal obligations until it is finished.
 */
export function erasureBlocker(file: { record: CaseRecord; view: CaseView }): string | null {
  const { view } = file;
  if (!isTerminal(view.state)) return `the case is still open (${view.state.replace(/-/g, ' ')}): only a closed, withdrawn or refused case is erased`;
  const running = view.deadlines.filter((d) => isRunningDeadline(d, false));
  if (running.length) {
    const what = running.map((d) => `${d.kind === 'action' ? 'remedy' : d.kind === 'ombudsman-order' ? 'Ombudsman order' : 'Ombudsman request'} ${d.id ?? ''} (due ${formatDate(d.due)})`.trim());
    return `something is still to be done for the resident: ${what.join(', ')}`;
  }
  if (view.ombudsman && !view.ombudsman.determinedOn) return `the complaint is with the Ombudsman (reference ${view.ombudsman.reference}, referred ${formatDate(view.ombudsman.referredOn)}) and not yet determined`;
  return null;
}
