import type { Letter, LetterKind } from './letters/letter';

export type LetterFormat = 'docx' | 'pdf';

export const LETTER_CONTENT_TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The words for each kind, as a person says them: "the stage 1 response". */
export const LETTER_WORDS: Record<LetterKind, string> = {
  acknowledgement: 'the acknowledgement',
  extension: 'the extension letter',
  'stage-1-response': 'the stage 1 response',
  'stage-2-response': 'the stage 2 response',
  'refusal-to-escalate': 'the refusal to escalate',
  'behaviour-decision': 'the behaviour decision',
};

/** The kind as a title: "Stage 1 response". */
export const letterTitle = (kind: LetterKind): string => LETTER_WORDS[kind].replace(/^the /, '').replace(/^./, (c) => c.toUpperCase());

/** e.g. HC-2026-00042-stage-1-response-2026-11-29.docx: the reference, the kind and the date; no names. */
export function letterFileName(letter: Pick<Letter, 'reference' | 'kind' | 'date'>, format: LetterFormat): string {
  return `${letter.reference}-${letter.kind}-${letter.date}.${format}`;
}

/**
 * The letter as a Word document (in the landlord's template) or a PDF. The renderers (with
 * docxtemplater, PizZip and pdf-lib) are loaded on the first letter, not when the bot starts
 * (docs/performance.md, "Loading only what is used").
 */
export async function renderLetterFile(letter: Letter, format: LetterFormat, template: Uint8Array): Promise<{ name: string; contentType: string; fileType: LetterFormat; body: Buffer }> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded when used, see above */
  const body = format === 'docx'
    ? (require('./render/docx-letter') as typeof import('./render/docx-letter')).renderDocx(letter, template)
    : await (require('./render/pdf-letter') as typeof import('./render/pdf-letter')).renderPdf(letter);
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { name: letterFileName(letter, format), contentType: LETTER_CONTENT_TYPES[format], fileType: format, body };
}
