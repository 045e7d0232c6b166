import { addMonths, type CalendarDate } from '../../domain/calendar-date';
import { isTerminal } from '../../domain/case-state';
import { maySeeCaseRead, seesEveryCase } from '../../domain/case-access';
import type { TimelineContext } from '../../domain/case-timeline';
import type { Directory, DirectoryPerson } from '../../domain/directory';
import { stageName, type Policy } from '../../domain/policy';
import type { WorkingDayCalendar } from '../../domain/working-days';
import type { CaseStore, ReportCaseRecord } from '../../store/case-store.port';
import { caseFacts, type ReportContext } from '../case-facts';
import { memoCalendar } from '../memo-calendar';
import {
  addOutstanding, inFollowUpPopulation, newOutstanding, ombudsmanCaseOf, requestDated, sortOmbudsmanCases, type OmbudsmanCase, type Outstanding,
} from '../follow-up-figures';
import { countsTsms, nationalMeasuresOf, stageReturnOptions } from '../national-measures';
import { endOfWeek, logBucket, officerName } from '../open-cases-log';
import type { Period } from '../periods';
import { addToStageReturn, type StageReturnOptions, type StageReturnTally } from '../shr-return';
import { addToTsmTally, newTsmTally, tsmFiguresOf, type TsmTally } from '../tsm';
import { addToTrend, overdueWhat, quarterToDate, trendMonths, trendOf, type DashboardFigures, type OverdueItem } from './dashboard-figures';

/**
 * The dashboard's figures counted a case at a time, as the store gives them a page at a time
 * (reportCasesReceivedBetween), so a page load holds one page of cases and the counts, never
 * every case: the same figures as the whole-list form it is tested against (dashboardFigures, in
 * test/reports/whole-list-reference.ts).
 *
 * What is kept beyond counts is what the page may show: the overdue rows and the cases at the
 * Ombudsman (a few hundred at a large landlord; each a row's worth of fields, with whether the
 * viewer may see its case, asked as the case is read: maySeeCaseRead, from the case's view and
 * who logged it, so no case is read twice). The quarter's TSMs are counted as the other figures
 * are, into tsm.ts's tally, so the dashboard and `report --tsm` share one rule for what counts.
 * A tally is one viewer's: the figures are everyone's, the rows marked shown are theirs.
 */
export interface DashboardContext {
  directory: Directory;
  policy: Policy;
  calendar: WorkingDayCalendar;
  today: CalendarDate;
  homes: { lcra: number; lcho: number } | null;
}

/** A row a table may name, and whether the viewer may see the case it names (if not, it is only counted). */
interface CandidateRow<T> { row: T; shown: boolean }

type Buckets = { overdue: number; thisWeek: number; later: number };

export interface DashboardTally {
  open: Buckets & { total: number };
  byStage: Map<number, Buckets>;
  /** Unsorted, in the order of the cases. */
  overdue: Array<CandidateRow<OverdueItem>>;
  /**
   * What is outstanding today of the remedies, the Ombudsman's orders and its requests for
   * information, counted as the report's follow-up tallies count them (follow-up-figures.ts). Only
   * `overdue` is read: the page shows how many are overdue (casesOverdue here would count a case's
   * remedies, orders and requests apart).
   */
  followUps: Outstanding;
  /** Unsorted: referred in the last twelve months and not determined, or with orders not complied with. */
  atOmbudsman: Array<CandidateRow<OmbudsmanCase>>;
  /** The quarter's TSMs; null when they are not counted (no homes given, or not England's Code). */
  tsm: TsmTally | null;
  /** Null under England's Code (national-measures.ts). */
  national: StageReturnTally | null;
  trend: Map<string, number[]>;
  demoCases: number;
}

/** What is the same for every case of one page load, worked out once. */
export interface DashboardRun extends DashboardContext {
  /** Whose page: the tables list only the cases they may see. */
  viewer: DirectoryPerson;
  /** The complaints team and the PIM: every row is shown, and nobody's view is derived to ask. */
  everyCase: boolean;
  /** The rules who may see a case are judged under (with the run's memo calendar). */
  access: TimelineContext & { directory: Directory };
  facts: ReportContext;
  weekEnds: CalendarDate;
  quarter: Period;
  months: string[];
  ombudsmanFrom: CalendarDate;
  countTsms: boolean;
  national: StageReturnOptions | null;
}

export function dashboardRun(ctx: DashboardContext, viewer: DirectoryPerson): DashboardRun {
  const quarter = quarterToDate(ctx.today);
  // The memo calendar, as reportContext gives the reports: the calendar's answers, from tables.
  const calendar = memoCalendar(ctx.calendar);
  return {
    ...ctx, calendar, viewer, everyCase: seesEveryCase(viewer), access: { policy: ctx.policy, calendar, directory: ctx.directory },
    facts: { policy: ctx.policy, calendar, today: ctx.today }, weekEnds: endOfWeek(ctx.today), quarter, months: trendMonths(ctx.today), ombudsmanFrom: addMonths(ctx.today, -12),
    countTsms: ctx.homes !== null && countsTsms(ctx.policy),
    national: countsTsms(ctx.policy) ? null : stageReturnOptions(ctx.policy, calendar, quarter),
  };
}

function newDashboardTally(run: DashboardRun): DashboardTally {
  return {
    open: { total: 0, overdue: 0, thisWeek: 0, later: 0 }, byStage: new Map(), overdue: [], followUps: newOutstanding(),
    atOmbudsman: [], tsm: run.countTsms ? newTsmTally() : null, national: run.national ? new Map() : null, trend: new Map(), demoCases: 0,
  };
}

function addToDashboard(t: DashboardTally, record: ReportCaseRecord, run: DashboardRun): void {
  const { today } = run;
  // Asked only of a case a table could name, and at most once.
  let seen: boolean | undefined;
  const shown = (): boolean => (seen ??= run.everyCase || maySeeCaseRead(record, run.viewer, run.access));
  if (!isTerminal(record.state)) {
    // The log's buckets (open-cases-log.ts), so the tile and the `log` command never disagree.
    const bucket = logBucket(record.nextDueOn, today, run.weekEnds);
    t.open.total++;
    t.open[bucket]++;
    const stage = t.byStage.get(record.stage) ?? { overdue: 0, thisWeek: 0, later: 0 };
    stage[bucket]++;
    t.byStage.set(record.stage, stage);
    if (record.details.demo === true) t.demoCases++;
    if (bucket === 'overdue' && record.nextDueOn !== null) {
      const due = record.nextDueOn;
      t.overdue.push({
        shown: shown(),
        row: {
          reference: record.reference, stage: record.stage, what: overdueWhat(record.deadlines, due), due,
          workingDaysOverdue: -run.calendar.workingDaysUntil(today, due), officer: officerName(run.directory, record.responsibleOfficerId), demo: record.details.demo === true,
        },
      });
    }
  }
  const f = caseFacts(record, run.facts);
  if (inFollowUpPopulation(f, today)) {
    addOutstanding(t.followUps, f.actions);
    if (f.ombudsman) {
      addOutstanding(t.followUps, f.ombudsman.orders);
      addOutstanding(t.followUps, f.ombudsman.requests.map(requestDated));
    }
    const c = ombudsmanCaseOf(f, run.ombudsmanFrom, today);
    if (c && (c.determinedOn === null || c.ordersComplied < c.orders)) t.atOmbudsman.push({ shown: shown(), row: c });
  }
  if (t.tsm) addToTsmTally(t.tsm, f, run.quarter, run.calendar);
  if (t.national && run.national) addToStageReturn(t.national, f, run.national);
  addToTrend(t.trend, f, run.months, today);
}

/** Reads every case received up to today, a page at a time, into the dashboard's tally. */
export async function readDashboardTally(cases: Pick<CaseStore, 'reportCasesReceivedBetween'>, run: DashboardRun, options: { pageSize?: number } = {}): Promise<DashboardTally> {
  const t = newDashboardTally(run);
  for await (const record of cases.reportCasesReceivedBetween('0001-01-01', run.today, options)) addToDashboard(t, record, run);
  return t;
}

/** The figures from the tally; the tables list only the rows of cases the viewer may see, and count the others. */
export function dashboardFiguresOf(t: DashboardTally, run: DashboardRun): DashboardFigures {
  const { today, policy, calendar } = run;
  // The shown rows, then sorted: the sorts are stable, so this is the order of sorting every row and keeping the shown.
  const overdueShown = t.overdue.filter((c) => c.shown).map((c) => c.row).sort((a, b) => a.due.localeCompare(b.due) || a.reference.localeCompare(b.reference));
  const ombudsmanShown = sortOmbudsmanCases(t.atOmbudsman.filter((c) => c.shown).map((c) => c.row));
  return {
    today,
    open: { ...t.open },
    byStage: [...t.byStage.entries()].sort(([a], [b]) => a - b).map(([stage, b]) => ({ stage, name: stageName(policy, stage), ...b })),
    overdue: overdueShown,
    followUpsOverdue: t.followUps.overdue,
    quarter: run.quarter,
    tsm: t.tsm && run.homes ? tsmFiguresOf(t.tsm, { ...run.quarter, homes: run.homes }) : null,
    national: nationalMeasuresOf(t.national, policy, calendar, run.quarter),
    ombudsmanName: policy.ombudsman.name,
    trend: trendOf(t.trend, run.months),
    ombudsman: ombudsmanShown,
    notShown: { overdue: t.overdue.length - overdueShown.length, ombudsman: t.atOmbudsman.length - ombudsmanShown.length },
    demoCases: t.demoCases,
  };
}
