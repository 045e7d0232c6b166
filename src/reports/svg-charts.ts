/**
 * Small charts drawn as inline SVG (no library, no network): they scale with the page
 * through viewBox, carry a <title> for screen readers, and print in black and white as
 * well as colour.
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(n));
  const steps = [1, 2, 2.5, 5, 10];
  for (const s of steps) if (s * p >= n) return s * p;
  return 10 * p;
}

/** Vertical bars, one per month (YYYY-MM), with a light grid and the count on each bar when there is room. */
export function monthlyBarChart(data: ReadonlyArray<{ month: string; received: number }>, title: string): string {
  const width = 640;
  const height = 240;
  const left = 40;
  const bottom = 36;
  const top = 16;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.received)));
  const slot = data.length ? plotW / data.length : plotW;
  const barW = Math.max(2, slot * 0.7);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = top + plotH - f * plotH;
    return `<line x1="${left}" x2="${width - 8}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y + 4).toFixed(1)}" class="axis" text-anchor="end">${Math.round(max * f)}</text>`;
  }).join('');
  const every = Math.ceil(data.length / 12);
  const bars = data.map((d, i) => {
    const h = max ? (d.received / max) * plotH : 0;
    const x = left + i * slot + (slot - barW) / 2;
    const y = top + plotH - h;
    const [yy, mm] = d.month.split('-');
    const label = i % every === 0 ? `<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 14}" class="axis" text-anchor="middle">${MONTHS[Number(mm) - 1] ?? mm}</text>${mm === '01' || i === 0 ? `<text x="${(x + barW / 2).toFixed(1)}" y="${height - bottom + 28}" class="axis" text-anchor="middle">${yy}</text>` : ''}` : '';
    const value = barW >= 18 && d.received > 0 ? `<text x="${(x + barW / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" class="value" text-anchor="middle">${d.received}</text>` : '';
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" class="bar"><title>${escapeHtml(d.month)}: ${d.received}</title></rect>${value}${label}`;
  }).join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" class="chart"><title>${escapeHtml(title)}</title>${grid}${bars}</svg>`;
}

/** Horizontal bars of percentages (0-100) with a target line, one row per label. */
export function percentBarChart(rows: ReadonlyArray<{ label: string; percent: number | null; detail: string }>, title: string, target = 100): string {
  const width = 640;
  const rowH = 34;
  const left = 210;
  const right = 60;
  const height = rows.length * rowH + 28;
  const plotW = width - left - right;
  const body = rows.map((r, i) => {
    const y = i * rowH + 6;
    const w = r.percent === null ? 0 : (r.percent / 100) * plotW;
    const cls = r.percent === null ? 'bar' : r.percent >= 95 ? 'bar good' : r.percent >= 80 ? 'bar warn' : 'bar bad';
    const value = r.percent === null ? 'none' : `${r.percent}%`;
    return `<text x="${left - 8}" y="${y + 17}" class="label" text-anchor="end">${escapeHtml(r.label)}</text>`
      + `<rect x="${left}" y="${y + 4}" width="${plotW}" height="20" class="track"/>`
      + `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="20" class="${cls}"><title>${escapeHtml(`${r.label}: ${value} (${r.detail})`)}</title></rect>`
      + `<text x="${left + plotW + 6}" y="${y + 19}" class="value">${value}</text>`;
  }).join('');
  const tx = left + (target / 100) * plotW;
  const axis = [0, 50, 100].map((p) => `<text x="${(left + (p / 100) * plotW).toFixed(1)}" y="${height - 4}" class="axis" text-anchor="middle">${p}%</text>`).join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" class="chart"><title>${escapeHtml(title)}</title>${body}`
    + `<line x1="${tx.toFixed(1)}" x2="${tx.toFixed(1)}" y1="2" y2="${height - 18}" class="target"/>${axis}</svg>`;
}
