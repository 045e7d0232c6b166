import type { Block, ReportDocument } from '../../reports/document-model';
import { drawLine, type Flow } from './page-flow';
import { ACCENT, CONTENT_WIDTH, INK, LINE, MARGIN, STYLE, WARN, WARN_FILL, type TextStyle } from './pdf-style';
import { drawTable, tableLeadHeight } from './pdf-table';
import type { Bookmark } from './pdf-outline';

/**
 * The document's blocks laid down the pages, in the HTML page's order and meaning: headings
 * (which become bookmarks), paragraphs in their styles, bullet lists, tables and ruled spaces
 * to fill in. A heading never ends a page: it moves to the next one with the first line of
 * whatever follows it.
 */

/** Space above each kind of block (none at the top of a page: see Flow.gap). */
const BEFORE = { h2: 16, h3: 10, paragraph: 7, list: 6, table: 8, fillIn: 10 } as const;
const AFTER_HEADING = 4;
const WARNING_PAD = 4;
const BULLET_INDENT = 16;
const FILL_LINE = 20;

function paragraphStyle(style: 'note' | 'small' | 'warning' | undefined): TextStyle {
  return style === 'note' ? STYLE.note : style === 'small' ? STYLE.small : STYLE.body;
}

export function drawTitle(flow: Flow, doc: ReportDocument): void {
  for (const line of flow.lines(doc.title, STYLE.title)) flow.line(line, STYLE.title);
  flow.y -= 2;
  for (const sub of doc.subtitle) for (const line of flow.lines(sub, STYLE.subtitle)) flow.line(line, STYLE.subtitle);
  flow.y -= 6;
  flow.page.drawLine({ start: { x: MARGIN.left, y: flow.y }, end: { x: MARGIN.left + CONTENT_WIDTH, y: flow.y }, thickness: 1.2, color: ACCENT });
  flow.y -= 10;
}

/** A paragraph in the warning style: a light amber panel with a bar down its left edge. */
export function drawWarning(flow: Flow, text: string): void {
  const style = STYLE.body;
  const lines = flow.lines(text, style, CONTENT_WIDTH - 14);
  flow.need(Math.min(lines.length, 2) * style.leading + 2 * WARNING_PAD);
  for (const [i, line] of lines.entries()) {
    const padTop = i === 0 ? WARNING_PAD : 0;
    const padBottom = i === lines.length - 1 ? WARNING_PAD : 0;
    const height = style.leading + padTop + padBottom;
    flow.need(height);
    flow.page.drawRectangle({ x: MARGIN.left, y: flow.y - height, width: CONTENT_WIDTH, height, color: WARN_FILL });
    flow.page.drawRectangle({ x: MARGIN.left, y: flow.y - height, width: 3, height, color: WARN });
    flow.y -= padTop;
    flow.line(line, style, MARGIN.left + 12);
    flow.y -= padBottom;
  }
}

export function drawParagraph(flow: Flow, text: string, style?: 'note' | 'small' | 'warning'): void {
  flow.gap(BEFORE.paragraph);
  if (style === 'warning') drawWarning(flow, text);
  else flow.text(text, paragraphStyle(style));
}

function drawList(flow: Flow, items: string[]): void {
  const style = STYLE.body;
  flow.gap(BEFORE.list);
  for (const item of items) {
    const lines = flow.lines(item, style, CONTENT_WIDTH - BULLET_INDENT);
    flow.need(Math.min(lines.length, 2) * style.leading);
    for (const [i, line] of lines.entries()) {
      flow.need(style.leading);
      if (i === 0) drawLine(flow.page, flow.fonts, '•', style, MARGIN.left + 4, flow.y);
      flow.line(line, style, MARGIN.left + BULLET_INDENT);
    }
    flow.y -= 2;
  }
}

function fillInHeight(flow: Flow, b: Extract<Block, { kind: 'fill-in' }>): { label: string[]; box: number } {
  const label = flow.lines(b.label, STYLE.h3);
  const box = Math.min(Math.max(1, b.lines) * FILL_LINE + 6, flow.capacity - label.length * STYLE.h3.leading - AFTER_HEADING);
  return { label, box };
}

/** A ruled box to write in by hand, kept on one page with its label. */
function drawFillIn(flow: Flow, b: Extract<Block, { kind: 'fill-in' }>): void {
  flow.gap(BEFORE.fillIn);
  const { label, box } = fillInHeight(flow, b);
  flow.need(label.length * STYLE.h3.leading + AFTER_HEADING + box);
  for (const line of label) flow.line(line, STYLE.h3);
  flow.y -= AFTER_HEADING;
  const { page } = flow;
  for (let ruled = flow.y - FILL_LINE - 3; ruled > flow.y - box + 4; ruled -= FILL_LINE) {
    page.drawLine({ start: { x: MARGIN.left + 8, y: ruled }, end: { x: MARGIN.left + CONTENT_WIDTH - 8, y: ruled }, thickness: 0.4, color: LINE });
  }
  page.drawRectangle({ x: MARGIN.left, y: flow.y - box, width: CONTENT_WIDTH, height: box, borderColor: INK, borderWidth: 0.75 });
  flow.y -= box;
}

/** The height a block needs at the top of a page so a heading above it is not left alone. */
function leadHeight(flow: Flow, blocks: Block[], i: number): number {
  const b = blocks[i];
  if (!b) return 0;
  switch (b.kind) {
    case 'heading': {
      const style = b.level === 2 ? STYLE.h2 : STYLE.h3;
      return BEFORE[b.level === 2 ? 'h2' : 'h3'] + flow.lines(b.text, style).length * style.leading + AFTER_HEADING + leadHeight(flow, blocks, i + 1);
    }
    case 'paragraph': {
      const lines = flow.lines(b.text, paragraphStyle(b.style), b.style === 'warning' ? CONTENT_WIDTH - 14 : CONTENT_WIDTH).length;
      return BEFORE.paragraph + Math.min(lines, 2) * paragraphStyle(b.style).leading + (b.style === 'warning' ? 2 * WARNING_PAD : 0);
    }
    case 'list': {
      const first = b.items[0];
      return first === undefined ? 0 : BEFORE.list + Math.min(flow.lines(first, STYLE.body, CONTENT_WIDTH - BULLET_INDENT).length, 2) * STYLE.body.leading;
    }
    case 'table': return BEFORE.table + tableLeadHeight(flow, b);
    case 'fill-in': {
      const { label, box } = fillInHeight(flow, b);
      return BEFORE.fillIn + label.length * STYLE.h3.leading + AFTER_HEADING + box;
    }
  }
}

/** Draws the blocks and returns the bookmarks: level-2 headings, each with its level-3 headings inside. */
export function drawBlocks(flow: Flow, blocks: Block[]): Bookmark[] {
  const bookmarks: Bookmark[] = [];
  let section: Bookmark | undefined;
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'heading': {
        const style = b.level === 2 ? STYLE.h2 : STYLE.h3;
        if (b.newPage && !flow.fresh) flow.newPage();
        flow.gap(BEFORE[b.level === 2 ? 'h2' : 'h3']);
        const lines = flow.lines(b.text, style);
        const own = lines.length * style.leading + AFTER_HEADING;
        flow.need(Math.min(own + leadHeight(flow, blocks, i + 1), flow.capacity));
        const mark: Bookmark = { title: b.text, page: flow.page.ref, top: flow.y + 4, children: [] };
        for (const line of lines) flow.line(line, style);
        flow.y -= AFTER_HEADING;
        // A level-3 heading before any level-2 one has no section to sit in, so it stands at the top.
        if (b.level === 3 && section) section.children.push(mark);
        else bookmarks.push(mark);
        if (b.level === 2) section = mark;
        break;
      }
      case 'paragraph': drawParagraph(flow, b.text, b.style); break;
      case 'list': drawList(flow, b.items); break;
      case 'table': flow.gap(BEFORE.table); drawTable(flow, b); break;
      case 'fill-in': drawFillIn(flow, b); break;
    }
  }
  return bookmarks;
}
