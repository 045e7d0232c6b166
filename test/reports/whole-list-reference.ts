import { addMonths, type CalendarDate } from '../../src/domain/calendar-date';
import type { CaseRecord } from '../../src/domain/case-record';
import type { Directory } from '../../src/domain/directory';
import { stageName, type Policy } from '../../src/domain/policy';
import type { WorkingDayCalendar } from '../../src/domain/working-days';
import { caseFacts, type CaseFacts, type ReportContext } from '../../src/reports/case-facts';
import { complaintsLogCsv } from '../../src/reports/complaints-log';
import {
  addToTrend, overdueWhat, quarterToDate, trendMonths, trendOf, type DashboardFigures, type OverdueItem,
} from '../../src/reports/dashboard/dashboard-figures';
import { ombudsmanCases, ombudsmanFigures, remedyFigures } from '../../src/reports/follow-up-figures';
import { renderHtmlReport } from '../../src/reports/html-report';
import { countsTsms, nationalMeasuresOf, stageReturnOptions, type NationalMeasures } from '../../src/reports/national-measures';
import { openCasesLog, type LogItem } from '../../src/reports/open-cases-log';
import { inPeriod, refusalReasonsOf } from '../../src/reports/performance';
import { reportFromFacts } from '../../src/reports/report';
import { csvReportFile, htmlReportFile, reportRowsOf, type ReportFile, type ReportFileKind } from '../../src/reports/report-files';
import { codeYearFiguresOf, addToCodeFigures, newCodeFiguresTally, type CodeYearFigures } from '../../src/reports/self-assessment/code-year-figures';
import { addToStageReturn, type StageReturnTally } from '../../src/reports/shr-return';
import { tsmFigures } from '../../src/reports/tsm';

/**
 * The whole-list forms of what the bot now counts a page at a time: every case's record and facts
 * in memory, each figure over the list. The streamed reads are tested against them (the same
 * figures, tables and bytes), so they stay as they were, but they are test support: nothing in
 * the bot may hold every case.
 */

/**
 * One of the Teams report's files. `rows` are the cases whose rows the person may have
 * (casesVisibleTo; all of `records` when absent): the CSV log is one row per case, so only theirs;
 * the HTML report's figures count every case, and its per-case parts only theirs (reportRowsOf).
 */
export function renderReportFile(kind: ReportFileKind, records: readonly CaseRecord[], ctx: ReportContext, period: { from: CalendarDate; to: CalendarDate }, rows: readonly CaseRecord[] = records): ReportFile {
  if (kind === 'log-csv') return csvReportFile(period, complaintsLogCsv(rows, ctx, period));
  const facts = records.map((r) => caseFacts(r, ctx));
  const report = reportFromFacts(facts, ctx, { from: period.from, to: period.to, homes: null });
  if (rows === records) return htmlReportFile(period, renderHtmlReport(report));
  const shown = new Set(rows.map((r) => r.reference));
  const reasons = new Map<string, number>();
  for (const f of facts) if (f.refusal && shown.has(f.reference) && inPeriod(f, period.from, period.to)) reasons.set(f.refusal.reason, (reasons.get(f.refusal.reason) ?? 0) + 1);
  return htmlReportFile(period, renderHtmlReport(reportRowsOf(report, shown, refusalReasonsOf(reasons))));
}

/** The regulator's measures for the policy's nation, over a list of facts. */
export function nationalMeasures(facts: readonly CaseFacts[], policy: Policy, calendar: WorkingDayCalendar, period: { from: CalendarDate; to: CalendarDate }): NationalMeasures {
  if (countsTsms(policy)) return { kind: 'england-tsm' };
  const options = stageReturnOptions(policy, calendar, period);
  const t: StageReturnTally = new Map();
  for (const f of facts) addToStageReturn(t, f, options);
  return nationalMeasuresOf(t, policy, calendar, period);
}

/** The self-assessment's figures against the Code, over a list of facts. */
export function codeYearFigures(facts: readonly CaseFacts[], period: { from: CalendarDate; to: CalendarDate }, calendar: WorkingDayCalendar, today: CalendarDate): CodeYearFigures {
  const t = newCodeFiguresTally();
  for (const f of facts) addToCodeFigures(t, f, period, calendar, today);
  return codeYearFiguresOf(t);
}

export interface DashboardInput {
  records: readonly CaseRecord[];
  facts: readonly CaseFacts[];
  directory: Directory;
  policy: Policy;
  calendar: WorkingDayCalendar;
  today: CalendarDate;
  homes: { lcra: number; lcho: number } | null;
  /**
   * Whether the viewer may see the case with this reference (casesVisibleTo); every case when
   * absent. The tiles, charts and measures count every case; the overdue and Ombudsman tables,
   * which name cases and officers, list only these.
   */
  mayShow?: (reference: string) => boolean;
}

/** The dashboard's figures from every case's record and facts, as the tab made them before dashboard-tally.ts. */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const { today, calendar, policy } = input;
  const log = openCasesLog(input.records, {}, today, input.directory);
  const byId = new Map(input.records.map((r) => [r.id, r]));
  const stages = [...new Set([...log.overdue, ...log.thisWeek, ...log.later].map((i) => i.stage))].sort((a, b) => a - b);
  const count = (list: readonly LogItem[], stage: number): number => list.filter((i) => i.stage === stage).length;

  const overdue = log.overdue.map((item): OverdueItem => {
    const due = item.nextDueOn as CalendarDate;
    return {
      reference: item.reference, stage: item.stage, what: overdueWhat(byId.get(item.caseId)?.deadlines, due), due,
      workingDaysOverdue: -calendar.workingDaysUntil(today, due), officer: item.officer, demo: item.demo === true,
    };
  });

  const soFar = quarterToDate(today);
  const remedies = remedyFigures(input.facts, today, today);
  const omb = ombudsmanFigures(input.facts, today, today);
  const atOmbudsman = ombudsmanCases(input.facts, addMonths(today, -12), today).filter((c) => c.determinedOn === null || c.ordersComplied < c.orders);
  const shown = <T extends { reference: string }>(rows: readonly T[]): T[] => (input.mayShow ? rows.filter((r) => input.mayShow?.(r.reference)) : [...rows]);
  const overdueShown = shown(overdue);
  const ombudsmanShown = shown(atOmbudsman);

  return {
    today,
    open: { total: log.total, overdue: log.overdue.length, thisWeek: log.thisWeek.length, later: log.later.length },
    byStage: stages.map((stage) => ({ stage, name: stageName(policy, stage), overdue: count(log.overdue, stage), thisWeek: count(log.thisWeek, stage), later: count(log.later, stage) })),
    overdue: overdueShown,
    followUpsOverdue: remedies.outstandingNow.overdue + omb.ordersOutstanding.overdue + omb.informationOutstanding.overdue,
    quarter: soFar,
    tsm: input.homes && countsTsms(policy) ? tsmFigures(input.facts, { from: soFar.from, to: soFar.to, label: soFar.label, homes: input.homes, calendar }) : null,
    national: nationalMeasures(input.facts, policy, calendar, soFar),
    ombudsmanName: policy.ombudsman.name,
    trend: trend(input.facts, today),
    ombudsman: ombudsmanShown,
    notShown: { overdue: overdue.length - overdueShown.length, ombudsman: atOmbudsman.length - ombudsmanShown.length },
    demoCases: input.records.filter((r) => r.details.demo === true && !['closed', 'withdrawn', 'refused'].includes(r.state)).length,
  };
}

/** Complaints first received per month over the last twelve months (this one included), by category. */
function trend(facts: readonly CaseFacts[], today: CalendarDate): DashboardFigures['trend'] {
  const months = trendMonths(today);
  const counts = new Map<string, number[]>();
  for (const f of facts) addToTrend(counts, f, months, today);
  return trendOf(counts, months);
}
