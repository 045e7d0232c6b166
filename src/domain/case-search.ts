import { actsOnCase, casesVisibleTo } from './case-access';
import type { CaseRecord } from './case-record';
import type { TimelineContext } from './case-timeline';
import { viewOf } from './case-view';
import type { Directory, DirectoryPerson } from './directory';
import { caseSearchText, nameSearchText, searchText } from './case-search-text';

/**
 * `find <words>`: the cases a person may see (casesVisibleTo) whose resident's name, address,
 * postcode or reference contains every word, most recently received first.
 *
 * Matching ignores case and accents ("Zoë" finds "Zoe", "O'Brien" finds "obrien"), and each
 * word may be part of a longer one ("0042" finds HC-2026-00042, "thre" finds "Threlkeld"). A
 * postcode matches with or without its space: "SE1 7PB" is two words that both match, "SE17PB"
 * matches the postcode written without one.
 *
 * What may be matched is what the person may see on the case: the reference and the resident's
 * name for everyone in the case's circle (the case card shows them), the address and postcode
 * only for those who act on it (the card shows them the personal details; search must not tell
 * anyone else what an address contains).
 */

/** Words kept from what was typed: enough for a name and an address, not a paragraph. */
const MAX_SEARCH_WORDS = 8;
const MAX_WORD = 40;

/** The words to look for, as matched; empty when nothing searchable was typed. */
export function searchWords(typed: string): string[] {
  const words = [...new Set(searchText(typed).split(' ').filter(Boolean).map((w) => w.slice(0, MAX_WORD)))];
  return words.slice(0, MAX_SEARCH_WORDS);
}

function everyWordIn(words: readonly string[], text: string): boolean {
  return words.every((w) => text.includes(w));
}

/** A case found: the record, and whether the person acts on it (and so sees its address). */
export interface FoundCase { record: CaseRecord; actsOnCase: boolean }

export function findCases(records: readonly CaseRecord[], words: readonly string[], person: DirectoryPerson, ctx: TimelineContext & { directory: Directory }): FoundCase[] {
  if (words.length === 0) return [];
  const found: FoundCase[] = [];
  for (const record of records) {
    const byName = everyWordIn(words, nameSearchText(record));
    if (!byName && !everyWordIn(words, caseSearchText(record))) continue;
    // Only a case whose words match is asked who may see it: the rule works out the case's view.
    if (casesVisibleTo([record], person, ctx).length === 0) continue;
    const acts = actsOnCase({ record, view: viewOf(record, ctx) }, person, ctx.directory);
    // Found by its address or postcode: only by those who act on the case, who see the address.
    if (byName || acts) found.push({ record, actsOnCase: acts });
  }
  return found.sort((a, b) => (b.record.receivedOn ?? '').localeCompare(a.record.receivedOn ?? '') || b.record.reference.localeCompare(a.record.reference));
}
