import { londonDateOf } from '../../domain/calendar-date';
import { hasRole, type DirectoryPerson } from '../../domain/directory';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { complaintsLogCard, reportSummaryCard } from '../../cards/report-cards';
import { describeFilters, openCasesLog, type LogFilters } from '../../reports/open-cases-log';
import { parsePeriod } from '../../reports/periods';
import { performanceFigures } from '../../reports/performance';
import type { BotDependencies } from '../bot-dependencies';

/** Who may see the whole log and the figures: the PIM (keeps the log), the Complaints Team, and managers (AHM, AD). */
export const REPORT_ROLES = ['PIM', 'COMPLAINTS-TEAM', 'AHM', 'AD', 'AD-HN', 'AD-BP'] as const;

export function canSeeReports(person: DirectoryPerson): boolean {
  return REPORT_ROLES.some((role) => hasRole(person, role));
}

function refusal(what: string): AdaptiveCardJson {
  return noticeCard({
    title: `The ${what} is for the complaints managers`,
    text: 'Only the Performance and Information Manager, the Complaints Team and housing managers (AHM, AD) can see it. Type "my cases" for the cases you handle.',
    tone: 'info',
  });
}

export async function complaintsLog(person: DirectoryPerson, filters: LogFilters, unknown: readonly string[], deps: BotDependencies): Promise<AdaptiveCardJson> {
  if (!canSeeReports(person)) return refusal('complaints log');
  const today = londonDateOf(deps.ctx.now());
  // Every case received up to today; the open ones are kept. The store has no "all open cases" query.
  const records = await deps.stores.cases.casesReceivedBetween('0001-01-01', today);
  const log = openCasesLog(records, filters, today, deps.ctx.directory);
  return complaintsLogCard({
    log, today, calendar: deps.ctx.calendar, filterLabel: describeFilters(filters),
    notice: unknown.length ? `Not understood, so ignored: "${unknown.join(' ')}". Filters are stage, officer, estate and category.` : '',
  });
}

export async function reportSummary(person: DirectoryPerson, periodText: string, deps: BotDependencies): Promise<AdaptiveCardJson> {
  if (!canSeeReports(person)) return refusal('complaints report');
  const period = parsePeriod(periodText);
  if (!period) {
    return noticeCard({
      title: periodText ? `"${periodText}" is not a period I know` : 'Which period?',
      text: 'Type, for example, "report 2026-Q3", "report 2026-07", "report FY2026" (April to March) or "report 2026-04-01..2027-03-31".',
      tone: 'warning',
    });
  }
  const today = londonDateOf(deps.ctx.now());
  const records = await deps.stores.cases.casesReceivedBetween(period.from, period.to);
  const figures = performanceFigures(records, { policy: deps.ctx.policy, calendar: deps.ctx.calendar, today }, { from: period.from, to: period.to });
  return reportSummaryCard(figures, period.label);
}
