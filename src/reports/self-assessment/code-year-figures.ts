import { compareDates, type CalendarDate } from '../../domain/calendar-date';
import type { WorkingDayCalendar } from '../../domain/working-days';
import type { CaseFacts } from '../case-facts';
import { acknowledgedWithinCode, codeResponseDue } from '../code-timescales';
import { COMPLAINT_HANDLING_CODE_2024 as CODE } from '../../domain/complaint-handling-code';

/**
 * The year's figures the self-assessment quotes as evidence, each measured against the Code's
 * own timescales (as the TSMs are), over all tenures: acknowledgements and responses within the
 * Code at stages 1 and 2, extensions beyond the Code's cap, refusals, informal-stage complaints.
 */
export interface Share { met: number; of: number; percent: number | null }

export interface StageCodeFigures {
  received: number;
  /** Of the stage's complaints received in the year: acknowledged within 5 working days (unacknowledged past that date count as not). */
  acknowledgedWithin5: Share;
  /** Of the stage's responses sent in the year: within the Code's timescales. */
  respondedWithinCode: Share;
  /** Responses sent in the year after an extension, and those whose extensions passed the Code's cap. */
  extended: number;
  extendedBeyondCap: number;
}

export interface CodeYearFigures {
  stage1: StageCodeFigures;
  stage2: StageCodeFigures;
  refusals: Array<{ reason: string; count: number }>;
  /** Complaints opened at an informal stage (before stage 1) in the year. */
  informalOpened: number;
}

const share = (met: number, of: number): Share => ({ met, of, percent: of === 0 ? null : Math.round((met / of) * 1000) / 10 });
const within = (d: CalendarDate | null, from: CalendarDate, to: CalendarDate): d is CalendarDate => d !== null && compareDates(d, from) >= 0 && compareDates(d, to) <= 0;

/** A stage's counts, as StageCodeFigures shows them. */
interface StageTally { received: number; ackMet: number; ackOf: number; responded: number; inCode: number; extended: number; extendedBeyondCap: number }

/**
 * The counts behind CodeYearFigures, added a case at a time (addToCodeFigures) and added
 * together (tally.ts): plain data. Refusals by reason are sorted only at the end, so the order
 * of adding does not show.
 */
export interface CodeFiguresTally { stage1: StageTally; stage2: StageTally; refusals: Map<string, number>; informalOpened: number }

const newStage = (): StageTally => ({ received: 0, ackMet: 0, ackOf: 0, responded: 0, inCode: 0, extended: 0, extendedBeyondCap: 0 });

export function newCodeFiguresTally(): CodeFiguresTally {
  return { stage1: newStage(), stage2: newStage(), refusals: new Map(), informalOpened: 0 };
}

/** Counts one case: its stages 1 and 2 received or responded to in the year, its refusal, its informal stage. */
export function addToCodeFigures(t: CodeFiguresTally, f: CaseFacts, period: { from: CalendarDate; to: CalendarDate }, calendar: WorkingDayCalendar, today: CalendarDate): void {
  const { from, to } = period;
  for (const s of f.stages) {
    if (s.stage !== 1 && s.stage !== 2) continue;
    const rules = s.stage === 1 ? CODE.stage1 : CODE.stage2;
    const c = s.stage === 1 ? t.stage1 : t.stage2;
    if (within(s.receivedOn, from, to)) {
      c.received++;
      const inTime = acknowledgedWithinCode(s, calendar);
      // Not acknowledged and still within its 5 days: not yet counted either way.
      if (inTime !== null || compareDates(today, calendar.addWorkingDays(s.receivedOn, rules.acknowledgeWorkingDays)) > 0) {
        c.ackOf++;
        if (inTime === true) c.ackMet++;
      }
    }
    if (within(s.respondedOn, from, to)) {
      c.responded++;
      const due = codeResponseDue(s, calendar);
      if (due !== null && compareDates(s.respondedOn, due) <= 0) c.inCode++;
      if (s.extensions > 0) c.extended++;
      if (s.extensionDays > rules.extensionCapWorkingDays) c.extendedBeyondCap++;
    }
  }
  if (f.refusal && within(f.refusal.on, from, to)) t.refusals.set(f.refusal.reason, (t.refusals.get(f.refusal.reason) ?? 0) + 1);
  if (f.informal && within(f.receivedOn, from, to)) t.informalOpened++;
}

const stageFigures = (c: StageTally): StageCodeFigures => ({
  received: c.received,
  acknowledgedWithin5: share(c.ackMet, c.ackOf),
  respondedWithinCode: share(c.inCode, c.responded),
  extended: c.extended,
  extendedBeyondCap: c.extendedBeyondCap,
});

export function codeYearFiguresOf(t: CodeFiguresTally): CodeYearFigures {
  return {
    stage1: stageFigures(t.stage1),
    stage2: stageFigures(t.stage2),
    refusals: [...t.refusals].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    informalOpened: t.informalOpened,
  };
}
