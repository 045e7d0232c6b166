import type { CalendarDate } from './calendar-date';
import type { CaseView, Deadline, DeadlineKind } from './case-state';
import { meetDeadline } from './deadline-rules';

/** Small helpers the timeline's steps share. */

export function meet(deadlines: readonly Deadline[], stage: number, kinds: readonly DeadlineKind[], on: CalendarDate): Deadline[] {
  return deadlines.map((d) => (d.stage === stage && kinds.includes(d.kind) ? meetDeadline(d, on) : d));
}

export function findRunning(view: CaseView, kind: DeadlineKind): Deadline | undefined {
  return view.deadlines.find((d) => d.stage === view.stage && d.kind === kind && d.metOn === null);
}

export function describeState(view: CaseView): string {
  const words: Record<CaseView['state'], string> = {
    informal: 'at the informal stage',
    'awaiting-acknowledgement': `awaiting acknowledgement at stage ${view.stage}`,
    investigating: `under investigation at stage ${view.stage}`,
    paused: `paused at stage ${view.stage}`,
    responded: `responded to at stage ${view.stage}`,
    closed: 'closed',
    withdrawn: 'withdrawn',
    refused: 'refused',
  };
  return words[view.state];
}
