import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '../../domain/calendar-date';
import type { Letter } from '../letters/letter';
import { printable, wrap } from '../pdf/pdf-text';

/**
 * The final letter as a PDF, with the same words as the Word document: A4, a standard font
 * (Helvetica, which every PDF reader has, so nothing is embedded or downloaded), 11 pt on
 * 15.5 pt lines, short lines of about 80 characters, bold subheadings, a footer with the
 * reference and page number.
 */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 25 * MM, right: 25 * MM, top: 20 * MM, bottom: 22 * MM };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const SIZE = 11;
const LEADING = 15.5;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.12, 0.22, 0.39);
const GREY = rgb(0.3, 0.3, 0.3);

interface Fonts { regular: PDFFont; bold: PDFFont }

class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(readonly pdf: PDFDocument, readonly fonts: Fonts) { this.newPage(); }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Room for `height` more points on this page, or a new page. */
  need(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(text: string, options: { bold?: boolean; size?: number; color?: ReturnType<typeof rgb>; align?: 'left' | 'right'; indent?: number; bullet?: boolean; after?: number; keepWithNext?: number } = {}): void {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const size = options.size ?? SIZE;
    const leading = size * (LEADING / SIZE);
    const indent = options.indent ?? 0;
    const lines = wrap(printable(font, text), font, size, WIDTH - indent);
    // Keep a short paragraph (and a heading with what follows) together on one page.
    this.need(Math.min(lines.length, 3) * leading + (options.keepWithNext ?? 0));
    for (const [i, line] of lines.entries()) {
      this.need(leading);
      const x = options.align === 'right' ? PAGE.width - MARGIN.right - font.widthOfTextAtSize(line, size) : MARGIN.left + indent;
      this.y -= size;
      if (options.bullet && i === 0) this.page.drawText('•', { x: MARGIN.left + indent - 11, y: this.y, size, font: this.fonts.regular, color: options.color ?? INK });
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? INK });
      this.y -= leading - size;
    }
    this.y -= options.after ?? 0;
  }

  gap(points: number): void { this.y -= points; }
}

export async function renderPdf(letter: Letter): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${letter.heading} (${letter.reference})`);
  pdf.setAuthor(letter.landlord.name);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Housing complaints bot');
  // A fixed date from the letter, so the same letter gives the same file.
  const dated = new Date(`${letter.date}T12:00:00Z`);
  pdf.setCreationDate(dated);
  pdf.setModificationDate(dated);
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const w = new Writer(pdf, fonts);
  const { landlord, recipient, signOff } = letter;

  w.text(landlord.name, { bold: true, size: 16, color: ACCENT, align: 'right', after: 2 });
  for (const line of [...landlord.addressLines, landlord.phone, landlord.email, landlord.website]) {
    if (line) w.text(line, { size: 9.5, color: GREY, align: 'right' });
  }
  w.gap(28);
  for (const line of [recipient.name, ...recipient.addressLines]) w.text(line);
  w.gap(24);
  w.text(`Date: ${formatDate(letter.date)}`);
  w.text(`Our reference: ${letter.reference}`, { after: 18 });
  w.text(letter.heading, { bold: true, size: 13.5, after: 10, keepWithNext: 40 });
  w.text(letter.salutation, { after: 7 });
  for (const section of letter.sections) {
    if (section.heading) { w.gap(6); w.text(section.heading, { bold: true, color: ACCENT, after: 3, keepWithNext: 2 * LEADING }); }
    // A list stays with the paragraph that leads into it, and together on one page when it is short.
    const listHeight = Math.min(section.list?.length ?? 0, 6) * (LEADING + 3);
    for (const [i, para] of section.paragraphs.entries()) w.text(para, { after: 7, keepWithNext: i === section.paragraphs.length - 1 ? listHeight : 0 });
    if (!section.paragraphs.length) w.need(listHeight);
    for (const item of section.list ?? []) w.text(item, { indent: 16, bullet: true, after: 3 });
    if (section.list?.length) w.gap(4);
  }
  w.gap(10);
  w.text(letter.closing, { keepWithNext: 5 * LEADING });
  w.gap(30);
  w.text(signOff.name, { bold: true });
  if (signOff.role) w.text(signOff.role);
  if (signOff.email) w.text(signOff.email);

  const total = w.pages.length;
  for (const [i, page] of w.pages.entries()) {
    const footer = printable(fonts.regular, `${landlord.name} · Reference ${letter.reference} · Page ${i + 1} of ${total}`);
    const width = fonts.regular.widthOfTextAtSize(footer, 8.5);
    page.drawText(footer, { x: (PAGE.width - width) / 2, y: MARGIN.bottom / 2, size: 8.5, font: fonts.regular, color: GREY });
  }
  return Buffer.from(await pdf.save());
}
