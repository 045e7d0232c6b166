import { compareDates, type CalendarDate } from '../domain/calendar-date';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { CaseFacts, StageFacts } from './case-facts';

/**
 * Complaints counted by each stage's own dates, as the Scottish Housing Regulator's Annual
 * Return on the Charter (ARC) counts them, and as the Welsh report shows them (Wales has no
 * statutory measure; there the same counts are labelled as the policy's own). Pure.
 *
 * What the ARC asks, as far as the stored pages settle it:
 * - The SHR's "Scottish Social Housing Charter Technical Guidance for Landlords" (March 2020;
 *   stored transcript at fdocuments.net) heads the complaints indicator with "(iii) number of
 *   1st and 2nd stage complaints carried forward from previous reporting year. (iv) Number of
 *   1st and 2nd stage complaints" [received in the year]: hence `carriedForward` and `received`.
 * - The SHR's FAQ on the guidance (housingregulator.gov.scot, "Scottish Social Housing Charter:
 *   your frequently asked questions", indicators 3 and 4): "a stage 1 complaint which progresses
 *   to a stage 2 complaint should be recorded as a stage 1 complaint and a stage 2 complaint".
 *   A complaint received directly at stage 2 has no stage 1 and counts at stage 2 only.
 * - The rest (responded to in full in the year, the number and share within the SPSO model's
 *   timescales, the average working days to a full response) is the indicator as landlords
 *   publish it (e.g. West Lothian: "Stage 1 complaints resolved within 5 working days"); the
 *   stored pages do not give the guidance's own wording for these, so the definitions below
 *   are ours: see docs/reports.md, "Scotland and Wales".
 *
 * Different from the period report's per-stage figures (performance.ts), whose population is
 * the cases first received in the period: there a case received in March and escalated in May
 * counts at stage 2 in March's report. Here each stage counts in the period its own dates fall
 * in, so the caller must give every case received up to the period's end.
 */
export interface StageReturn {
  stage: number;
  name: string;
  /** Received before the period and neither responded to nor closed before it began. */
  carriedForward: number;
  /** Received at this stage in the period (an escalation is received at stage 2 on the day it was asked for). */
  received: number;
  /** Responded to in full in the period: the stage's response was sent in it. */
  respondedInFull: number;
  /** Of those, sent on or before the policy's own date (after agreed extensions). */
  withinTimescale: number;
  /** withinTimescale / respondedInFull, one decimal; null when nothing was responded to. */
  withinTimescalePercent: number | null;
  /** Mean working days from the stage's receipt to its response, over respondedInFull, one decimal. */
  averageWorkingDays: number | null;
  /** The policy's timescale for the response, in working days, before any extension. */
  timescaleWorkingDays: number;
}

export interface StageReturnFigures {
  period: { from: CalendarDate; to: CalendarDate };
  stages: StageReturn[];
  counting: string[];
}

export interface StageReturnOptions {
  from: CalendarDate;
  to: CalendarDate;
  calendar: WorkingDayCalendar;
  /** The policy's formal stages, with their response timescale. */
  stages: ReadonlyArray<{ number: number; name: string; respondWorkingDays: number }>;
}

export const STAGE_RETURN_COUNTING_NOTES = [
  'Each stage counts in the period its own dates fall in: received when the stage was received, responded to in full when its response was sent, whenever the complaint was first made.',
  'A stage 1 complaint escalated to stage 2 counts at stage 1 and at stage 2; one received directly at stage 2 counts at stage 2 only.',
  'Carried forward: received before the period and not yet responded to, withdrawn or closed when it began.',
  'Within timescale: responded to on or before the policy\'s own date for the stage, after any extension agreed on the case.',
  'Average time: working days from the stage\'s receipt to its full response, over the responses sent in the period.',
] as const;

const within = (d: CalendarDate | null, from: CalendarDate, to: CalendarDate): d is CalendarDate =>
  d !== null && compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
const before = (d: CalendarDate | null, day: CalendarDate): d is CalendarDate => d !== null && compareDates(d, day) < 0;
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** Still open when the period began: a withdrawn or closed case is over on its closing date. */
function openAt(f: CaseFacts, s: StageFacts, day: CalendarDate): boolean {
  return before(s.receivedOn, day) && !before(s.respondedOn, day) && !before(f.closedOn, day) && f.refusal === null;
}

/** One stage's counts for the return, added a case at a time: a tally (tally.ts), keyed by the policy's stage number. */
interface StageReturnCounts { carriedForward: number; received: number; respondedInFull: number; withinTimescale: number; workingDays: number }
export type StageReturnTally = Map<number, StageReturnCounts>;

const newCounts = (): StageReturnCounts => ({ carriedForward: 0, received: 0, respondedInFull: 0, withinTimescale: 0, workingDays: 0 });

export function addToStageReturn(t: StageReturnTally, f: CaseFacts, options: StageReturnOptions): void {
  if (f.refusal) return;
  const { from, to, calendar } = options;
  for (const ps of options.stages) {
    for (const s of f.stages) {
      if (s.stage !== ps.number) continue;
      let c = t.get(ps.number);
      if (!c) {
        c = newCounts();
        t.set(ps.number, c);
      }
      if (openAt(f, s, from)) c.carriedForward++;
      if (within(s.receivedOn, from, to)) c.received++;
      if (within(s.respondedOn, from, to)) {
        c.respondedInFull++;
        if (s.respond !== null && compareDates(s.respondedOn, s.respond.due) <= 0) c.withinTimescale++;
        c.workingDays += calendar.workingDaysBetween(s.receivedOn, s.respondedOn);
      }
    }
  }
}

export function stageReturnOf(t: StageReturnTally, options: StageReturnOptions): StageReturnFigures {
  const { from, to } = options;
  const stages = options.stages.map((ps): StageReturn => {
    const c = t.get(ps.number) ?? newCounts();
    return {
      stage: ps.number,
      name: ps.name,
      carriedForward: c.carriedForward,
      received: c.received,
      respondedInFull: c.respondedInFull,
      withinTimescale: c.withinTimescale,
      withinTimescalePercent: c.respondedInFull ? oneDecimal((c.withinTimescale / c.respondedInFull) * 100) : null,
      averageWorkingDays: c.respondedInFull ? oneDecimal(c.workingDays / c.respondedInFull) : null,
      timescaleWorkingDays: ps.respondWorkingDays,
    };
  });
  return { period: { from, to }, stages, counting: [...STAGE_RETURN_COUNTING_NOTES] };
}

export function stageReturnFigures(facts: readonly CaseFacts[], options: StageReturnOptions): StageReturnFigures {
  const t: StageReturnTally = new Map();
  for (const f of facts) addToStageReturn(t, f, options);
  return stageReturnOf(t, options);
}
