import type { ComplainantDetails } from './case-details';
import { postcodesIn } from './case-search-text';
import { ERASED } from './erase-complainant';

/**
 * Which cases are about the same resident, for a subject access request or an erasure. A case
 * holds no resident id (intake records what the resident said), so cases are matched on what
 * identifies a person: the same email address, the same phone number, or the same name at the
 * same address. Each match says why, so that a member of staff can confirm it is the same
 * person before anything is sent or erased. Matching is direct (each case against the case
 * asked about), never chained through a third case: a shared family phone must not pull in a
 * whole household. Pure.
 */
export type ComplainantIdentity = Pick<ComplainantDetails, 'complainantName' | 'contactEmail' | 'contactPhone' | 'address'>;

export type MatchReason = 'email' | 'phone' | 'name-and-address';

export const MATCH_REASON_WORDS: Record<MatchReason, string> = {
  email: 'the same email address',
  phone: 'the same phone number',
  'name-and-address': 'the same name at the same address',
};

/** An erased value, or nothing: never an identity (every erased case has the same marker). */
const usable = (s: string): string => (s.trim() === ERASED ? '' : s);

/** Email addresses compare without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return usable(email).trim().toLowerCase();
}

/**
 * A UK phone number as its digits, in the national form: "+44 (0)7700 900123", "0044 7700
 * 900123" and "07700 900123" are the same number. Fewer than 7 digits is not a number to match on.
 */
export function normalisePhone(phone: string): string {
  let digits = usable(phone).replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (digits.startsWith('44') && digits.length >= 11) digits = digits.slice(2);
  // The trunk 0 (and the "(0)" some write after +44).
  digits = digits.replace(/^0+/, '');
  return digits.length >= 7 ? `0${digits}` : '';
}

/** A name without titles, punctuation, case or repeated spaces: "Mrs. Jane  O'Neill" is "jane oneill". */
export function normaliseName(name: string): string {
  return usable(name).toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter((w) => w && !TITLES.has(w)).join(' ');
}
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'rev', 'prof', 'sir', 'dame']);

/** The UK postcode in an address, upper case without spaces ("sw1a 1aa" is "SW1A1AA"); '' when there is none. */
export function postcodeOf(address: string): string {
  return (postcodesIn(usable(address))[0] ?? '').replace(' ', '').toUpperCase();
}

/** The address to compare: its postcode when it has one, else its letters and digits only. */
function addressKey(address: string): string {
  const postcode = postcodeOf(address);
  return postcode ? `postcode:${postcode}` : usable(address).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Why `candidate` is taken to be the same person as `subject` (empty: not a match). */
export function matchReasons(subject: ComplainantIdentity, candidate: ComplainantIdentity): MatchReason[] {
  const reasons: MatchReason[] = [];
  const email = normaliseEmail(subject.contactEmail);
  if (email && email === normaliseEmail(candidate.contactEmail)) reasons.push('email');
  const phone = normalisePhone(subject.contactPhone);
  if (phone && phone === normalisePhone(candidate.contactPhone)) reasons.push('phone');
  const name = normaliseName(subject.complainantName);
  const address = addressKey(subject.address);
  if (name && address && name === normaliseName(candidate.complainantName) && address === addressKey(candidate.address)) reasons.push('name-and-address');
  return reasons;
}

/**
 * The words that identify the resident, for checking that a note about them (an erasure's
 * request note) does not itself carry them: the email, the phone number's digits, the postcode
 * and each part of the name of three characters or more that has a letter in it.
 */
function identifyingWords(subject: ComplainantIdentity): string[] {
  const words = [normaliseEmail(subject.contactEmail), normalisePhone(subject.contactPhone).slice(1), postcodeOf(subject.address).toLowerCase()];
  for (const part of normaliseName(subject.complainantName).split(' ')) if (part.length >= 3 && /\p{L}/u.test(part)) words.push(part);
  return words.filter(Boolean);
}

/** Whether `text` contains any of the resident's identifying words (spaces and case ignored for numbers and postcodes). */
export function mentionsResident(text: string, subject: ComplainantIdentity): boolean {
  const lower = text.toLowerCase();
  const squashed = lower.replace(/[\s()+-]/g, '');
  return identifyingWords(subject).some((w) => (/^[\d]+$/.test(w) || /\d/.test(w) ? squashed.includes(w) : new RegExp(`(^|[^\\p{L}])${escapeRegExp(w)}($|[^\\p{L}])`, 'u').test(lower)));
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
