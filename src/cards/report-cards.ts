import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import type { CalendarDate } from '../domain/calendar-date';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { LogItem, OpenCasesLog } from '../reports/open-cases-log';
import type { PerformanceFigures, Rate } from '../reports/performance';
import { CARDS_DIR, type AdaptiveCardJson } from './card-template';
import { daysLeft, formatDate } from './card-text';

/** The complaints log and report summary cards (templates cards/complaints-log.json and cards/report-summary.json). */
export type ReportCardName = 'complaints-log' | 'report-summary';

/** Longest list shown per group: a card has a size limit in Teams (about 28 KB). */
export const MAX_LOG_ITEMS = 10;

const templates = new Map<ReportCardName, ACData.Template>();

function renderReportCard(name: ReportCardName, data: object): AdaptiveCardJson {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t.expand({ $root: data }) as AdaptiveCardJson;
}

export interface LogCardInput {
  log: OpenCasesLog;
  filterLabel: string;
  notice: string;
  today: CalendarDate;
  calendar: WorkingDayCalendar;
}

export function complaintsLogCard(input: LogCardInput): AdaptiveCardJson {
  const { log, today, calendar } = input;
  const item = (i: LogItem) => {
    const due = i.nextDueOn === null ? { status: 'no deadline running', color: 'Default' } : daysLeft(calendar.workingDaysUntil(today, i.nextDueOn));
    return {
      caseId: i.caseId, reference: i.reference, complainant: i.complainant || 'complainant not recorded',
      detail: `${i.stage === 0 ? 'Informal stage' : `Stage ${i.stage}`} · ${i.estate || 'no estate'} · ${i.category || 'no category'} · ${i.officer}${i.nextDueOn ? ` · due ${formatDate(i.nextDueOn)}` : ''}`,
      due: due.status, color: due.color,
    };
  };
  const group = (title: string, color: string, items: LogItem[]) => ({
    title, color, count: items.length, items: items.slice(0, MAX_LOG_ITEMS).map(item),
    more: items.length > MAX_LOG_ITEMS ? `and ${items.length - MAX_LOG_ITEMS} more: narrow the list with a filter, or use the complaints log from the admin command line.` : '',
  });
  return renderReportCard('complaints-log', {
    subtitle: `${input.filterLabel} · ${log.total} open · ${formatDate(today)}`,
    notice: input.notice,
    groups: [group('Overdue', 'Attention', log.overdue), group('Due this week', 'Warning', log.thisWeek), group('Later', 'Default', log.later)],
  });
}

const rateText = (r: Rate | null): string => (r === null ? 'no acknowledgement step' : r.percent === null ? 'none due yet' : `${r.percent}% (${r.met} of ${r.counted})`);

export function reportSummaryCard(figures: PerformanceFigures, periodLabel: string): AdaptiveCardJson {
  const facts: Array<{ title: string; value: string }> = [{ title: 'Complaints received', value: String(figures.casesReceived) }];
  for (const s of figures.stages) {
    facts.push({ title: `Stage ${s.stage} received`, value: String(s.received) });
    if (s.acknowledgedInTime) facts.push({ title: `Stage ${s.stage} acknowledged in time`, value: rateText(s.acknowledgedInTime) });
    facts.push({ title: `Stage ${s.stage} responded in time`, value: rateText(s.respondedInTime) });
    if (s.responses) {
      facts.push({ title: `Stage ${s.stage} outcomes`, value: `${s.outcomes.upheld} upheld, ${s.outcomes.partlyUpheld} partly, ${s.outcomes.notUpheld} not upheld` });
    }
  }
  for (const e of figures.escalation) facts.push({ title: `Escalated to stage ${e.toStage}`, value: e.percent === null ? 'no responses yet' : `${e.percent}% (${e.escalated} of ${e.responded})` });
  facts.push({ title: 'Extensions', value: figures.stages.map((s) => `stage ${s.stage}: ${s.casesExtended}`).join(', ') });
  facts.push({ title: 'Refused', value: String(figures.refused.count) });
  const top = figures.byCategory[0];
  if (top) facts.push({ title: 'Most common category', value: `${top.label} (${top.received})` });
  return renderReportCard('report-summary', {
    title: `Complaints report: ${periodLabel}`,
    subtitle: `Cases received ${formatDate(figures.period.from)} to ${formatDate(figures.period.to)} · ${figures.policy.name}`,
    facts,
    note: `The full report (charts, breakdowns, learning) and the complaints log are available from the admin command line: complaints report --from ${figures.period.from} --to ${figures.period.to} --format html (or csv).`,
  });
}
