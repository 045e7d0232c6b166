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

export function codeYearFigures(facts: readonly CaseFacts[], period: { from: CalendarDate; to: CalendarDate }, calendar: WorkingDayCalendar, today: CalendarDate): CodeYearFigures {
  const { from, to } = period;
  const stage = (n: 1 | 2): StageCodeFigures => {
    const rules = n === 1 ? CODE.stage1 : CODE.stage2;
    const cap = rules.extensionCapWorkingDays;
    const all = facts.flatMap((f) => f.stages.filter((s) => s.stage === n));
    const received = all.filter((s) => within(s.receivedOn, from, to));
    let ackMet = 0;
    let ackOf = 0;
    for (const s of received) {
      const inTime = acknowledgedWithinCode(s, calendar);
      const lastDay = calendar.addWorkingDays(s.receivedOn, rules.acknowledgeWorkingDays);
      if (inTime === null && compareDates(today, lastDay) <= 0) continue; // still within its 5 days
      ackOf++;
      if (inTime === true) ackMet++;
    }
    const responded = all.filter((s) => within(s.respondedOn, from, to));
    const inCode = responded.filter((s) => {
      const due = codeResponseDue(s, calendar);
      return due !== null && compareDates(s.respondedOn as CalendarDate, due) <= 0;
    });
    return {
      received: received.length,
      acknowledgedWithin5: share(ackMet, ackOf),
      respondedWithinCode: share(inCode.length, responded.length),
      extended: responded.filter((s) => s.extensions > 0).length,
      extendedBeyondCap: responded.filter((s) => s.extensionDays > cap).length,
    };
  };
  const reasons = new Map<string, number>();
  for (const f of facts) if (f.refusal && within(f.refusal.on, from, to)) reasons.set(f.refusal.reason, (reasons.get(f.refusal.reason) ?? 0) + 1);
  return {
    stage1: stage(1),
    stage2: stage(2),
    refusals: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    informalOpened: facts.filter((f) => f.informal && within(f.receivedOn, from, to)).length,
  };
}
