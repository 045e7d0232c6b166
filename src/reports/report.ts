import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import type { Timeliness } from '../domain/timeliness';
import { caseFacts, type CaseFacts, type ReportContext } from './case-facts';
import {
  addToOmbudsmanTally, addToRemedyTally, inFollowUpPopulation, newOmbudsmanTally, newRemedyTally, ombudsmanCaseOf, ombudsmanFiguresOf, remedyFiguresOf, sortOmbudsmanCases,
  type OmbudsmanCase, type OmbudsmanTally, type RemedyTally,
} from './follow-up-figures';
import { addLessons, learningOf, type LearningGroup, type LessonTally } from './learning';
import { memoCalendar } from './memo-calendar';
import { countsTsms, nationalMeasuresOf, stageReturnOptions, type NationalMeasures } from './national-measures';
import { addToPeriodTally, inPeriod, newPeriodTally, periodFigures, type PerformanceFigures, type PeriodOptions, type PeriodTally } from './performance';
import { addToStageReturn, type StageReturnOptions, type StageReturnTally } from './shr-return';

/**
 * The full report for a period: the performance figures, the learning, and, where the
 * policy has a third stage (City of London: a Chief Officer), a confidential briefing on the
 * stage 3 complaints. Facts are computed once per case and shared. Give it every case received
 * up to the period's end (`reportStoreRange`): the complaints received in the period are picked
 * out here, and the remedies and the Ombudsman are counted by their own dates over them all.
 */
export interface Stage3Item {
  reference: string;
  category: string;
  estate: string;
  receivedOn: CalendarDate;
  respondedOn: CalendarDate | null;
  due: CalendarDate | null;
  onTime: Timeliness;
  outcome: string;
  remedy: string;
  state: string;
  /** An invented case (`details.demo`). */
  demo: boolean;
}

export interface ComplaintsReport {
  figures: PerformanceFigures;
  learning: LearningGroup[];
  /** Null when the policy has no stage 3. */
  stage3: Stage3Item[] | null;
  /** The cases at the policy's ombudsman the governing body hears about (referred or determined in the period, or with an order or request open). */
  ombudsmanCases: OmbudsmanCase[];
  /** The regulator's measures for the policy's nation, or that they are England's TSMs (national-measures.ts). */
  national: NationalMeasures;
}

/** The receipt dates of the cases a report for [from, to] reads from the store: everything received up to `to`. */
export function reportStoreRange(period: { from: CalendarDate; to: CalendarDate }): { from: CalendarDate; to: CalendarDate } {
  return { from: '0001-01-01', to: period.to };
}

/**
 * What a report counts, a case at a time (addToReport), in one tally (tally.ts): the cases first
 * received in the period for the figures, the learning and the stage 3 briefing; every case
 * given (received up to the period's end) for the remedies, the Ombudsman and the national
 * measures. Tallies of runs of cases add up to the tally of them all, in order.
 */
export interface ReportTally {
  period: PeriodTally;
  lessons: LessonTally;
  stage3: Stage3Item[];
  remedies: RemedyTally;
  ombudsman: OmbudsmanTally;
  /** Unsorted, in the order of the cases. */
  ombudsmanCases: OmbudsmanCase[];
  /** Null under England's Code (national-measures.ts). */
  national: StageReturnTally | null;
}

export function newReportTally(ctx: ReportContext): ReportTally {
  return {
    period: newPeriodTally(), lessons: new Map(), stage3: [], remedies: newRemedyTally(), ombudsman: newOmbudsmanTally(), ombudsmanCases: [],
    national: countsTsms(ctx.policy) ? null : new Map(),
  };
}

/**
 * The stage return's options for a run (null under England's Code, which counts TSMs instead):
 * the same for every case, so a caller counting many works them out once and passes them in.
 */
export function stageReturnOptionsOf(ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }): StageReturnOptions | null {
  return countsTsms(ctx.policy) ? null : stageReturnOptions(ctx.policy, ctx.calendar, period);
}

/**
 * Counts one case. `ctx` with the memo calendar (memoCalendar): the figures count working days for
 * every response. Returns the row it listed among the cases at the Ombudsman, or null, so that a
 * caller naming those rows (the Teams report's files) asks who may see exactly the cases listed.
 */
export function addToReport(
  t: ReportTally, f: CaseFacts, ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, national = stageReturnOptionsOf(ctx, period),
): OmbudsmanCase | null {
  const { from, to } = period;
  let listed: OmbudsmanCase | null = null;
  if (inPeriod(f, from, to)) {
    addToPeriodTally(t.period, f, ctx.calendar);
    addLessons(t.lessons, f);
    if (ctx.policy.stages.length >= 3) {
      for (const s of f.stages) {
        if (s.stage !== 3) continue;
        t.stage3.push({
          reference: f.reference, category: f.category, estate: f.estate, receivedOn: s.receivedOn, respondedOn: s.respondedOn,
          due: s.respond?.due ?? null, onTime: s.respond?.onTime ?? 'n/a', outcome: s.outcome ?? '', remedy: s.remedy, state: f.state, demo: f.demo,
        });
      }
    }
  }
  if (inFollowUpPopulation(f, to)) {
    addToRemedyTally(t.remedies, f, from, to);
    addToOmbudsmanTally(t.ombudsman, f, from, to);
    listed = ombudsmanCaseOf(f, from, to);
    if (listed) t.ombudsmanCases.push(listed);
  }
  // Counted by each stage's own dates over every case given, not only those first received in the period.
  if (t.national && national) addToStageReturn(t.national, f, national);
  return listed;
}

/** The report from its tally (whose lists it sorts). */
export function reportOfTally(t: ReportTally, ctx: ReportContext, options: PeriodOptions): ComplaintsReport {
  const period = { from: options.from, to: options.to };
  return {
    figures: periodFigures(t.period, remedyFiguresOf(t.remedies), ombudsmanFiguresOf(t.ombudsman), ctx, options),
    learning: learningOf(t.lessons),
    stage3: ctx.policy.stages.length >= 3 ? t.stage3 : null,
    ombudsmanCases: sortOmbudsmanCases(t.ombudsmanCases),
    national: nationalMeasuresOf(t.national, ctx.policy, ctx.calendar, period),
  };
}

/** The same calendar, answering from tables: the figures count working days for every response (memo-calendar.ts). */
export function reportContext(given: ReportContext): ReportContext {
  return { ...given, calendar: memoCalendar(given.calendar) };
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToReport). */
export function reportFromFacts(all: readonly CaseFacts[], given: ReportContext, options: PeriodOptions): ComplaintsReport {
  const ctx = reportContext(given);
  const t = newReportTally(ctx);
  const national = stageReturnOptionsOf(ctx, options);
  for (const f of all) addToReport(t, f, ctx, options, national);
  return reportOfTally(t, ctx, options);
}

/** The whole-list form (every case's facts in memory), kept as the reference the hand-counted tests and the streamed reads are tested against: not for the bot or the commands, which count a case at a time (addToReport). */
export function buildReport(records: readonly CaseRecord[], ctx: ReportContext, options: PeriodOptions): ComplaintsReport {
  return reportFromFacts(records.map((r) => caseFacts(r, ctx)), ctx, options);
}
