import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { formatDate } from '../../domain/calendar-date';
import type { Letter } from '../letters/letter';

/** A landlord's template Word cannot fill: a broken tag, an unclosed loop. Says what and where. */
export class LetterTemplateError extends Error {}

/** One paragraph of the body in the template's loop: a subheading, a paragraph or a bullet. */
interface Block { heading: boolean; body: boolean; bullet: boolean; text: string }

/**
 * The fields a letter template fills (docs/letters.md): the letterhead, the recipient, date
 * and reference, the heading and greeting, `blocks` (the body, one paragraph each), and the
 * sign-off. Multi-line fields (addresses) become line breaks.
 */
export function letterFields(letter: Letter): Record<string, unknown> {
  const { landlord, recipient, signOff } = letter;
  const blocks: Block[] = letter.sections.flatMap((s) => [
    ...(s.heading ? [{ heading: true, body: false, bullet: false, text: s.heading }] : []),
    ...s.paragraphs.map((text) => ({ heading: false, body: true, bullet: false, text })),
    ...(s.list ?? []).map((text) => ({ heading: false, body: false, bullet: true, text })),
  ]);
  return {
    landlordName: landlord.name,
    landlordAddress: landlord.addressLines.join('\n'),
    landlordContact: [landlord.phone, landlord.email, landlord.website].filter(Boolean).join('\n'),
    recipientName: recipient.name,
    recipientAddress: recipient.addressLines.join('\n'),
    date: formatDate(letter.date),
    reference: letter.reference,
    heading: letter.heading,
    salutation: letter.salutation,
    blocks,
    closing: letter.closing,
    officerName: signOff.name,
    officerRole: signOff.role,
    officerEmail: signOff.email,
  };
}

/** The letter as a Word document the officer can edit, filled into the landlord's template (a .docx). */
export function renderDocx(letter: Letter, template: Uint8Array): Buffer {
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false });
    doc.render(letterFields(letter));
  } catch (err) {
    throw new LetterTemplateError(`The letter template cannot be filled: ${templateProblems(err)}`, { cause: err });
  }
  const zip = doc.getZip() as PizZip;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** docxtemplater's errors, in a line: a multi error lists each tag's problem. */
function templateProblems(err: unknown): string {
  const props = (err as { properties?: { errors?: Array<{ properties?: { explanation?: string } }> } }).properties;
  const each = props?.errors?.map((e) => e.properties?.explanation).filter(Boolean) ?? [];
  return each.length ? each.join('; ') : err instanceof Error ? err.message : String(err);
}
