import { UsageError } from './cli-io';
import type { MatchedCase } from './complainant-cases';

/**
 * Which matched cases an erasure reaches. A match is by email alone, phone alone, or name and
 * postcode, so it can be someone else's case: a mother and her adult son on one landline, an
 * advocate's email on many residents' cases. Erasure cannot be undone, so a person decides
 * every match: the case asked about (--reference) is always in scope; every other matched case
 * is either confirmed with --also or left out with --exclude. While any is undecided, a real
 * run erases nothing.
 */
export interface EraseScope {
  /** The case asked about, then each match confirmed with --also, in match order. */
  inScope: MatchedCase[];
  /** Matches neither confirmed nor left out. */
  undecided: MatchedCase[];
}

/**
 * `matched` as findComplainantCases gives it (the case asked about first, the --exclude'd ones
 * already out, and `excluded` naming them). A reference given to --also must be one of the
 * matches: --also confirms a match, it does not add a case.
 */
export function eraseScope(asked: string, matched: readonly MatchedCase[], excluded: readonly string[], also: readonly string[]): EraseScope {
  const both = also.filter((r) => excluded.includes(r));
  if (both.length) throw new UsageError(`${both.join(', ')} ${both.length === 1 ? 'is' : 'are'} given to both --also and --exclude: say once whether each is the complainant's. Nothing was erased.`);
  const unmatched = also.filter((r) => r !== asked && !matched.some((m) => m.reference === r));
  if (unmatched.length) {
    throw new UsageError(`--also names ${unmatched.join(', ')}, which ${unmatched.length === 1 ? 'is not a case' : 'are not cases'} matched to the complainant of ${asked} `
      + '(no same email address, phone number, or name at the same address): --also only confirms a listed match. Nothing was erased. '
      + `Run "complaints erase --reference ${asked} --dry-run" to see the matches.`);
  }
  const inScope = matched.filter((m) => m.reference === asked || also.includes(m.reference));
  return { inScope, undecided: matched.filter((m) => !inScope.includes(m)) };
}

/** The undecided matches, each with why it matched, and the exact flags that decide them. */
export function undecidedInWords(asked: string, undecided: readonly MatchedCase[]): string {
  const references = undecided.map((m) => m.reference).join(',');
  const count = undecided.length === 1 ? '1 case matched to the complainant of ' + asked + ' is not decided' : `${undecided.length} cases matched to the complainant of ${asked} are not decided`;
  return `${count}. Erasure cannot be undone, and a match on the email, the phone, or the name and address alone `
    + 'may be someone else\'s case (a family sharing a landline, an advocate\'s email), so check each is the complainant\'s own:\n'
    + undecided.map((m) => `  ${m.reference}: ${m.reasons.join('; ')}\n`).join('')
    + `Then add --also with those that are theirs and --exclude with those that are not; for all of them: --also ${references}, or --exclude ${references}.`;
}
