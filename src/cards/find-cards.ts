import type { FoundCase } from '../domain/case-search';
import { formatDate, STATE_LABELS, type CaseCardContext } from './card-text';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { stageName } from '../domain/policy';

/** Cases on one page of `find`: the card stays well under Teams' 28 KB whatever matches. */
const FIND_PAGE = 10;

/** What the person typed, as the card repeats it and its page buttons carry it back. */
export const MAX_FIND_TEXT = 120;

/** Said under every result list: what was searched, so an empty answer is not read as "no such resident". */
export const FIND_NOTE = 'Only the cases you may see are searched. Addresses and postcodes are searched, and the first line of the address shown, on the cases you act on.';

/**
 * The `find` results: per case its reference and the resident's name (as the case card shows
 * them to anyone in the case's circle), stage and state, the date received and the next date
 * due; the first line of the address only to those who act on the case. Each has an "Open"
 * button to the case card. Paged like `my cases`.
 */
export function findResultsCard(found: readonly FoundCase[], typed: string, ctx: CaseCardContext, page = 1): AdaptiveCardJson {
  const words = typed.trim().slice(0, MAX_FIND_TEXT);
  const pages = Math.max(1, Math.ceil(found.length / FIND_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = found.slice((current - 1) * FIND_PAGE, current * FIND_PAGE).map(({ record, actsOnCase }) => ({
    caseId: record.id, reference: record.reference,
    heading: `${record.reference} · ${record.details.complainant.complainantName}`,
    stageLabel: `${stageName(ctx.policy, record.stage)} · ${STATE_LABELS[record.state]}`,
    dates: [record.receivedOn ? `Received ${formatDate(record.receivedOn)}` : '', record.nextDueOn ? `${record.nextDueOn < ctx.today ? 'overdue since' : 'next due'} ${formatDate(record.nextDueOn)}` : ''].filter(Boolean).join(' · '),
    addressLine: actsOnCase ? firstLine(record.details.complainant.address) : '',
  }));
  const paging = pages > 1 ? ` · ${(current - 1) * FIND_PAGE + 1} to ${(current - 1) * FIND_PAGE + rows.length}, page ${current} of ${pages}` : '';
  return renderCard('find-results', {
    title: `Find: "${words}"`,
    subtitle: found.length ? `${found.length} ${found.length === 1 ? 'case' : 'cases'}, most recently received first${paging}` : `as of ${formatDate(ctx.today)}`,
    empty: `No case you may see matches "${words}". Try part of the name, the postcode or the reference's number (for example 00042).`,
    cases: rows,
    note: FIND_NOTE,
    pager: [
      ...(current > 1 ? [{ title: 'Previous page', page: current - 1, words }] : []),
      ...(current < pages ? [{ title: 'Next page', page: current + 1, words }] : []),
    ],
  });
}


/**
 * The first line of the address, as a letter would have it: the house or flat and street,
 * not the town or postcode. "14 Larkspur Court, Eastholme" → "14 Larkspur Court"; a flat
 * keeps its building: "Flat 4, 1 Invented Row, Eastholme" → "Flat 4, 1 Invented Row".
 */
export function firstLine(address: string): string {
  const [line = ''] = address.trim().split(/\r?\n/);
  const parts = line.split(',').map((p) => p.trim()).filter(Boolean);
  const [first = '', second] = parts;
  return second !== undefined && first.length <= 12 && !/\s\S+\s/.test(first) ? `${first}, ${second}` : first;
}
