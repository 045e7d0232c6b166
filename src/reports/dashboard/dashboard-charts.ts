import { escapeHtml as h } from '../svg-charts';
import type { DashboardFigures } from './dashboard-figures';

/** The dashboard's two charts as inline SVG: open cases per stage split by deadline, and complaints per month by category. */
const COLOURS = { overdue: '#c4314b', thisWeek: '#c19c00', later: '#5b5fc7' } as const;
const SERIES = ['#5b5fc7', '#c4314b', '#237b4b', '#c19c00', '#0f6cbd', '#8a8886'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function stageBars(rows: DashboardFigures['byStage']): string {
  if (rows.length === 0) return '<p class="muted">No case is open.</p>';
  const width = 520;
  const left = 150;
  const rowH = 34;
  const max = Math.max(1, ...rows.map((r) => r.overdue + r.thisWeek + r.later));
  const scale = (width - left - 10) / max;
  const bars = rows.map((r, i) => {
    const y = i * rowH + 6;
    let x = left;
    const parts = (['overdue', 'thisWeek', 'later'] as const).map((k) => {
      const w = r[k] * scale;
      const out = w > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="22" fill="${COLOURS[k]}"><title>${r[k]} ${k === 'thisWeek' ? 'due this week' : k}</title></rect>${w > 22 ? `<text class="v" x="${(x + w / 2).toFixed(1)}" y="${y + 15}" text-anchor="middle">${r[k]}</text>` : ''}` : '';
      x += w;
      return out;
    }).join('');
    const name = r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name;
    return `<text class="label" x="0" y="${y + 15}">${h(name)}</text>${parts}`;
  }).join('');
  const height = rows.length * rowH + 8;
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="stage-bars-title"><title id="stage-bars-title">Open cases by stage: overdue, due this week, later</title>${bars}</svg>`
    + `<ul class="legend"><li><i style="background:${COLOURS.overdue}"></i>overdue</li><li><i style="background:${COLOURS.thisWeek}"></i>due this week</li><li><i style="background:${COLOURS.later}"></i>later</li></ul>`;
}

/** The five biggest categories as lines, the rest together as "All others". */
export function trendLines(trend: DashboardFigures['trend']): string {
  if (trend.categories.length === 0) return '<p class="muted">No complaints in the last 12 months.</p>';
  const top = trend.categories.slice(0, 5);
  const rest = trend.categories.slice(5);
  const series = rest.length ? [...top, { key: 'others', label: 'All others', counts: trend.months.map((_, i) => rest.reduce((a, c) => a + (c.counts[i] ?? 0), 0)) }] : top;
  const width = 520;
  const height = 220;
  const left = 30;
  const bottom = 24;
  const max = Math.max(1, ...series.flatMap((s) => s.counts));
  const step = (width - left - 10) / Math.max(1, trend.months.length - 1);
  const y = (v: number): number => 8 + (height - bottom - 8) * (1 - v / max);
  const grid = [0, 0.5, 1].map((f) => `<line x1="${left}" x2="${width - 10}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}" stroke="#e0e0e0"/><text x="${left - 4}" y="${(y(max * f) + 4).toFixed(1)}" text-anchor="end">${Math.round(max * f)}</text>`).join('');
  const labels = trend.months.map((m, i) => (i % 2 === 0 || trend.months.length <= 6 ? `<text x="${(left + i * step).toFixed(1)}" y="${height - 6}" text-anchor="middle">${MONTHS[Number(m.slice(5, 7)) - 1] ?? m}</text>` : '')).join('');
  const lines = series.map((s, si) => `<polyline fill="none" stroke="${SERIES[si % SERIES.length]}" stroke-width="2.5" points="${s.counts.map((c, i) => `${(left + i * step).toFixed(1)},${y(c).toFixed(1)}`).join(' ')}"><title>${h(s.label)}: ${s.counts.join(', ')}</title></polyline>`).join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="trend-title"><title id="trend-title">Complaints received per month by category, ${h(trend.months[0] ?? '')} to ${h(trend.months.at(-1) ?? '')}</title>${grid}${labels}${lines}</svg>`
    + `<ul class="legend">${series.map((s, si) => `<li><i style="background:${SERIES[si % SERIES.length]}"></i>${h(s.label)} (${s.counts.reduce((a, b) => a + b, 0)})</li>`).join('')}</ul>`;
}
