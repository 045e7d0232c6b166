import type { PDFDocument, PDFPage, RGB } from 'pdf-lib';
import { CONTENT_WIDTH, MARGIN, PAGE, type Fonts, type TextStyle } from './pdf-style';
import { printable, wrap } from './pdf-text';

/**
 * The cursor that lays blocks down the page, top to bottom, and starts a new A4 page when the
 * next piece would run into the bottom margin. Every block and appendix draws through it, so
 * "is there room" is decided in one place.
 */
export class Flow {
  page: PDFPage;
  /** The top of the next thing to draw, in points up from the foot of the page. */
  y = PAGE.height - MARGIN.top;
  /** Nothing drawn on this page yet: a page break here would only leave an empty page. */
  fresh = true;

  constructor(readonly pdf: PDFDocument, readonly fonts: Fonts) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
    this.fresh = true;
  }

  /** Height left above the bottom margin on this page. */
  get room(): number { return this.y - MARGIN.bottom; }

  /** Height of an empty page's writing area: nothing taller can be kept together. */
  get capacity(): number { return PAGE.height - MARGIN.top - MARGIN.bottom; }

  /** Starts a new page unless `height` fits here (or this page is empty, where breaking gains nothing). */
  need(height: number): void {
    if (height > this.room && !this.fresh) this.newPage();
  }

  /** Space between blocks; none at the top of a page, where it would only push the text down. */
  gap(points: number): void {
    if (!this.fresh) this.y -= points;
  }

  /** The text made printable in the style's font and wrapped to `width`. */
  lines(text: string, style: TextStyle, width = CONTENT_WIDTH, bold = false): string[] {
    const font = this.fonts[bold ? 'bold' : style.font];
    return wrap(printable(font, text), font, style.size, width);
  }

  /** Draws one line whose top is at the cursor, and moves the cursor down by its leading. */
  line(text: string, style: TextStyle, x = MARGIN.left, options: { bold?: boolean; color?: RGB } = {}): void {
    drawLine(this.page, this.fonts, text, style, x, this.y, options);
    this.y -= style.leading;
    this.fresh = false;
  }

  /** Wrapped text, line by line, breaking pages between lines; the first `keep` lines stay together. */
  text(text: string, style: TextStyle, options: { indent?: number; keep?: number; bold?: boolean; decorate?: (top: number, height: number) => void } = {}): void {
    const indent = options.indent ?? 0;
    const lines = this.lines(text, style, CONTENT_WIDTH - indent, options.bold);
    this.need(Math.min(lines.length, options.keep ?? 2) * style.leading);
    for (const line of lines) {
      this.need(style.leading);
      options.decorate?.(this.y, style.leading);
      this.line(line, style, MARGIN.left + indent, { bold: options.bold });
    }
  }
}

/** Draws a line of text given the top of its line box (the baseline sits within the leading). */
export function drawLine(page: PDFPage, fonts: Fonts, text: string, style: TextStyle, x: number, top: number, options: { bold?: boolean; color?: RGB } = {}): void {
  if (!text) return;
  const font = fonts[options.bold ? 'bold' : style.font];
  const baseline = top - (style.leading - style.size) / 2 - style.size * 0.8;
  page.drawText(text, { x, y: baseline, size: style.size, font, color: options.color ?? style.color });
}
