import type { CalendarDate } from '../domain/calendar-date';
import type { ResponseOutcome } from '../domain/case-events';
import { isTerminal, type CaseState } from '../domain/case-state';
import { deriveCase } from '../domain/case-timeline';
import { timeliness, type Timeliness } from '../domain/timeliness';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { CaseRecord } from '../domain/case-record';

/**
 * What the reports need to know about one case, read from its events (the truth) and its
 * deadlines as the domain derives them (replayed with deriveCase; the stored projection is
 * used only if the case no longer replays under the policy given). Pure: `today` is passed in.
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

export interface CaseFacts {
  id: string;
  reference: string;
  /** An invented case (`details.demo`: `complaints demo`, the `npm run dev` demo case). */
  demo: boolean;
  category: string;
  serviceArea: string;
  estate: string;
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

export function caseFacts(record: CaseRecord, ctx: ReportContext): CaseFacts {
  const derived = deriveCase(record.events, { policy: ctx.policy, calendar: ctx.calendar });
  const deadlines = derived.ok ? derived.view.deadlines : record.deadlines;
  const state = derived.ok ? derived.view.state : record.state;
  const terminal = isTerminal(state);
  const stages = new Map<number, StageFacts>();
  let current = 0;
  let refusal: CaseFacts['refusal'] = null;
  let informal = false;
  let pauses = 0;
  let pausedWorkingDays = 0;
  let pausedOn: CalendarDate | null = null;

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

  const details = record.details;
  return {
    id: record.id,
    reference: record.reference,
    demo: details.demo === true,
    category: record.category ?? details.complaint.category,
    serviceArea: record.serviceArea ?? details.complaint.serviceArea,
    estate: record.estate ?? details.complainant.estate,
    officerId: record.responsibleOfficerId ?? '',
    state,
    stage: derived.ok ? derived.view.stage : record.stage,
    receivedOn: record.receivedOn,
    closedOn: record.closedOn,
    informal,
    refusal,
    pauses,
    pausedWorkingDays,
    stages: [...stages.values()].sort((a, b) => a.stage - b.stage),
  };
}
