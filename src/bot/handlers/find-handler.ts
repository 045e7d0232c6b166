import { z } from 'zod';
import { findCases, searchWords } from '../../domain/case-search';
import type { DirectoryPerson } from '../../domain/directory';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { findResultsCard, MAX_FIND_TEXT } from '../../cards/find-cards';
import { noticeCard } from '../../cards/general-cards';
import { scopeFor } from '../actions/run-case-action';
import type { BotDependencies } from '../bot-dependencies';

/** The answer to "find" with nothing (searchable) after it. */
function findPrompt(): AdaptiveCardJson {
  return noticeCard({
    title: 'What should I look for?',
    text: 'Type "find" and part of a resident\'s name, address or postcode, or of a case reference: for example "find Threlkeld", "find SE1 7PB" or "find 00042".',
    tone: 'info',
  });
}

/**
 * `find <words>`: the cases this person may see that match (case-search.ts), a page at a time.
 * What was typed is a resident's name or address: it is never logged.
 */
export async function findCasesCard(person: DirectoryPerson, typed: string, deps: BotDependencies, page = 1): Promise<AdaptiveCardJson> {
  const text = typed.trim().slice(0, MAX_FIND_TEXT);
  const words = searchWords(text);
  if (words.length === 0) return findPrompt();
  // The store gives the cases whose search text (kept on every write, accents and case gone,
  // case-search-text.ts) holds every word; the rule of who may find what is applied here.
  const records = await deps.stores.cases.casesMatchingWords(words);
  return findResultsCard(findCases(records, words, person, deps.ctx), text, scopeFor(person, deps).cards, page);
}

/** A "Previous page" / "Next page" button's data: the page and the words as typed, bounded. */
const findPageData = z.object({
  page: z.number().int().min(1).max(100_000).catch(1),
  words: z.string().max(MAX_FIND_TEXT * 2).catch(''),
});

/** `find.page`: another page of the same search, run again against the cases as they are now. */
export async function findCasesPage(person: DirectoryPerson, data: Record<string, unknown>, deps: BotDependencies): Promise<AdaptiveCardJson> {
  const { page, words } = findPageData.parse(data);
  return findCasesCard(person, words, deps, page);
}
