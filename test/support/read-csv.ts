/**
 * The cells of a CSV file (RFC 4180: quoted cells may hold commas, quotes and new lines; rows end
 * in CRLF or LF). A small reader of its own, independent of the writer, to read files back.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => { row.push(cell); rows.push(row); row = []; cell = ''; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { endRow(); i++; } else if (c === '\n') endRow(); else cell += c;
  }
  if (cell || row.length) endRow();
  return rows;
}
