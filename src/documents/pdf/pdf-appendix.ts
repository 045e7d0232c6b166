import { degrees, PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';
import type { Flow } from './page-flow';
import { drawParagraph, drawWarning } from './pdf-blocks';
import type { Bookmark } from './pdf-outline';
import { CONTENT_WIDTH, MARGIN, STYLE } from './pdf-style';
import { printable } from './pdf-text';
import { jpegQuarterTurns } from './jpeg-orientation';
import type { PdfAppendix } from './document-pdf';

/**
 * The files attached to a case, after the document: each starts a page with its title and the
 * facts about it, then the file itself: a PDF's own pages merged in, a picture scaled to the
 * page, text printed. A file that cannot be read says so on its page and the pack carries on,
 * since one damaged attachment must not stop the rest of the evidence being sent.
 */

function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // pdf-lib's messages can run long (a parse position, a hint about options): the first line is enough.
  const first = text.split('\n')[0] ?? '';
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}

/**
 * The bytes in an ArrayBuffer of their own. pdf-lib's JPEG reader reads `bytes.buffer` from its
 * start, ignoring a view's offset, so a Buffer from Node's shared pool (any small Buffer, or a
 * slice) would read as "SOI not found"; a copy costs little next to the embedding.
 */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** Loads the attached PDF and copies its pages into the pack, or says why it cannot. */
async function copyPdf(flow: Flow, bytes: Uint8Array): Promise<{ pages: PDFPage[] } | { problem: string }> {
  try {
    const source = await PDFDocument.load(own(bytes), { updateMetadata: false });
    const indices = source.getPageIndices();
    if (!indices.length) return { problem: 'This PDF has no pages to include.' };
    return { pages: await flow.pdf.copyPages(source, indices) };
  } catch (e) {
    // pdf-lib's EncryptedPDFError is compiled to ES5, where `instanceof` an Error subclass fails: its message is what can be read.
    return { problem: reason(e).includes('is encrypted')
      ? 'This PDF is password-protected (encrypted), so its pages could not be included here.'
      : `This file could not be read as a PDF, so its pages could not be included here (${reason(e)}).` };
  }
}

async function embedImage(flow: Flow, format: 'jpeg' | 'png', bytes: Uint8Array): Promise<PDFImage | string> {
  try {
    return format === 'jpeg' ? await flow.pdf.embedJpg(own(bytes)) : await flow.pdf.embedPng(own(bytes));
  } catch (e) {
    return `This file could not be read as a ${format === 'jpeg' ? 'JPEG' : 'PNG'} image, so it is not shown here (${reason(e)}).`;
  }
}

/** The picture as large as fits below the heading (or on the next page, if little is left), the right way up, never enlarged. */
function drawImage(flow: Flow, image: PDFImage, turns: 0 | 1 | 2 | 3): void {
  flow.gap(10);
  if (flow.room < flow.capacity * 0.4) flow.newPage();
  const sideways = turns % 2 === 1;
  const shown = sideways ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
  const scale = Math.min(CONTENT_WIDTH / shown.width, flow.room / shown.height, 1);
  const w = shown.width * scale;
  const h = shown.height * scale;
  const x = MARGIN.left;
  const y = flow.y - h;
  // pdf-lib turns an image anticlockwise about its lower-left corner; these corners put the turned picture in the box (x, y, w, h).
  const placed = [
    { x, y, rotate: 0 },
    { x, y: y + h, rotate: -90 },
    { x: x + w, y: y + h, rotate: 180 },
    { x: x + w, y, rotate: 90 },
  ][turns] ?? { x, y, rotate: 0 };
  flow.page.drawImage(image, { x: placed.x, y: placed.y, width: sideways ? h : w, height: sideways ? w : h, rotate: degrees(placed.rotate) });
  flow.y -= h;
  flow.fresh = false;
}

/**
 * Plain text in Courier, so an email's headers and a note's columns line up as written.
 * Lines are cut by character count (every Courier letter is 0.6 em wide), which stays fast
 * for a long unbroken line such as a base64 block.
 */
function drawText(flow: Flow, text: string): void {
  const style = STYLE.mono;
  const perLine = Math.floor(CONTENT_WIDTH / (style.size * 0.6));
  flow.gap(10);
  for (const source of text.replace(/\r\n?/g, '\n').split('\n')) {
    let rest = printable(flow.fonts.mono, source).trimEnd();
    do {
      const space = rest.length > perLine ? rest.lastIndexOf(' ', perLine) : -1;
      const cut = rest.length <= perLine ? rest.length : space > perLine / 2 ? space : perLine;
      flow.need(style.leading);
      flow.line(rest.slice(0, cut), style);
      rest = rest.slice(cut).replace(/^ /, '');
    } while (rest.length > 0);
  }
}

/** One appendix from a new page; returns its bookmark. Merged PDF pages are added straight after the heading page. */
export async function drawAppendix(flow: Flow, appendix: PdfAppendix): Promise<Bookmark> {
  flow.newPage();
  const mark: Bookmark = { title: appendix.title, page: flow.page.ref, top: flow.y + 4, children: [] };
  for (const line of flow.lines(appendix.title, STYLE.h2)) flow.line(line, STYLE.h2);
  flow.y -= 4;
  for (const line of appendix.lines) flow.text(line, STYLE.body, { keep: 1 });
  if (appendix.warning) { flow.gap(7); drawWarning(flow, appendix.warning); }
  const { content } = appendix;
  switch (content.type) {
    case 'pdf': {
      const copied = await copyPdf(flow, content.bytes);
      if ('problem' in copied) { drawParagraph(flow, copied.problem, 'warning'); break; }
      // Written before the pages are added, so the heading page stays in front of them.
      const count = copied.pages.length;
      drawParagraph(flow, count === 1 ? 'The file\'s page follows.' : `The file's ${count} pages follow.`, 'note');
      for (const page of copied.pages) flow.pdf.addPage(page);
      break;
    }
    case 'image': {
      const image = await embedImage(flow, content.format, content.bytes);
      if (typeof image === 'string') drawParagraph(flow, image, 'warning');
      else drawImage(flow, image, content.format === 'jpeg' ? jpegQuarterTurns(content.bytes) : 0);
      break;
    }
    case 'text': drawText(flow, content.text); break;
    case 'none': drawParagraph(flow, content.reason, 'note'); break;
  }
  return mark;
}
