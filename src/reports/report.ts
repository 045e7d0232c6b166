import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import type { Timeliness } from '../domain/timeliness';
import { caseFacts, type CaseFacts, type ReportContext } from './case-facts';
import { ombudsmanCases, type OmbudsmanCase } from './follow-up-figures';
import { learningByCategory, type LearningGroup } from './learning';
import { memoCalendar } from './memo-calendar';
import { nationalMeasures, type NationalMeasures } from './national-measures';
import { inPeriod, performanceFromFacts, type PerformanceFigures, type PeriodOptions } from './performance';

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

export function reportFromFacts(all: readonly CaseFacts[], given: ReportContext, options: PeriodOptions): ComplaintsReport {
  // The same calendar, answering from tables: the figures count working days for every response (memo-calendar.ts).
  const ctx: ReportContext = { ...given, calendar: memoCalendar(given.calendar) };
  const facts = all.filter((f) => inPeriod(f, options.from, options.to));
  const hasStage3 = ctx.policy.stages.length >= 3;
  return {
    figures: performanceFromFacts(all, ctx, options),
    learning: learningByCategory(facts),
    stage3: hasStage3
      ? facts.flatMap((f) => f.stages.filter((s) => s.stage === 3).map((s): Stage3Item => ({
        reference: f.reference, category: f.category, estate: f.estate, receivedOn: s.receivedOn, respondedOn: s.respondedOn,
        due: s.respond?.due ?? null, onTime: s.respond?.onTime ?? 'n/a', outcome: s.outcome ?? '', remedy: s.remedy, state: f.state, demo: f.demo,
      })))
      : null,
    ombudsmanCases: ombudsmanCases(all, options.from, options.to),
    // Counted by each stage's own dates over every case given, not only those first received in the period.
    national: nationalMeasures(all, ctx.policy, ctx.calendar, { from: options.from, to: options.to }),
  };
}

export function buildReport(records: readonly CaseRecord[], ctx: ReportContext, options: PeriodOptions): ComplaintsReport {
  return reportFromFacts(records.map((r) => caseFacts(r, ctx)), ctx, options);
}
