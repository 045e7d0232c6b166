import { compareDates, isCalendarDate, type CalendarDate } from './calendar-date';
import type { ActionItem, CaseEvent } from './case-events';
import { OMBUDSMAN_FINDINGS, REMEDY_KINDS } from './case-events';
import { refuse, type CaseRefusal } from './case-errors';
import type { CaseView, Deadline, DeadlineKind, TrackedItem } from './case-state';
import { meetDeadline } from './deadline-rules';
import { hasRole, type Directory } from './directory';

/**
 * After the response: the remedies and actions a response promised, and the Ombudsman stage
 * (its requests for information, its determination and orders). Each item is followed to
 * completion with its own due date, as a deadline with an id, whatever the case's state: the
 * Code answers a complaint when the outcome is known, and then requires every remedy to be
 * delivered. These rules sit beside the timeline (case-timeline.ts), which calls them.
 */
type Result = { ok: true; view: CaseView } | CaseRefusal;

/** The owner of a deadline the complaints team (the PIM role) answers. */
export const COMPLAINTS_TEAM = 'complaints-team';
type FollowUpEvent = Extract<CaseEvent, { type: 'action-completed' | 'action-redated' | `ombudsman-${string}` }>;

export const FOLLOW_UP_EVENT_TYPES: ReadonlySet<CaseEvent['type']> = new Set([
  'action-completed', 'action-redated', 'ombudsman-referred', 'ombudsman-information-requested', 'ombudsman-information-sent',
  'ombudsman-determined', 'ombudsman-order-complied',
]);

export function isFollowUpEvent(event: CaseEvent): event is FollowUpEvent {
  return FOLLOW_UP_EVENT_TYPES.has(event.type);
}

/**
 * Who a due deadline is for: a follow-up's owner (an action's, or the complaints team's for
 * the Ombudsman's requests: the first PIM in the directory), else the case's handler.
 */
export function ownerIdOf(due: { owner: string | null; responsibleOfficerId: string | null }, directory: Directory): string | null {
  if (due.owner === COMPLAINTS_TEAM) return directory.people.find((p) => hasRole(p, 'PIM'))?.id ?? null;
  return due.owner ?? due.responsibleOfficerId;
}

/** A response's remedies and actions become items, each a deadline of its own. */
export function promiseItems(view: CaseView, items: readonly ActionItem[], on: CalendarDate, source: TrackedItem['source']): Result {
  const kind: DeadlineKind = source === 'response' ? 'action' : 'ombudsman-order';
  const seen = new Set(Object.keys(view.items));
  const added: Record<string, TrackedItem> = {};
  const deadlines: Deadline[] = [];
  for (const [i, item] of items.entries()) {
    const what = `${source === 'response' ? 'Action' : 'Order'} ${i + 1}`;
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(item.id)) return refuse('CASE.INVALID_INPUT', `${what} needs an id of letters and digits (for example a1).`);
    if (seen.has(item.id)) return refuse('CASE.INVALID_INPUT', `${what}: the id "${item.id}" is already used on this case.`);
    if (!REMEDY_KINDS.includes(item.kind)) return refuse('CASE.INVALID_INPUT', `${what}: "${item.kind}" is not a kind of remedy.`);
    if (!item.description.trim()) return refuse('CASE.INVALID_INPUT', `${what} needs a description of what will be done.`);
    if (!isCalendarDate(item.due)) return refuse('CASE.INVALID_DATE', `${what}: "${String(item.due)}" is not a date (YYYY-MM-DD).`);
    if (item.kind === 'compensation' && (item.amountPence === undefined || !Number.isInteger(item.amountPence) || item.amountPence < 0)) {
      return refuse('CASE.INVALID_INPUT', `${what} is compensation: give the amount.`);
    }
    seen.add(item.id);
    added[item.id] = { ...item, source, stage: view.stage, promisedOn: on, doneOn: null, evidence: null };
    deadlines.push({ stage: view.stage, kind, id: item.id, ...(item.ownerId ? { owner: item.ownerId } : {}), due: item.due, originalDue: item.due, metOn: null });
  }
  return { ok: true, view: { ...view, items: { ...view.items, ...added }, deadlines: [...view.deadlines, ...deadlines] } };
}

/** The follow-up events, in any state of the case (a closed case's remedies still have to be delivered). */
export function applyFollowUp(view: CaseView, event: FollowUpEvent): Result {
  switch (event.type) {
    case 'action-completed': return complete(view, 'action', event.actionId, event.on, event.evidence);
    case 'ombudsman-order-complied': return complete(view, 'ombudsman-order', event.orderId, event.on, event.evidence);
    case 'action-redated': {
      const found = running(view, 'action', event.actionId);
      if (!found.ok) return found;
      if (!isCalendarDate(event.due)) return refuse('CASE.INVALID_DATE', `"${String(event.due)}" is not a date (YYYY-MM-DD).`);
      if (!event.reason.trim()) return { ...refuse('CASE.REASON_REQUIRED', 'Give the reason for the new date; the resident is to be told it.'), field: 'reason' };
      if (event.due === found.deadline.due) return refuse('CASE.INVALID_INPUT', `Action ${event.actionId} is already due on ${event.due}.`);
      const deadlines = view.deadlines.map((d) => (d === found.deadline ? { ...d, due: event.due } : d));
      const items = { ...view.items, [event.actionId]: { ...found.item, due: event.due } };
      // The timeline then records that the resident is to be told of the new date.
      return { ok: true, view: { ...view, deadlines, items } };
    }
    case 'ombudsman-referred':
      if (view.ombudsman) return refuse('CASE.NOT_ALLOWED_IN_STATE', `The case was already referred to the Ombudsman (${view.ombudsman.reference}) on ${view.ombudsman.referredOn}.`);
      if (!event.reference.trim()) return { ...refuse('CASE.INVALID_INPUT', 'Give the Ombudsman\'s case reference.'), field: 'reference' };
      return { ok: true, view: { ...view, ombudsman: { reference: event.reference.trim(), referredOn: event.on, determinedOn: null, findings: [] } } };
    case 'ombudsman-information-requested': {
      if (!view.ombudsman) return notReferred('A request for information');
      if (!/^[A-Za-z0-9_.-]{1,40}$/.test(event.requestId)) return refuse('CASE.INVALID_INPUT', 'The request needs an id of letters and digits (for example r1).');
      if (view.deadlines.some((d) => d.kind === 'ombudsman-information' && d.id === event.requestId)) return refuse('CASE.INVALID_INPUT', `There is already an Ombudsman request "${event.requestId}".`);
      if (!isCalendarDate(event.due)) return refuse('CASE.INVALID_DATE', `"${String(event.due)}" is not a date (YYYY-MM-DD).`);
      // The complaints team (the PIM) answers the Ombudsman's requests, not the handler.
      const deadline: Deadline = { stage: view.stage, kind: 'ombudsman-information', id: event.requestId, owner: COMPLAINTS_TEAM, due: event.due, originalDue: event.due, metOn: null };
      return { ok: true, view: { ...view, deadlines: [...view.deadlines, deadline] } };
    }
    case 'ombudsman-information-sent': {
      const d = view.deadlines.find((x) => x.kind === 'ombudsman-information' && x.id === event.requestId);
      if (!d) return refuse('CASE.NO_SUCH_ITEM', `The Ombudsman has made no request "${event.requestId}" on this case.`);
      if (d.metOn) return refuse('CASE.ALREADY_DONE', `The information for request "${event.requestId}" was already sent on ${d.metOn}.`);
      return { ok: true, view: { ...view, deadlines: view.deadlines.map((x) => (x === d ? meetDeadline(x, event.on) : x)) } };
    }
    case 'ombudsman-determined': {
      if (!view.ombudsman) return notReferred('A determination');
      if (view.ombudsman.determinedOn) return refuse('CASE.NOT_ALLOWED_IN_STATE', `The Ombudsman's determination was already recorded on ${view.ombudsman.determinedOn}.`);
      if (!event.findings.length) return refuse('CASE.INVALID_INPUT', 'Record at least one finding.');
      const bad = event.findings.find((f) => !OMBUDSMAN_FINDINGS.includes(f.finding));
      if (bad) return refuse('CASE.INVALID_INPUT', `"${bad.finding}" is not one of the Ombudsman's findings.`);
      const promised = promiseItems(view, event.orders, event.on, 'ombudsman-order');
      if (!promised.ok) return promised;
      return { ok: true, view: { ...promised.view, ombudsman: { ...view.ombudsman, determinedOn: event.on, findings: event.findings } } };
    }
  }
}

function notReferred(what: string): CaseRefusal {
  return refuse('CASE.NOT_ALLOWED_IN_STATE', `${what} comes after the resident has gone to the Ombudsman: record the referral first.`);
}

function running(view: CaseView, kind: DeadlineKind, id: string): { ok: true; deadline: Deadline; item: TrackedItem } | CaseRefusal {
  const item = view.items[id];
  const deadline = view.deadlines.find((d) => d.kind === kind && d.id === id);
  const noun = kind === 'action' ? 'action' : 'order';
  if (!item || !deadline) return refuse('CASE.NO_SUCH_ITEM', `There is no ${noun} "${id}" on this case.`);
  if (deadline.metOn) return refuse('CASE.ALREADY_DONE', `The ${noun} "${id}" was already done on ${deadline.metOn}.`);
  return { ok: true, deadline, item };
}

function complete(view: CaseView, kind: DeadlineKind, id: string, on: CalendarDate, evidence: string): Result {
  const found = running(view, kind, id);
  if (!found.ok) return found;
  if (!evidence.trim()) return { ...refuse('CASE.REASON_REQUIRED', 'Say what shows it was done (the evidence, in a sentence).'), field: 'evidence' };
  if (compareDates(on, found.item.promisedOn) < 0) return refuse('CASE.INVALID_DATE', `It cannot have been done (${on}) before it was promised (${found.item.promisedOn}).`);
  return {
    ok: true,
    view: {
      ...view,
      deadlines: view.deadlines.map((d) => (d === found.deadline ? meetDeadline(d, on) : d)),
      items: { ...view.items, [id]: { ...found.item, doneOn: on, evidence: evidence.trim() } },
    },
  };
}
