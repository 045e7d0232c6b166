import { letterText, type ComposedLetter, type LetterKind, type LetterRequirement, type LetterResult } from './letter';

/** How each letter is named in a refusal. */
export const LETTER_KIND_WORDS: Record<LetterKind, string> = {
  acknowledgement: 'acknowledgement letter',
  extension: 'extension letter',
  'stage-1-response': 'stage 1 response letter',
  'stage-2-response': 'stage 2 response letter',
  'refusal-to-escalate': 'letter refusing escalation',
  'behaviour-decision': 'behaviour decision letter',
};

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The check before a letter is offered: every required item has words, and each line of them
 * is in the letter's text (so a section dropped on the way is caught too), and someone signs it. A
 * missing item is named, never silently left out.
 */
export function checkLetter(composed: ComposedLetter): LetterResult {
  const { letter, requirements } = composed;
  const text = normalise(letterText(letter));
  const present = (r: LetterRequirement): boolean => {
    const lines = r.text.split('\n').map(normalise).filter(Boolean);
    return lines.length > 0 && lines.every((line) => text.includes(line));
  };
  const missing = requirements.filter((r) => !present(r)).map((r) => r.name);
  if (!letter.signOff.name.trim()) missing.push('The officer signing the letter');
  if (missing.length === 0) return { ok: true, letter };
  return {
    ok: false, code: 'LETTER.MISSING_ITEMS', missing,
    message: `The ${LETTER_KIND_WORDS[letter.kind]} for ${letter.reference} cannot be drafted: it would leave out ${missing.join(', ')}. Record ${missing.length === 1 ? 'it' : 'them'} on the case first.`,
  };
}
