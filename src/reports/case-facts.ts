import type { CalendarDate } from '../domain/calendar-date';
import type { ActionItem, OmbudsmanFinding, RemedyKind, ResponseOutcome } from '../domain/case-events';
import { isTerminal, type CaseState, type Deadline, type DeadlineKind } from '../domain/case-state';
import { deriveCase } from '../domain/case-timeline';
import { timeliness, type Timeliness } from '../domain/timeliness';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { ReportCaseRecord } from '../store/case-store.port';
import { memoCalendar } from './memo-calendar';

/**
 * What the reports need to know about one case, read from its events (the truth) and its
 * deadlines as the domain derived them. A case stored under the report's policy brings its
 * derived view with it (`state`, `stage`, `deadlines`: written by the domain with every event,
 * and checked against a replay in the tests), so it is not replayed: replaying 100,000 cases
 * was most of a year-end report's time. A case of another policy is replayed with deriveCase
 * under the report's policy (its stored view is used only if it no longer replays). Pure:
 * `today` is passed in.
 */


export interface DeadlineFacts {
  due: CalendarDate;
  metOn: CalendarDate | null;
  onTime: Timeliness;
}

export interface StageFacts {
  stage: number;
  receivedOn: CalendarDate;
  acknowledgedOn: CalendarDate | null;
  respondedOn: CalendarDate | null;
  outcome: ResponseOutcome | null;
  acknowledge: DeadlineFacts | null;
  respond: DeadlineFacts | null;
  extensions: number;
  extensionDays: number;
  remedy: string;
  lessons: string;
}

/**
 * A remedy or action a response promised, or an order the Ombudsman made: followed to
 * completion whatever the case's state, so its timeliness is read as for an open case.
 */
export interface FollowUpFacts {
  id: string;
  kind: RemedyKind;
  description: string;
  /** Compensation only: the amount, in pence. */
  amountPence: number | null;
  /** The response (or determination) that promised or ordered it. */
  promisedOn: CalendarDate;
  /** Due now, after any new date. */
  due: CalendarDate;
  /** Due when promised. */
  originalDue: CalendarDate;
  /** Given a new date (an `action-redated` event) since it was promised. */
  redated: boolean;
  doneOn: CalendarDate | null;
  /** yes: done by `due`; no: done after it, or still not done past it on the report date; pending: not done, not yet due. */
  onTime: Timeliness;
}

/** A request from the Ombudsman for information, answered by the complaints team. */
export interface OmbudsmanRequestFacts {
  id: string;
  requestedOn: CalendarDate;
  due: CalendarDate;
  sentOn: CalendarDate | null;
  onTime: Timeliness;
}

export interface OmbudsmanFacts {
  reference: string;
  referredOn: CalendarDate;
  determinedOn: CalendarDate | null;
  findings: OmbudsmanFinding[];
  requests: OmbudsmanRequestFacts[];
  orders: FollowUpFacts[];
}

export interface CaseFacts {
  id: string;
  reference: string;
  /** An invented case (`details.demo`: `complaints demo`, the `npm run dev` demo case). */
  demo: boolean;
  category: string;
  serviceArea: string;
  estate: string;
  /** The resident's tenure as intake recorded it (tenure.ts); 'not-known' for cases logged before it was asked. */
  tenure: string;
  officerId: string;
  state: CaseState;
  /** The stage the case is at now (0 = informal). */
  stage: number;
  /** First receipt (informal or formal), or the refusal date. */
  receivedOn: CalendarDate | null;
  closedOn: CalendarDate | null;
  informal: boolean;
  refusal: { on: CalendarDate; reason: string } | null;
  pauses: number;
  /** Working days the clock was stopped (a pause still running counts up to today). */
  pausedWorkingDays: number;
  /** Formal stages reached, in order. */
  stages: StageFacts[];
  /** The remedies and actions promised in responses, in the order promised. */
  actions: FollowUpFacts[];
  /** The Ombudsman stage, once the resident has gone to the Ombudsman. */
  ombudsman: OmbudsmanFacts | null;
}

export interface ReportContext {
  policy: Policy;
  calendar: WorkingDayCalendar;
  /** The report date: running deadlines past due on this date count as missed. */
  today: CalendarDate;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** How a case's derived view is found: from the stored record when it is the report's policy's, or always by replaying its events. */
export interface FactsOptions { replay?: boolean }

/** The case's view for the report: stored, or replayed under the report's policy (see above). */
function viewFor(record: ReportCaseRecord, ctx: ReportContext, options: FactsOptions): Pick<ReportCaseRecord, 'state' | 'stage' | 'deadlines'> {
  if (!options.replay && record.policyId === ctx.policy.id) return record;
  const derived = deriveCase(record.events, { policy: ctx.policy, calendar: ctx.calendar });
  return derived.ok ? derived.view : record;
}

/** A stored case (CaseRecord), or what a report reads of one (ReportCaseRecord). */
export function caseFacts(record: ReportCaseRecord, given: ReportContext, options: FactsOptions = {}): CaseFacts {
  // The same calendar, answering from tables: the report asks it for every case (memo-calendar.ts).
  const ctx: ReportContext = { ...given, calendar: memoCalendar(given.calendar) };
  const view = viewFor(record, ctx, options);
  const { deadlines, state } = view;
  const terminal = isTerminal(state);
  const stages = new Map<number, StageFacts>();
  let current = 0;
  let refusal: CaseFacts['refusal'] = null;
  let informal = false;
  let pauses = 0;
  let pausedWorkingDays = 0;
  let pausedOn: CalendarDate | null = null;
  const promised: Array<{ item: ActionItem; on: CalendarDate; kind: DeadlineKind }> = [];
  let ombudsman = null as Omit<OmbudsmanFacts, 'requests' | 'orders'> | null;
  const requestedOn = new Map<string, CalendarDate>();
  const redated = new Set<string>();

  const open = (stage: number, on: CalendarDate): void => {
    current = stage;
    stages.set(stage, {
      stage, receivedOn: on, acknowledgedOn: null, respondedOn: null, outcome: null, acknowledge: null, respond: null,
      extensions: 0, extensionDays: 0, remedy: '', lessons: '',
    });
  };

  for (const event of record.events) {
    const at = stages.get(current);
    switch (event.type) {
      case 'informal-opened': informal = true; break;
      case 'refused': refusal = { on: event.on, reason: event.why?.trim() || 'No reason recorded' }; break;
      case 'received': open(event.stage ?? 1, event.on); break;
      case 'escalation-requested': open(current + 1, event.on); break;
      case 'acknowledged': if (at) at.acknowledgedOn = event.on; break;
      case 'extended':
        if (at) { at.extensions += 1; at.extensionDays += event.workingDays; }
        break;
      case 'paused': pauses += 1; pausedOn = event.on; break;
      case 'resumed':
        if (pausedOn) pausedWorkingDays += ctx.calendar.workingDaysBetween(pausedOn, event.on);
        pausedOn = null;
        break;
      case 'withdrawn':
        if (pausedOn) pausedWorkingDays += ctx.calendar.workingDaysBetween(pausedOn, event.on);
        pausedOn = null;
        break;
      case 'responded':
        if (at) {
          at.respondedOn = event.on;
          at.outcome = event.outcome;
          at.remedy = text(event.content?.remedy);
          at.lessons = text(event.content?.['lessons-learned']);
        }
        for (const item of event.actions ?? []) promised.push({ item, on: event.on, kind: 'action' });
        break;
      case 'ombudsman-referred':
        ombudsman ??= { reference: event.reference.trim(), referredOn: event.on, determinedOn: null, findings: [] };
        break;
      case 'ombudsman-information-requested': requestedOn.set(event.requestId, event.on); break;
      case 'action-redated': redated.add(event.actionId); break;
      case 'ombudsman-determined':
        if (ombudsman && !ombudsman.determinedOn) ombudsman = { ...ombudsman, determinedOn: event.on, findings: event.findings };
        for (const item of event.orders) promised.push({ item, on: event.on, kind: 'ombudsman-order' });
        break;
      default: break;
    }
  }
  if (pausedOn && !terminal) pausedWorkingDays += ctx.calendar.workingDaysBetween(pausedOn, ctx.today);

  for (const d of deadlines) {
    const s = stages.get(d.stage);
    if (!s || (d.kind !== 'acknowledge' && d.kind !== 'respond')) continue;
    s[d.kind] = { due: d.due, metOn: d.metOn, onTime: timeliness(d, ctx.today, !terminal) };
  }

  // A follow-up's date and completion are its deadline's (after any new date); it runs whatever the case's state.
  const deadlineOf = (kind: DeadlineKind, id: string): Deadline | undefined => deadlines.find((d) => d.kind === kind && d.id === id);
  // Straight into the response's actions or the Ombudsman's orders, in the order promised.
  const actions: FollowUpFacts[] = [];
  const orders: FollowUpFacts[] = [];
  for (const { item, on, kind } of promised) {
    const d = deadlineOf(kind, item.id);
    if (!d) continue;
    (kind === 'action' ? actions : orders).push({
      id: item.id, kind: item.kind, description: item.description, amountPence: item.kind === 'compensation' ? item.amountPence ?? 0 : null,
      promisedOn: on, due: d.due, originalDue: d.originalDue, redated: kind === 'action' && redated.has(item.id), doneOn: d.metOn, onTime: timeliness(d, ctx.today, true),
    });
  }
  const requests = deadlines.filter((d) => d.kind === 'ombudsman-information' && d.id !== undefined).map((d): OmbudsmanRequestFacts => ({
    id: d.id as string, requestedOn: requestedOn.get(d.id as string) ?? d.originalDue, due: d.due, sentOn: d.metOn, onTime: timeliness(d, ctx.today, true),
  }));

  const details = record.details;
  return {
    id: record.id,
    reference: record.reference,
    demo: details.demo === true,
    category: record.category ?? details.complaint.category,
    serviceArea: record.serviceArea ?? details.complaint.serviceArea,
    estate: record.estate ?? details.complainant.estate,
    tenure: details.complainant.tenure || 'not-known',
    officerId: record.responsibleOfficerId ?? '',
    state,
    stage: view.stage,
    receivedOn: record.receivedOn,
    closedOn: record.closedOn,
    informal,
    refusal,
    pauses,
    pausedWorkingDays,
    stages: [...stages.values()].sort((a, b) => a.stage - b.stage),
    actions,
    ombudsman: ombudsman ? { ...ombudsman, requests, orders } : null,
  };
}
