import { compareDates, type CalendarDate } from './calendar-date';
import { isRunningDeadline, isTerminal, type CaseView, isComplaintDeadline } from './case-state';
import type { CaseRecord } from './case-record';

/** The query fields a stored case carries, derived from its events' view. */
export type CaseProjection = Pick<CaseRecord, 'stage' | 'state' | 'deadlines' | 'nextDueOn' | 'receivedOn' | 'closedOn' | 'responsibleOfficerId'>;

export function projectView(view: CaseView): CaseProjection {
  const open = !isTerminal(view.state);
  // The complaint's next date, as the log and the dashboard count it: the review of the
  // resident's adjustments is the officer's own (reminded through the due index all the same).
  const running = view.deadlines.filter((d) => isRunningDeadline(d, open) && isComplaintDeadline(d)).map((d) => d.due);
  const nextDueOn = running.reduce<CalendarDate | null>((min, d) => (min === null || compareDates(d, min) < 0 ? d : min), null);
  const firstReceived = Object.values(view.receivedOn).sort(compareDates)[0] ?? null;
  return {
    stage: view.stage,
    state: view.state,
    deadlines: view.deadlines,
    nextDueOn,
    receivedOn: firstReceived ?? view.closedOn,
    closedOn: view.closedOn,
    responsibleOfficerId: view.assignedTo,
  };
}
