import { addMonths, compareDates, type CalendarDate } from '../../domain/calendar-date';
import type { Deadline, DeadlineKind } from '../../domain/case-state';
import { CATEGORIES } from '../../intake/intake-options';
import type { CaseFacts } from '../case-facts';
import type { OmbudsmanCase } from '../follow-up-figures';
import { parsePeriod, type Period } from '../periods';
import type { NationalMeasures } from '../national-measures';
import type { TsmFigures } from '../tsm';
import { isComplaintDeadline } from '../../domain/case-state';

/**
 * What the complaints team's dashboard in Teams shows, worked out from the cases: the open
 * cases by stage and by when their next deadline falls (the same buckets, from the same
 * function, as the `log` command, so the two never disagree), what is overdue, this quarter's
 * TSMs so far, the trend of complaints by category over twelve months, and the cases at the
 * Ombudsman. Pure: counted by dashboard-tally.ts as the store is read, a page at a time, with
 * the helpers here; today is passed in.
 */
export interface OverdueItem { reference: string; stage: number; what: string; due: CalendarDate; workingDaysOverdue: number; officer: string; demo: boolean }

export interface DashboardFigures {
  today: CalendarDate;
  open: { total: number; overdue: number; thisWeek: number; later: number };
  byStage: Array<{ stage: number; name: string; overdue: number; thisWeek: number; later: number }>;
  overdue: OverdueItem[];
  /** Remedies, Ombudsman orders and requests not done and past due, whatever the case's state. */
  followUpsOverdue: number;
  quarter: Period;
  /** Null when the landlord file has no homes, or the policy is not England's Code (see `national`). */
  tsm: TsmFigures | null;
  /** The quarter so far by the regulator of the policy's nation: England's TSMs (above), or the stage counts with why there are no TSMs. */
  national: NationalMeasures;
  /** The policy's ombudsman, as a sentence names it after "the". */
  ombudsmanName: string;
  trend: { months: string[]; categories: Array<{ key: string; label: string; counts: number[] }> };
  ombudsman: OmbudsmanCase[];
  /** How many overdue and Ombudsman rows were left out: other teams' cases, which the viewer may not see (counted in the figures all the same). */
  notShown: { overdue: number; ombudsman: number };
  demoCases: number;
}

const WHAT: Record<DeadlineKind, string> = {
  resolve: 'Informal resolution', acknowledge: 'Acknowledgement', respond: 'Response', draft: 'Draft response', 'comment-window': 'Comments on the draft',
  'final-decision': 'Final decision', 'tell-resident': 'Tell the resident', action: 'Remedy', 'ombudsman-information': 'Information for the Ombudsman', 'ombudsman-order': 'Ombudsman order',
  'adjustments-review': 'Review of adjustments',
};

/** What an overdue row says is due: the case's running complaint deadline due that day. */
export function overdueWhat(deadlines: readonly Deadline[] | undefined, due: CalendarDate): string {
  // nextDueOn leaves out the adjustments review (case-projection.ts), so the row names the complaint's deadline.
  const deadline = deadlines?.find((d) => d.metOn === null && d.due === due && isComplaintDeadline(d));
  return deadline ? WHAT[deadline.kind] : 'Deadline';
}

/** The quarter today is in, up to today: the period of the dashboard's measures. */
export function quarterToDate(today: CalendarDate): Period {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const quarter = parsePeriod(`${year}-Q${Math.ceil(month / 3)}`) as Period;
  return { ...quarter, to: today, label: 'The quarter to date' };
}

/** The trend's months: the last twelve (this one included), as YYYY-MM. */
export function trendMonths(today: CalendarDate): string[] {
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) months.push(addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7));
  return months;
}

/** Counts a case in the trend (per category, a count per month): a tally (tally.ts). */
export function addToTrend(counts: Map<string, number[]>, f: Pick<CaseFacts, 'receivedOn' | 'category'>, months: readonly string[], today: CalendarDate): void {
  const first = `${months[0] ?? today.slice(0, 7)}-01`;
  if (!f.receivedOn || compareDates(f.receivedOn, first) < 0 || compareDates(f.receivedOn, today) > 0) return;
  const at = months.indexOf(f.receivedOn.slice(0, 7));
  if (at < 0) return;
  const key = f.category || 'other';
  const row = counts.get(key) ?? months.map(() => 0);
  row[at] = (row[at] ?? 0) + 1;
  counts.set(key, row);
}

/** The trend from its counts: categories by their total, most first. */
export function trendOf(counts: ReadonlyMap<string, number[]>, months: string[]): DashboardFigures['trend'] {
  return {
    months,
    categories: [...counts.entries()]
      .map(([key, row]) => ({ key, label: (CATEGORIES as Record<string, string>)[key] ?? key, counts: row }))
      .sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0) || a.key.localeCompare(b.key)),
  };
}
