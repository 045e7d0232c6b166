import { rgb, type PDFFont, type RGB } from 'pdf-lib';
import type { Tone } from '../../reports/document-model';

/**
 * The document PDF's page and type: A4 portrait, 2 cm margins (a little more at the foot for
 * the page numbers), Helvetica at 10.5 pt for the body. The colours are the HTML page's
 * (src/reports/document-html.ts), so a tone means the same on paper as on screen.
 */
const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM };
export const MARGIN = { left: 20 * MM, right: 20 * MM, top: 20 * MM, bottom: 22 * MM };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where the footer's baseline sits, measured up from the foot of the page. */
export const FOOTER_BASELINE = 10 * MM;

export interface Fonts { regular: PDFFont; bold: PDFFont; mono: PDFFont }

export interface TextStyle { font: keyof Fonts; size: number; leading: number; color: RGB }

export const INK = rgb(0.106, 0.122, 0.141); // #1b1f24
export const MUTED = rgb(0.357, 0.396, 0.439); // #5b6570
export const ACCENT = rgb(0.122, 0.373, 0.545); // #1f5f8b
export const LINE = rgb(0.72, 0.75, 0.78); // a little darker than the page's #d9dee3, which vanishes on paper
export const HEAD_FILL = rgb(0.933, 0.945, 0.957); // #eef1f4, the Word file's header shading
export const WARN = rgb(0.698, 0.416, 0); // #b26a00
export const WARN_FILL = rgb(1, 0.973, 0.925); // #fff8ec

/** A tone's colour; yes, no and partly are bold too, as on the HTML page. */
export const TONE: Record<Tone, { color: RGB; bold: boolean }> = {
  yes: { color: rgb(0.18, 0.49, 0.196), bold: true }, // #2e7d32
  no: { color: rgb(0.776, 0.157, 0.157), bold: true }, // #c62828
  partly: { color: WARN, bold: true },
  muted: { color: MUTED, bold: false },
};

export const STYLE = {
  title: { font: 'bold', size: 20, leading: 25, color: ACCENT },
  subtitle: { font: 'regular', size: 11, leading: 15, color: MUTED },
  h2: { font: 'bold', size: 14, leading: 18, color: ACCENT },
  h3: { font: 'bold', size: 11.5, leading: 15, color: INK },
  body: { font: 'regular', size: 10.5, leading: 14.5, color: INK },
  note: { font: 'regular', size: 9.5, leading: 13, color: MUTED },
  small: { font: 'regular', size: 9.5, leading: 13, color: INK },
  cell: { font: 'regular', size: 9.5, leading: 12.5, color: INK },
  mono: { font: 'mono', size: 9, leading: 11.5, color: INK },
  footer: { font: 'regular', size: 8.5, leading: 10, color: MUTED },
} satisfies Record<string, TextStyle>;
