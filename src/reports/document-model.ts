/**
 * A published document (the self-assessment, the annual report) as plain blocks, so the HTML
 * page and the Word file are made from the same content and cannot say different things.
 */
export type Tone = 'yes' | 'no' | 'partly' | 'muted';

/** A table cell: its text (one paragraph per line) and how it is marked. */
export interface Cell { lines: string[]; tone?: Tone; bold?: boolean }

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string; newPage?: boolean }
  | { kind: 'paragraph'; text: string; style?: 'note' | 'small' | 'warning' }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; widths: number[] }
  /** A ruled space to be filled in (the governing body's response). */
  | { kind: 'fill-in'; label: string; lines: number };

export interface ReportDocument {
  title: string;
  subtitle: string[];
  blocks: Block[];
}

export const cell = (text: string | string[], tone?: Tone, bold?: boolean): Cell => ({
  lines: Array.isArray(text) ? text : [text], ...(tone ? { tone } : {}), ...(bold ? { bold } : {}),
});
