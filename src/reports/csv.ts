/**
 * CSV as RFC 4180 (comma separated, CRLF line ends, fields quoted when they hold a quote,
 * comma or line break), with a guard against formula injection: a cell starting with
 * = + - @ (or a tab or carriage return) is prefixed with a single quote so that a
 * spreadsheet shows it as text instead of running it.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The line end between lines, and after the last. */
export const CSV_LINE_END = '\r\n';

/** One line of the file, without its line end: for a log written a row at a time. */
export function csvLine(row: readonly CsvValue[]): string {
  return row.map(csvCell).join(',');
}

/** The whole file from lines made by csvLine, the header's first. */
export function csvFromLines(lines: readonly string[]): string {
  return lines.join(CSV_LINE_END) + CSV_LINE_END;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvFromLines([header, ...rows].map(csvLine));
}
