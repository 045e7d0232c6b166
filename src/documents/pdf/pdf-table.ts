import type { RGB } from 'pdf-lib';
import type { Block, Cell } from '../../reports/document-model';
import { drawLine, type Flow } from './page-flow';
import { CONTENT_WIDTH, HEAD_FILL, LINE, MARGIN, STYLE, TONE } from './pdf-style';

/**
 * A table on paper: columns as wide as `widths` says (relative numbers), cell text wrapped,
 * light grid lines, the header row again at the top of each page the table runs onto, and a
 * row kept whole on one page unless it is taller than a page by itself (then it is split
 * between lines, and the rest continues under the repeated header).
 */
type Table = Extract<Block, { kind: 'table' }>;

const PAD_X = 4;
const PAD_Y = 3.5;
/** Extra space between the paragraphs (lines) of one cell, as the HTML page's <p> margin. */
const PARA_GAP = 3;
/** A split row's piece smaller than this is not worth starting at a page foot. */
const MIN_PIECE = 3 * STYLE.cell.leading + 2 * PAD_Y;

interface CellLine { text: string; height: number }
interface CellLayout { lines: CellLine[]; bold: boolean; color: RGB }
interface RowLayout { cells: CellLayout[]; height: number; header: boolean }

/** Column widths in points: `widths` made relative to their sum; a missing or nonsense width takes the average. */
export function columnWidths(table: Table): number[] {
  const count = table.rows.reduce((most, r) => Math.max(most, r.length), Math.max(table.head.length, 1));
  const given = Array.from({ length: count }, (_, i) => table.widths[i]).map((w) => (w !== undefined && Number.isFinite(w) && w > 0 ? w : undefined));
  const known = given.filter((w): w is number => w !== undefined);
  const average = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const relative = given.map((w) => w ?? average);
  const total = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => (w / total) * CONTENT_WIDTH);
}

function layoutCell(flow: Flow, c: Cell, width: number, header: boolean): CellLayout {
  const tone = c.tone ? TONE[c.tone] : undefined;
  const bold = header || c.bold === true || tone?.bold === true;
  const lines: CellLine[] = [];
  for (const [i, paragraph] of c.lines.entries()) {
    const wrapped = flow.lines(paragraph, STYLE.cell, width - 2 * PAD_X, bold);
    for (const [j, text] of wrapped.entries()) {
      lines.push({ text, height: STYLE.cell.leading + (i > 0 && j === 0 ? PARA_GAP : 0) });
    }
  }
  return { lines, bold, color: tone?.color ?? STYLE.cell.color };
}

function layoutRow(flow: Flow, cells: Cell[], widths: number[], header: boolean): RowLayout {
  const laid = widths.map((w, i) => layoutCell(flow, cells[i] ?? { lines: [] }, w, header));
  const height = Math.max(...laid.map((c) => c.lines.reduce((sum, l) => sum + l.height, 0)), STYLE.cell.leading) + 2 * PAD_Y;
  return { cells: laid, height, header };
}

function drawRow(flow: Flow, row: RowLayout, widths: number[], height: number): void {
  const { page } = flow;
  let x = MARGIN.left;
  for (const [i, w] of widths.entries()) {
    const c = row.cells[i];
    page.drawRectangle({ x, y: flow.y - height, width: w, height, borderColor: LINE, borderWidth: 0.5, ...(row.header ? { color: HEAD_FILL } : {}) });
    let top = flow.y - PAD_Y;
    for (const line of c?.lines ?? []) {
      top -= line.height - STYLE.cell.leading;
      drawLine(page, flow.fonts, line.text, STYLE.cell, x + PAD_X, top, { bold: c?.bold, color: c?.color });
      top -= STYLE.cell.leading;
    }
    x += w;
  }
  flow.y -= height;
  flow.fresh = false;
}

/** The first `room` points' worth of each cell's lines, and what is left for the next page. */
function splitRow(row: RowLayout, room: number): [RowLayout, RowLayout] {
  const fits = room - 2 * PAD_Y;
  const take = row.cells.map((c) => {
    let used = 0;
    let n = 0;
    while (n < c.lines.length && used + (c.lines[n]?.height ?? 0) <= fits) { used += c.lines[n]?.height ?? 0; n += 1; }
    // Only if a (freakishly tall) header leaves no room at all: one line overruns the margin rather than looping for ever.
    return n === 0 && fits < STYLE.cell.leading ? Math.min(1, c.lines.length) : n;
  });
  const piece = (from: 'head' | 'tail'): RowLayout => {
    const cells = row.cells.map((c, i) => {
      const lines = from === 'head' ? c.lines.slice(0, take[i]) : c.lines.slice(take[i]);
      // A continued paragraph starts at the top of the cell, without the gap it had mid-cell.
      return { ...c, lines: lines.map((l, j) => (j === 0 ? { ...l, height: STYLE.cell.leading } : l)) };
    });
    const height = Math.max(...cells.map((c) => c.lines.reduce((sum, l) => sum + l.height, 0)), STYLE.cell.leading) + 2 * PAD_Y;
    return { cells, height, header: false };
  };
  return [piece('head'), piece('tail')];
}

/** How much room the table needs to start on a page: the header and its first row (a heading above keeps with this). */
export function tableLeadHeight(flow: Flow, table: Table): number {
  const widths = columnWidths(table);
  const head = table.head.length ? layoutRow(flow, table.head.map((t) => ({ lines: [t] })), widths, true).height : 0;
  const first = table.rows[0] ? layoutRow(flow, table.rows[0], widths, false).height : 0;
  return Math.min(head + first, flow.capacity);
}

export function drawTable(flow: Flow, table: Table): void {
  const widths = columnWidths(table);
  const head = table.head.length ? layoutRow(flow, table.head.map((t) => ({ lines: [t] })), widths, true) : undefined;
  const headHeight = head?.height ?? 0;
  const rows = table.rows.map((r) => layoutRow(flow, r, widths, false));
  const startPage = (): void => {
    flow.newPage();
    if (head) drawRow(flow, head, widths, head.height);
  };

  flow.need(Math.min(headHeight + (rows[0]?.height ?? 0), flow.capacity));
  if (head) drawRow(flow, head, widths, head.height);
  for (const row of rows) {
    if (row.height <= flow.room) { drawRow(flow, row, widths, row.height); continue; }
    if (headHeight + row.height <= flow.capacity) { startPage(); drawRow(flow, row, widths, row.height); continue; }
    // Taller than a page: fill what is left of this one (if worth it), then carry on under the header.
    let rest = row;
    if (flow.room < MIN_PIECE) startPage();
    for (;;) {
      const [piece, tail] = splitRow(rest, flow.room);
      drawRow(flow, piece, widths, piece.height);
      if (tail.cells.every((c) => c.lines.length === 0)) break;
      rest = tail;
      startPage();
    }
  }
}
