import { degrees, type PDFPage } from 'pdf-lib';
import { FOOTER_BASELINE, MARGIN, STYLE, type Fonts } from './pdf-style';
import { printable } from './pdf-text';

/**
 * The footer on every page, the merged pages of an attached PDF included: the document's
 * line on the left, "Page N of M" on the right. It is drawn after everything else, when the
 * page count is known. A merged page may be any size and may be shown turned (/Rotate), so
 * the footer is placed along whichever edge the reader sees at the bottom, reading the right
 * way up. It is drawn over the page without a background: hiding part of someone's evidence
 * would be worse than a footer that sits on top of a scan's edge.
 */

/** Where (u, v), measured along the bottom and up the page as the reader sees it, lands in the page's own space. */
function placer(page: PDFPage): { width: number; at: (u: number, v: number) => { x: number; y: number }; angle: number } {
  const box = page.getCropBox();
  const angle = (((page.getRotation().angle % 360) + 360) % 360);
  switch (angle) {
    case 90: return { width: box.height, angle, at: (u, v) => ({ x: box.x + box.width - v, y: box.y + u }) };
    case 180: return { width: box.width, angle, at: (u, v) => ({ x: box.x + box.width - u, y: box.y + box.height - v }) };
    case 270: return { width: box.height, angle, at: (u, v) => ({ x: box.x + v, y: box.y + box.height - u }) };
    default: return { width: box.width, angle: 0, at: (u, v) => ({ x: box.x + u, y: box.y + v }) };
  }
}

/** Cuts text to fit `width`, ending it with an ellipsis, so a long footer never runs into the page number. */
function fit(text: string, fonts: Fonts, width: number): string {
  const font = fonts.regular;
  if (font.widthOfTextAtSize(text, STYLE.footer.size) <= width) return text;
  let cut = text.length;
  while (cut > 0 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, STYLE.footer.size) > width) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

export function stampFooters(pages: PDFPage[], footer: string, fonts: Fonts): void {
  const { size, color } = STYLE.footer;
  const font = fonts.regular;
  const left = printable(font, footer);
  for (const [i, page] of pages.entries()) {
    const { width, at, angle } = placer(page);
    // A small merged page (A5, a receipt) gets narrower margins than A4's 2 cm.
    const margin = Math.min(MARGIN.left, width * 0.08);
    const number = `Page ${i + 1} of ${pages.length}`;
    const numberWidth = font.widthOfTextAtSize(number, size);
    const text = fit(left, fonts, width - 2 * margin - numberWidth - 12);
    const rotate = degrees(angle);
    page.drawText(text, { ...at(margin, FOOTER_BASELINE), size, font, color, rotate });
    page.drawText(number, { ...at(width - margin - numberWidth, FOOTER_BASELINE), size, font, color, rotate });
  }
}
