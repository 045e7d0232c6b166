import { formatDate, type CalendarDate } from '../../domain/calendar-date';

/** The letters the procedures require, by kind (issue 14). */
export const LETTER_KINDS = [
  'acknowledgement', 'extension', 'stage-1-response', 'stage-2-response', 'refusal-to-escalate', 'behaviour-decision',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(s: unknown): s is LetterKind {
  return typeof s === 'string' && (LETTER_KINDS as readonly string[]).includes(s);
}

/** Who the letter is from: the landlord's name and address, as its letterhead says them. */
export interface Landlord {
  name: string;
  addressLines: string[];
  phone?: string;
  email?: string;
  website?: string;
}

/** One part of the letter's body: an optional heading, short paragraphs, then any list. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
  list?: string[];
}

/**
 * A letter as data, ready for any renderer (Word, PDF, a card preview): the recipient block,
 * the date and reference, a heading, short plain-English sections and the sign-off.
 */
export interface Letter {
  kind: LetterKind;
  reference: string;
  date: CalendarDate;
  landlord: Landlord;
  recipient: { name: string; addressLines: string[] };
  heading: string;
  salutation: string;
  sections: LetterSection[];
  closing: string;
  signOff: { name: string; role: string; email: string };
}

/** One thing the letter must say (a policy's required item, or what the Code asks of that letter), with the words that say it (each line must be in the letter). */
export interface LetterRequirement {
  name: string;
  text: string;
}

/** What a composer gives back before the check: the letter and what it must contain. */
export interface ComposedLetter {
  letter: Letter;
  requirements: LetterRequirement[];
}

/** Why a letter cannot be offered: nothing to write it from, or required items missing (named). */
export interface LetterRefusal {
  ok: false;
  code: 'LETTER.NOT_AVAILABLE' | 'LETTER.MISSING_ITEMS';
  message: string;
  /** The names of the required items the letter would leave out. */
  missing: string[];
}

export type LetterResult = { ok: true; letter: Letter } | LetterRefusal;

export function notAvailable(message: string): LetterRefusal {
  return { ok: false, code: 'LETTER.NOT_AVAILABLE', message, missing: [] };
}

/** Every word of the letter, in reading order: what the check reads, and what tests compare a rendering with. */
export function letterText(letter: Letter): string {
  const { landlord, recipient, signOff } = letter;
  return [
    landlord.name, ...landlord.addressLines, landlord.phone ?? '', landlord.email ?? '', landlord.website ?? '',
    recipient.name, ...recipient.addressLines, formatDate(letter.date), letter.reference, letter.heading, letter.salutation,
    ...letter.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...(s.list ?? [])]),
    letter.closing, signOff.name, signOff.role, signOff.email,
  ].filter((s) => s.trim() !== '').join('\n');
}
