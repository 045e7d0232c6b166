import type { CaseRecord } from '../domain/case-record';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { eventsShownTo, historyEntry } from './case-cards';
import type { CaseCardContext } from './card-text';

/**
 * The whole history of a case, newest first, every word of every event, in pages that each
 * stay well under Teams' card limit (about 28 KB): a page holds events until they reach
 * PAGE_BYTES or PAGE_EVENTS. A single event is at most a few kilobytes (typed text is
 * limited to 4,000 characters), so every event fits a page whole.
 */
const PAGE_BYTES = 16_000;
const PAGE_EVENTS = 25;

type Entry = ReturnType<typeof historyEntry>;

/** `showPersonal`: whether the viewer sees the complainant's personal details (eventsShownTo). */
export function historyPages(record: CaseRecord, ctx: Pick<CaseCardContext, 'directory'>, showPersonal: boolean): Entry[][] {
  const pages: Entry[][] = [[]];
  let bytes = 0;
  for (const e of [...eventsShownTo(record, showPersonal)].reverse()) {
    const entry = historyEntry(e, ctx);
    const size = Buffer.byteLength(JSON.stringify(entry), 'utf8') + 400; // the template's own JSON per event
    const current = pages[pages.length - 1] ?? [];
    if (current.length > 0 && (bytes + size > PAGE_BYTES || current.length >= PAGE_EVENTS)) {
      pages.push([entry]);
      bytes = size;
    } else {
      current.push(entry);
      bytes += size;
    }
  }
  return pages;
}

export function caseHistoryCard(record: CaseRecord, ctx: Pick<CaseCardContext, 'directory'>, page: number, showPersonal: boolean): AdaptiveCardJson {
  const pages = historyPages(record, ctx, showPersonal);
  const shown = pages.reduce((n, p) => n + p.length, 0);
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  const entries = pages[current - 1] ?? [];
  const first = pages.slice(0, current - 1).reduce((n, p) => n + p.length, 0) + 1;
  return renderCard('case-history', {
    caseId: record.id,
    title: `History of ${record.reference}`,
    subtitle: `${shown} events, newest first · events ${first} to ${first + entries.length - 1}${pages.length > 1 ? `, page ${current} of ${pages.length}` : ''}`,
    entries,
    pager: [
      ...(current > 1 ? [{ title: 'Newer', page: current - 1 }] : []),
      ...(current < pages.length ? [{ title: 'Older', page: current + 1 }] : []),
    ],
  });
}
