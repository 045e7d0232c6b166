import type { Block, Cell, ReportDocument } from './document-model';
import { escapeHtml as h } from './svg-charts';

/**
 * A ReportDocument as one self-contained HTML page: inline CSS, no scripts, no network.
 * Reads on a phone (tables scroll sideways) and prints cleanly (@media print: no backgrounds,
 * rows never split, a section marked newPage starts a page).
 */
const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d9dee3;--bg:#f5f7f9;--accent:#1f5f8b;--good:#2e7d32;--warn:#b26a00;--bad:#c62828}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--accent);color:#fff;padding:28px 20px 24px}
header h1{margin:0 0 6px;font-size:1.6rem;line-height:1.25;max-width:1040px;margin-inline:auto}
header p{margin:2px auto;opacity:.92;max-width:1040px}
main{max-width:1040px;margin:0 auto;padding:16px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:16px 0}
h2{font-size:1.2rem;margin:0 0 12px;color:var(--accent)} h3{font-size:1rem;margin:16px 0 8px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:7px 6px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}
td p{margin:0 0 6px} td p:last-child{margin:0}
td.yes{color:var(--good);font-weight:600} td.no{color:var(--bad);font-weight:600} td.partly{color:var(--warn);font-weight:600} td.muted{color:var(--muted)}
td.b{font-weight:600}
p.note{color:var(--muted);font-size:.9rem} p.small{font-size:.88rem} p.warning{border-left:4px solid var(--warn);padding:6px 10px;background:#fff8ec}
.fill{border:1px solid var(--ink);border-radius:4px;min-height:calc(var(--lines) * 1.9em);padding:8px;color:var(--muted)}
footer{max-width:1040px;margin:0 auto;padding:8px 16px 32px;color:var(--muted);font-size:.85rem}
@media (max-width:700px){header h1{font-size:1.3rem}section{padding:14px 12px;border-radius:0;margin:10px -16px}main{padding:8px 16px}
table,tbody,tr,td{display:block;width:100%}thead,colgroup{display:none}tr{border:1px solid var(--line);border-radius:8px;margin:0 0 10px;padding:4px 8px}
td{border:none;padding:4px 0}td::before{content:attr(data-label);display:block;font-size:.78rem;color:var(--muted);font-weight:400}}
@media print{body{background:#fff;font-size:10.5pt}header{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
section{border:none;padding:0;margin:14px 0}section.page{break-before:page}th{background:none}tr{break-inside:avoid}h2,h3{break-after:avoid}.scroll{overflow:visible}
p.warning{background:none}}
`;

function cellHtml(c: Cell, label: string): string {
  const cls = [c.tone ?? '', c.bold ? 'b' : ''].filter(Boolean).join(' ');
  const body = c.lines.length === 1 ? h(c.lines[0] ?? '') : c.lines.map((l) => `<p>${h(l)}</p>`).join('');
  // data-label: on a phone each row is a card and each cell says which column it is.
  return `<td${cls ? ` class="${cls}"` : ''} data-label="${h(label)}">${body}</td>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading': return b.level === 2 ? `<h2>${h(b.text)}</h2>` : `<h3>${h(b.text)}</h3>`;
    case 'paragraph': return `<p${b.style ? ` class="${b.style}"` : ''}>${h(b.text)}</p>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
    case 'table': return `<div class="scroll"><table><colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`
      + `<thead><tr>${b.head.map((t) => `<th scope="col">${h(t)}</th>`).join('')}</tr></thead>`
      + `<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => cellHtml(c, b.head[i] ?? '')).join('')}</tr>`).join('')}</tbody></table></div>`;
    case 'fill-in': return `<h3>${h(b.label)}</h3><div class="fill" style="--lines:${b.lines}">&nbsp;</div>`;
  }
}

export function renderDocumentHtml(doc: ReportDocument, footer: string): string {
  // Each level-2 heading opens a section (a card on screen; a page break in print if newPage).
  const parts: string[] = [];
  let open = false;
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 2) {
      if (open) parts.push('</section>');
      parts.push(`<section${b.newPage ? ' class="page"' : ''}>`);
      open = true;
    } else if (!open) {
      parts.push('<section>');
      open = true;
    }
    parts.push(blockHtml(b));
  }
  if (open) parts.push('</section>');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(doc.title)}</title><style>${CSS}</style></head>
<body><header><h1>${h(doc.title)}</h1>${doc.subtitle.map((s) => `<p>${h(s)}</p>`).join('')}</header>
<main>${parts.join('\n')}</main><footer>${h(footer)}</footer></body></html>
`;
}
