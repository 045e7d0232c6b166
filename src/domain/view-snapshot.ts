import type { CalendarDate } from './calendar-date';
import type { CaseEvent } from './case-events';
import type { CaseView } from './case-state';
import { applyEvent, deriveCase, type TimelineContext, type TimelineResult } from './case-timeline';

/**
 * The derived view of a case as it stood after its first `events` events, stored with the
 * case so that a card action does not replay the whole history to find where the case is.
 * The events stay the truth: a snapshot is used only under the same rules it was made under
 * (`context`), and only its events' prefix is trusted; anything after it is replayed.
 */
export interface ViewSnapshot {
  /** How many of the case's events the view folds in. */
  events: number;
  /** The rules the view was derived under (timelineKey): another policy or calendar replays. */
  context: string;
  view: CaseView;
}

/**
 * Bumped whenever applyEvent's rules change in a way that changes a view already derived, so
 * snapshots made by an earlier release are replayed, not trusted. The policy and the calendar
 * are in the key by value (below); this covers the code.
 */
const TIMELINE_RULES = 2; // 2: the view keeps the resident's adjustments under review (adjustments-review.ts)

/** A short, stable hash of a string (cyrb53): two different rules giving the same key is not a practical risk. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const policyKeys = new WeakMap<object, string>();
const closedDays = new WeakMap<object, Map<number, string>>();

/** The weekdays of `year` the calendar does not work (bank holidays, closures), as one string; once per calendar and year. */
function closedWeekdays(calendar: TimelineContext['calendar'], year: number): string {
  let byYear = closedDays.get(calendar);
  if (!byYear) {
    byYear = new Map();
    closedDays.set(calendar, byYear);
  }
  let days = byYear.get(year);
  if (days === undefined) {
    const closed: CalendarDate[] = [];
    for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const d = new Date(day).toISOString().slice(0, 10);
      if (!calendar.isWorkingDay(d)) closed.push(d);
    }
    days = closed.join();
    byYear.set(year, days);
  }
  return days;
}

/**
 * What a view depends on besides the events: the policy (by value, so an edited policy with the
 * same id does not match), the working-day calendar over the case's years, from its first
 * event to a year after its last (the closed weekdays, so a new bank holiday does not match),
 * and the rules' version.
 */
export function timelineKey(ctx: TimelineContext, events: readonly CaseEvent[]): string {
  let policy = policyKeys.get(ctx.policy);
  if (!policy) {
    policy = hash(JSON.stringify(ctx.policy));
    policyKeys.set(ctx.policy, policy);
  }
  const from = Number(events[0]?.on.slice(0, 4));
  const to = Number(events.at(-1)?.on.slice(0, 4)) + 1;
  // Not dates a case can have: a key no snapshot matches, so the case is replayed.
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 50) return `${TIMELINE_RULES}.${policy}.none`;
  const closed: string[] = [];
  for (let year = from; year <= to; year++) closed.push(closedWeekdays(ctx.calendar, year));
  return `${TIMELINE_RULES}.${policy}.${from}-${to}.${hash(closed.join(';'))}`;
}

/** The snapshot of `view`, the view after `events` (all of the case's events so far). */
export function snapshotOf(view: CaseView, events: readonly CaseEvent[], ctx: TimelineContext): ViewSnapshot {
  return { events: events.length, context: timelineKey(ctx, events), view };
}

/** Folds more events into a view already derived: the same as deriveCase over all of them. */
export function continueCase(view: CaseView, events: readonly CaseEvent[], ctx: TimelineContext, offset = 0): TimelineResult {
  let current = view;
  for (const [index, event] of events.entries()) {
    const step = applyEvent(current, event, ctx);
    if (!step.ok) return { ...step, eventIndex: offset + index };
    current = step.view;
  }
  return { ok: true, view: current };
}

/**
 * A stored case's view: from its snapshot and the events after it when the snapshot was made
 * under these rules, else by replaying every event.
 */
export function deriveStoredCase(record: { events: readonly CaseEvent[]; snapshot?: ViewSnapshot | undefined }, ctx: TimelineContext): TimelineResult {
  const s = record.snapshot;
  if (s && Number.isInteger(s.events) && s.events > 0 && s.events <= record.events.length && s.context === timelineKey(ctx, record.events.slice(0, s.events))) {
    return continueCase(s.view, record.events.slice(s.events), ctx, s.events);
  }
  return deriveCase(record.events, ctx);
}
