import type { CalendarDate } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import type { Timeliness } from '../domain/timeliness';
import { caseFacts, type CaseFacts, type ReportContext } from './case-facts';
import { learningByCategory, type LearningGroup } from './learning';
import { inPeriod, performanceFromFacts, type PerformanceFigures, type PeriodOptions } from './performance';

/**
 * The full report for a period: the performance figures, the learning, and, where the
 * policy has a third stage (City of London: a Chief Officer), a confidential briefing on the
 * stage 3 complaints. Facts are computed once per case and shared.
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
}

export function reportFromFacts(all: readonly CaseFacts[], ctx: ReportContext, options: PeriodOptions): ComplaintsReport {
  const facts = all.filter((f) => inPeriod(f, options.from, options.to));
  const hasStage3 = ctx.policy.stages.length >= 3;
  return {
    figures: performanceFromFacts(facts, ctx, options),
    learning: learningByCategory(facts),
    stage3: hasStage3
      ? facts.flatMap((f) => f.stages.filter((s) => s.stage === 3).map((s): Stage3Item => ({
        reference: f.reference, category: f.category, estate: f.estate, receivedOn: s.receivedOn, respondedOn: s.respondedOn,
        due: s.respond?.due ?? null, onTime: s.respond?.onTime ?? 'n/a', outcome: s.outcome ?? '', remedy: s.remedy, state: f.state, demo: f.demo,
      })))
      : null,
  };
}

export function buildReport(records: readonly CaseRecord[], ctx: ReportContext, options: PeriodOptions): ComplaintsReport {
  return reportFromFacts(records.map((r) => caseFacts(r, ctx)), ctx, options);
}
