import type { CaseRecord } from './case-record';

/**
 * The text `find` matches a case on, in one place: the stores keep it beside each case (a
 * column on SQLite, `q.search` on Cosmos DB) so that a search reads only the cases whose text
 * holds every word, and `find` (case-search.ts) matches the same text in memory. Small and with
 * no other imports: the SQLite save thread works it out on every save.
 */

/** Lower case, accents and punctuation gone, runs of anything else one space. */
export function searchText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** UK postcodes in an address ("SE1 7PB", "se17pb"), each as "se1 7pb". The one postcode pattern: complainant-match's postcodeOf uses it too. */
export function postcodesIn(address: string): string[] {
  return [...address.matchAll(/\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/gi)].map((m) => `${m[1]} ${m[2]}`.toLowerCase());
}

/** What everyone in the case's circle may find it by: its reference and the resident's name. */
export function nameSearchText(record: Pick<CaseRecord, 'reference' | 'details'>): string {
  return nameText(record.reference, record.details.complainant.complainantName);
}

const nameText = (reference: string, complainantName: string): string => searchText(`${reference} ${complainantName}`);

/** The name's text and the address's, with each postcode also without its space: all a case may be found by. */
export function caseSearchText(record: Pick<CaseRecord, 'reference' | 'details'>): string {
  const { complainantName, address } = record.details.complainant;
  return searchTextOf(record.reference, complainantName, address);
}

/** caseSearchText from its three parts, for a reader that has only those (sqlite-search-fill.ts). */
export function searchTextOf(reference: string, complainantName: string, address: string): string {
  return `${nameText(reference, complainantName)} ${searchText(address)} ${postcodesIn(address).map((p) => p.replace(' ', '')).join(' ')}`.trim();
}
