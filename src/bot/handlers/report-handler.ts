import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import { londonDateOf } from '../../domain/calendar-date';
import type { DirectoryPerson } from '../../domain/directory';
import { canSeeReports } from '../../domain/report-access';
import { maySeeCaseRead, seesEveryCase } from '../../domain/case-access';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { noticeCard } from '../../cards/general-cards';
import { complaintsLogCard, reportSummaryCard } from '../../cards/report-cards';
import { describeFilters, logItemOf, logOfItems, type LogFilters, type LogItem } from '../../reports/open-cases-log';
import { parsePeriod } from '../../reports/periods';
import { frontDoorFigures } from '../../reports/front-door';
import { REPORT_FILE_KINDS } from '../../reports/report-files';
import { readReportFiles } from '../../reports/report-files-read';
import type { BotDependencies } from '../bot-dependencies';
import type { FileDelivery } from '../files/file-offers';


function refusal(what: string): AdaptiveCardJson {
  return noticeCard({
    title: `The ${what} is for the complaints managers`,
    text: 'Only the Performance and Information Manager, the Complaints Team and housing managers (AHM, AD) can see it. Type "my cases" for the cases you handle.',
    tone: 'info',
  });
}

/** Said on the log of someone who sees only some cases, so an empty or short log is not read as the whole landlord's. */
export const ONLY_YOURS = 'These are the cases you may see: those you and the people you manage handle. The complaints team sees every case.';

/** Longest filter value kept (an estate, officer or category name is far shorter). */
const MAX_FILTER = 100;

/**
 * `log`: the open cases this person may see, by when they are due. Reads the open cases a page
 * at a time (`read.pageSize`, for tests) and keeps of each only its LogItem, so the bot never
 * holds every open case's record at once (thousands at a large landlord).
 */
export async function complaintsLog(person: DirectoryPerson, filters: LogFilters, unknown: readonly string[], deps: BotDependencies, page = 1, read: { pageSize?: number } = {}): Promise<AdaptiveCardJson> {
  if (!canSeeReports(person)) return refusal('complaints log');
  const today = londonDateOf(deps.ctx.now());
  // As typed, bounded as the page buttons' data is checked (logPageData), so page 2 keeps the same filters.
  const bounded: LogFilters = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, MAX_FILTER) : v]));
  // The open cases received up to today, and of those only the ones this person may see: an AHM
  // their people's, the complaints team every case (case-access.ts).
  const everyCase = seesEveryCase(person);
  const items: LogItem[] = [];
  for await (const record of deps.stores.cases.openCasesPaged(read)) {
    if (record.receivedOn === null || record.receivedOn > today) continue;
    // The filters first: they are cheap, and who may see a case works out its view.
    const item = logItemOf(record, bounded, deps.ctx.directory);
    if (item && (everyCase || maySeeCaseRead(record, person, deps.ctx))) items.push(item);
  }
  const log = logOfItems(items, today);
  // The partial-list notice first: the card clips a long notice, and what was typed may be long.
  const notices = [
    everyCase ? '' : ONLY_YOURS,
    unknown.length ? `Not understood, so ignored: "${unknown.join(' ')}". Filters are stage, officer, estate and category.` : '',
  ];
  return complaintsLogCard({
    log, filters: bounded, page, today, calendar: deps.ctx.calendar, filterLabel: describeFilters(bounded),
    notice: notices.filter(Boolean).join(' '),
  });
}

const filterText = z.string().trim().min(1).max(MAX_FILTER).optional().catch(undefined);
/** The data of a "Previous page" / "Next page" button: the page, and the filters as typed (each bounded). */
const logPageData = z.object({
  page: z.number().int().min(1).max(100_000).catch(1),
  stage: z.number().int().min(0).max(5).optional().catch(undefined),
  officer: filterText,
  estate: filterText,
  category: filterText,
});

/** `log.page`: another page of the log, with the filters the card carried. */
export async function complaintsLogPage(person: DirectoryPerson, data: Record<string, unknown>, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const { page, stage, officer, estate, category } = logPageData.parse(data);
  const filters: LogFilters = {
    ...(stage !== undefined ? { stage } : {}), ...(officer ? { officer } : {}), ...(estate ? { estate } : {}), ...(category ? { category } : {}),
  };
  return complaintsLog(person, filters, [], deps, page);
}

/** The summary card, and the files to send after it (file consent cards; none when the card carries links). */
export interface ReportReply { card: AdaptiveCardJson; files: Attachment[] }

/**
 * `report <period>`: the headline figures, and the full report (HTML) and the complaints log
 * (CSV) as files: file consent cards in Teams, or links on the card elsewhere (see
 * ReportFiles.deliveryFor). Only people who may see reports get anything.
 */
export async function reportSummary(person: DirectoryPerson, periodText: string, deps: BotDependencies, delivery: FileDelivery): Promise<ReportReply> {
  if (!canSeeReports(person)) return { card: refusal('complaints report'), files: [] };
  const period = parsePeriod(periodText);
  if (!period) {
    return {
      card: noticeCard({
        title: periodText ? `"${periodText.slice(0, 60)}" is not a period I know` : 'Which period?',
        text: 'Type, for example, "report 2026-Q3", "report 2026-07", "report FY2026" (April to March) or "report 2026-04-01..2027-03-31".',
        tone: 'warning',
      }),
      files: [],
    };
  }
  const today = londonDateOf(deps.ctx.now());
  const ctx = { policy: deps.ctx.policy, calendar: deps.ctx.calendar, directory: deps.ctx.directory, today };
  // Counts only, for anyone who may see reports: the records hold no name or contact details.
  const frontDoor = frontDoorFigures(await deps.stores.dissatisfaction.receivedBetween(period.from, period.to), period);
  // Every case received up to the period's end is read, a page at a time (report-files-read.ts): a
  // remedy or an Ombudsman order falling in the period may belong to an earlier complaint.
  if (delivery === 'link') {
    const { figures } = await readReportFiles(deps.stores.cases, person, ctx, period, { figures: true, files: [] });
    const links = await Promise.all(REPORT_FILE_KINDS.map((kind) => deps.fileOffers.offerLink(person, { source: 'report', kind, period, by: person.id })));
    const [first] = links;
    return { card: reportSummaryCard(figures, period.label, { delivery, links: links.map(({ title, url }) => ({ title, url })), expiresAt: first?.expiresAt ?? '', minutes: first?.minutes ?? 0, period: periodText.trim() }, frontDoor), files: [] };
  }
  // The consent cards show each file's size, as Teams draws them, so the files are made now, for
  // their sizes only (each is made again from the store as it is when accepted). They come from
  // the same read as the figures, so the command reads the store once, not once for each; a card
  // without a size, or with a guessed one, would tell the person less or something untrue.
  const { figures, files: made } = await readReportFiles(deps.stores.cases, person, ctx, period, { figures: true, files: REPORT_FILE_KINDS });
  const files = await Promise.all(made.map((file) => deps.fileOffers.consentCard(person, { source: 'report', kind: file.kind, period, by: person.id }, file)));
  return { card: reportSummaryCard(figures, period.label, { delivery }, frontDoor), files };
}
