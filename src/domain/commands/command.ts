import type { CalendarDate } from '../calendar-date';
import type { CaseEvent } from '../case-events';
import { refuse, type CaseRefusal } from '../case-errors';
import type { CaseRecord } from '../case-record';
import type { CaseView } from '../case-state';
import { applyEvent, type TimelineContext } from '../case-timeline';
import type { Directory, DirectoryPerson } from '../directory';

/**
 * A case action as a pure function: from the case as it stands, who is acting, what they
 * asked for and the context (policy, calendar, directory, today), to the events to append,
 * or a refusal with a stable code and a plain sentence. Nothing here reads a card, a clock or
 * a store: the edge passes everything in, and stores what comes out.
 */
export interface CommandContext extends TimelineContext {
  directory: Directory;
  /** Today in Europe/London: the date an action taken now is recorded on. */
  today: CalendarDate;
}

/** A stored case with its derived view: what every command reads. */
export interface CaseFile {
  record: CaseRecord;
  view: CaseView;
}

export type Decision = { ok: true; events: CaseEvent[] } | CaseRefusal;

export interface CaseCommand<Input> {
  /**
   * Who may act, and what the case must be, before any input is known. The case card offers
   * the action exactly when this passes, and `decide` checks it again: one rule for both.
   */
  allowed(file: CaseFile, actor: DirectoryPerson, ctx: CommandContext): CaseRefusal | null;
  /** The events this input records; called only once `allowed` has passed. */
  events(file: CaseFile, actor: DirectoryPerson, input: Input, ctx: CommandContext): Decision;
}

/**
 * Runs a command: allowed, then its events, then each event through the timeline (the
 * policy's rules about what may follow what), so nothing the timeline would refuse is ever
 * stored. Returns the events to append, each stamped with the actor.
 */
export function decide<Input>(command: CaseCommand<Input>, file: CaseFile, actor: DirectoryPerson, input: Input, ctx: CommandContext): Decision {
  const notAllowed = command.allowed(file, actor, ctx);
  if (notAllowed) return notAllowed;
  const decided = command.events(file, actor, input, ctx);
  if (!decided.ok) return decided;
  const refused = replay(file.view, decided.events, actor, ctx);
  return refused ?? decided;
}

/** Whether the timeline accepts these events after the case as it stands (null) or why not. */
export function replay(view: CaseView, events: readonly CaseEvent[], actor: DirectoryPerson, ctx: TimelineContext): CaseRefusal | null {
  let current = view;
  for (const event of events) {
    const step = applyEvent(current, { ...event, by: actor.id }, ctx);
    if (!step.ok) return step;
    current = step.view;
  }
  return null;
}

/** Shorthand for `allowed`: whether the timeline would accept this event today. */
export function timelineAccepts(file: CaseFile, event: CaseEvent, actor: DirectoryPerson, ctx: CommandContext): CaseRefusal | null {
  return replay(file.view, [event], actor, ctx);
}

export function notPermitted(message: string): CaseRefusal {
  return refuse('CASE.NOT_PERMITTED', message);
}
