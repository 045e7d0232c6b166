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

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
