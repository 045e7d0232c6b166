import type { CalendarDate } from '../domain/calendar-date';
import type { WorkingDayCalendar } from '../domain/working-days';
import { CATEGORIES } from '../intake/intake-options';
import type { LogFilters, LogItem, OpenCasesLog } from '../reports/open-cases-log';
import { frontDoorSentence, type FrontDoorFigures } from '../reports/front-door';
import type { PerformanceFigures, Rate } from '../reports/performance';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { daysLeft, formatDate } from './card-text';

/** The complaints log, report summary and report file cards (templates in cards/ of the same names). */

/** Cases per page of the log: 15 keep a page about 11 KB (16 KB at worst), well under Teams' limit of about 28 KB a message. */
export const LOG_PAGE_SIZE = 15;
/** The most a log page may weigh (its JSON, in bytes); a page over it is a bug in the bounds below. */
export const LOG_CARD_BUDGET_BYTES = 20 * 1024;
/** Longest text kept of each field on a log line, so that a page's size has a bound. */
const MAX_FIELD = 60;



/** The size Teams counts: the card's JSON in UTF-8 bytes. */
export function cardBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

const clip = (s: string, max = MAX_FIELD): string => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export interface LogCardInput {
  log: OpenCasesLog;
  filters: LogFilters;
  /** 1-based; a page past the end shows the last page. */
  page: number;
  filterLabel: string;
  notice: string;
  today: CalendarDate;
  calendar: WorkingDayCalendar;
}

/** What a "Previous page" or "Next page" button sends back: the filters and the page wanted. */
export type LogPageData = LogFilters & { page: number };

const GROUPS = [
  { key: 'overdue', title: 'Overdue', color: 'Attention' },
  { key: 'thisWeek', title: 'Due this week', color: 'Warning' },
  { key: 'later', title: 'Later', color: 'Default' },
] as const;

export function logPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / LOG_PAGE_SIZE));
}

/**
 * One page of the open cases: overdue first, then due this week, then later, LOG_PAGE_SIZE at
 * a time, each group headed with its whole count ("continued" where it began on an earlier
 * page), with Previous page / Next page buttons that carry the filters.
 */
export function complaintsLogCard(input: LogCardInput): AdaptiveCardJson {
  const { log, today, calendar } = input;
  const pages = logPageCount(log.total);
  const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), pages);
  const first = (page - 1) * LOG_PAGE_SIZE;
  const item = (i: LogItem) => {
    const due = i.nextDueOn === null ? { status: 'no deadline running', color: 'Default' } : daysLeft(calendar.workingDaysUntil(today, i.nextDueOn));
    const category = (CATEGORIES as Record<string, string>)[i.category] ?? i.category;
    const detail = [
      i.demo ? 'Demo case' : '', i.stage === 0 ? 'Informal stage' : `Stage ${i.stage}`, clip(i.estate || 'no estate'), clip(category || 'no category'),
      clip(i.officer), i.nextDueOn ? `due ${formatDate(i.nextDueOn)}` : '',
    ].filter(Boolean).join(' · ');
    return { caseId: i.caseId, reference: clip(i.reference, 30), complainant: clip(i.complainant || 'complainant not recorded'), detail, due: due.status, color: due.color };
  };
  const groups: Array<{ heading: string; color: string; items: ReturnType<typeof item>[] }> = [];
  let offset = 0;
  for (const g of GROUPS) {
    const all = log[g.key];
    const from = Math.max(first, offset);
    const to = Math.min(first + LOG_PAGE_SIZE, offset + all.length);
    if (from < to) {
      groups.push({ heading: `${g.title} (${all.length})${from > offset ? ', continued' : ''}`, color: g.color, items: all.slice(from - offset, to - offset).map(item) });
    }
    offset += all.length;
  }
  const last = Math.min(first + LOG_PAGE_SIZE, log.total);
  const data = (p: number): LogPageData => ({ ...input.filters, page: p });
  return renderCard('complaints-log', {
    subtitle: `${clip(input.filterLabel, 200)} · ${log.total} open · ${formatDate(today)}`,
    counts: log.total === 0 ? '' : `${log.overdue.length} overdue · ${log.thisWeek.length} due this week (to Sunday) · ${log.later.length} later`,
    notice: clip(input.notice, 300),
    empty: log.total === 0 ? (Object.values(input.filters).some((v) => v !== undefined) ? 'No open cases match these filters.' : 'There are no open cases.') : '',
    groups,
    pageLabel: log.total > LOG_PAGE_SIZE ? `Cases ${first + 1} to ${last} of ${log.total} · page ${page} of ${pages}` : '',
    previous: page > 1 ? data(page - 1) : null,
    next: page < pages ? data(page + 1) : null,
  });
}

const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

const rateText = (r: Rate | null): string => (r === null ? 'no acknowledgement step' : r.percent === null ? 'none due yet' : `${r.percent}% (${r.met} of ${r.counted})`);

/** How the report's two files reach the person: as links on the card, or as file consent cards after it. */
export type ReportFilesOnCard =
  | { delivery: 'link'; links: Array<{ title: string; url: string }>; expiresAt: string; minutes: number; period: string }
  | { delivery: 'file-consent' };

/** `frontDoor`: dissatisfaction not taken as a complaint in the period (reports/front-door.ts). */
export function reportSummaryCard(figures: PerformanceFigures, periodLabel: string, files: ReportFilesOnCard, frontDoor?: FrontDoorFigures): AdaptiveCardJson {
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
  if (frontDoor) facts.push({ title: 'Dissatisfaction not taken as a complaint', value: frontDoorSentence(frontDoor) });
  const rem = figures.remedies;
  facts.push({ title: 'Remedies due, done on time', value: rem.dueInPeriod.onTime.percent === null ? `none due yet (${rem.dueInPeriod.due} due)` : `${rem.dueInPeriod.onTime.percent}% (${rem.dueInPeriod.onTime.met} of ${rem.dueInPeriod.onTime.counted})` });
  facts.push({ title: 'Remedies overdue now', value: String(rem.outstandingNow.overdue) });
  const gbp = (pence: number): string => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
  facts.push({ title: 'Compensation', value: `${gbp(rem.compensationOffered.pence)} offered, ${gbp(rem.compensationPaid.pence)} paid` });
  const omb = figures.ombudsman;
  facts.push({ title: figures.policy.ombudsman, value: `${omb.referred} referred, ${omb.determined} determined, ${omb.ordersOutstanding.overdue} order${omb.ordersOutstanding.overdue === 1 ? '' : 's'} overdue` });
  const top = figures.byCategory[0];
  if (top) facts.push({ title: 'Most common category', value: `${top.label} (${top.received})` });
  const what = 'The full report (charts, breakdowns, remedies, the Ombudsman and learning) and the complaints log (one row per case, for a spreadsheet)';
  return renderCard('report-summary', {
    title: `Complaints report: ${periodLabel}`,
    subtitle: `Cases received ${formatDate(figures.period.from)} to ${formatDate(figures.period.to)} · ${figures.policy.name}`,
    facts,
    files: files.delivery === 'link'
      ? `${what}: open them with the buttons below.`
      : `${what} follow as two files: choose Allow on each to save it to your OneDrive.`,
    filesNote: files.delivery === 'link'
      ? `The links are yours and work for ${files.minutes} minutes, until ${londonTime.format(new Date(files.expiresAt))}; do not forward them. Press New links for fresh ones.`
      : '',
    links: files.delivery === 'link' ? files.links : [],
    renew: files.delivery === 'link' ? { period: files.period } : null,
  });
}

/** A short card about one of the report's files: saved, declined, expired, or offered as a link instead. */
export function reportFileCard(input: { title: string; text: string; tone: 'good' | 'info' | 'warning' | 'error'; note?: string; links?: Array<{ title: string; url: string }> }): AdaptiveCardJson {
  const color = { good: 'Good', info: 'Default', warning: 'Warning', error: 'Attention' }[input.tone];
  return renderCard('report-file', { title: input.title, text: input.text, color, note: input.note ?? '', links: input.links ?? [] });
}
