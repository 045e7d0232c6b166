import { formatDate } from '../../domain/calendar-date';
import { escapeHtml as h } from '../svg-charts';
import type { DashboardFigures } from './dashboard-figures';
import { stageBars, trendLines } from './dashboard-charts';

/**
 * The dashboard as HTML: a fragment (its own <style> and content) that the Teams tab puts in
 * its page after signing in, or a whole page for a local run. No scripts of its own; charts are
 * inline SVG; one column on a phone.
 */
const CSS = `
.dash{--ink:#242424;--muted:#616161;--line:#e0e0e0;--bg:#f5f5f5;--accent:#5b5fc7;--bad:#c4314b;--warn:#835c00;--good:#237b4b;
font:15px/1.45 "Segoe UI",system-ui,-apple-system,sans-serif;color:var(--ink);max-width:1100px;margin:0 auto;padding:12px}
.dash h1{font-size:1.35rem;margin:4px 0 2px}.dash .sub{color:var(--muted);margin:0 0 12px}
.dash .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;list-style:none;padding:0;margin:0 0 12px}
.dash .tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px;border-left:4px solid var(--accent)}
.dash .tile.bad{border-left-color:var(--bad)}.dash .tile.warn{border-left-color:var(--warn)}
.dash .tile .n{display:block;font-size:1.8rem;font-weight:700;line-height:1.1}.dash .tile.bad .n{color:var(--bad)}
.dash .tile .l{color:var(--muted);font-size:.85rem}
.dash .grid{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.dash section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:0 0 12px;min-width:0}
.dash h2{font-size:1.05rem;margin:0 0 8px}
.dash .scroll{overflow-x:auto}
.dash table{border-collapse:collapse;width:100%;font-size:.88rem}
.dash th,.dash td{text-align:left;padding:5px 6px;border-bottom:1px solid var(--line);vertical-align:top}
.dash th{background:var(--bg);font-weight:600}.dash td.num,.dash th.num{text-align:right;font-variant-numeric:tabular-nums}
.dash .muted{color:var(--muted)}.dash .small{font-size:.82rem}.dash .late{color:var(--bad);font-weight:600}
.dash .pill{display:inline-block;padding:0 6px;border-radius:8px;background:#fff4ce;color:var(--warn);font-size:.75rem;font-weight:600}
.dash svg{width:100%;height:auto;display:block}.dash svg text{font:12px "Segoe UI",system-ui,sans-serif;fill:var(--muted)}
.dash svg .label{fill:var(--ink)}.dash svg .v{fill:#fff;font-weight:600}
.dash .legend{display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;padding:0;margin:6px 0 0;font-size:.82rem}
.dash .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle}
@media (max-width:760px){.dash .grid{grid-template-columns:1fr}.dash .tile .n{font-size:1.5rem}}
`;

const n = (v: number): string => v.toLocaleString('en-GB');
const MAX_OVERDUE_ROWS = 40;

/** Under a Scottish or Welsh policy: the quarter's complaints by stage (shr-return.ts), in place of England's TSMs. */
function quarterStages(f: DashboardFigures): string {
  if (f.national.kind === 'england-tsm') return '';
  const rows = f.national.figures.stages.map((s) => `<tr><th scope="row">${h(s.name)}</th><td class="num">${n(s.received)}</td><td class="num">${n(s.respondedInFull)}</td>`
    + `<td class="num"><strong>${s.withinTimescalePercent === null ? 'n/a' : `${s.withinTimescalePercent}%`}</strong> <span class="muted small">${n(s.withinTimescale)} of ${n(s.respondedInFull)}</span></td><td class="num">${s.averageWorkingDays ?? '–'}</td></tr>`).join('');
  return `<div class="scroll"><table><thead><tr><th>Stage</th><th class="num">Received</th><th class="num">Responded in full</th><th class="num">Within timescale</th><th class="num">Average working days</th></tr></thead><tbody>${rows}</tbody></table></div>`
    + `<p class="muted small">${h(f.quarter.label)} (${h(formatDate(f.quarter.from))} to ${h(formatDate(f.quarter.to))}); a stage 1 complaint escalated counts at both stages.</p>`;
}

/** Under a table that lists only the viewer's cases: how many others the figures count. */
function notShown(count: number, what: string): string {
  if (count === 0) return '';
  return `<p class="muted small" data-not-shown="${count}">${n(count)} other ${count === 1 ? 'case' : 'cases'} ${what} ${count === 1 ? 'is' : 'are'} counted above but not listed: ${count === 1 ? 'it is' : 'they are'} handled outside your team. The complaints team sees every case.</p>`;
}

export function dashboardFragment(f: DashboardFigures, viewer: string): string {
  const demo = f.demoCases > 0 ? ` <span class="pill">includes ${n(f.demoCases)} demo cases</span>` : '';
  const overdueRows = f.overdue.slice(0, MAX_OVERDUE_ROWS).map((o) => `<tr><td>${h(o.reference)}${o.demo ? ' <span class="pill">demo</span>' : ''}</td><td class="num">${o.stage}</td><td>${h(o.what)}</td>`
    + `<td>${h(formatDate(o.due))}</td><td class="num late">${n(o.workingDaysOverdue)}</td><td>${h(o.officer)}</td></tr>`).join('');
  const tsm = f.tsm
    ? `<div class="scroll"><table><thead><tr><th>Measure</th><th>LCRA</th><th>LCHO</th></tr></thead><tbody>${(['CH01(1)', 'CH01(2)', 'CH02(1)', 'CH02(2)'] as const).map((id) => {
      const cellFor = (group: string): string => {
        const m = f.tsm?.measures.find((x) => x.id === id && x.group === group);
        if (!m) return '<td>–</td>';
        const value = m.value === null ? 'n/a' : m.unit === '%' ? `${m.value.toFixed(1)}%` : m.value.toFixed(2);
        return `<td><strong>${value}</strong> <span class="muted small">${m.unit === '%' ? `${n(m.numerator)} of ${n(m.denominator)}` : `${n(m.numerator)} / ${n(m.denominator)} homes`}</span></td>`;
      };
      const name = id.startsWith('CH01') ? `${id} stage ${id.endsWith('(1)') ? 'one' : 'two'} complaints per 1,000 homes` : `${id} stage ${id.endsWith('(1)') ? 'one' : 'two'} responses within the Code`;
      return `<tr><th scope="row">${h(name)}</th>${cellFor('LCRA')}${cellFor('LCHO')}</tr>`;
    }).join('')}</tbody></table></div><p class="muted small">${h(f.quarter.label)} (${h(formatDate(f.quarter.from))} to ${h(formatDate(f.quarter.to))}); CH01 is not annualised.</p>`
    : '<p class="muted">The Tenant Satisfaction Measures need the number of homes: add "homes" to the landlord file (LANDLORD_FILE).</p>';
  const measures = f.national.kind === 'england-tsm'
    ? `<section><h2>This quarter's Tenant Satisfaction Measures</h2>${tsm}</section>`
    : `<section><h2>This quarter by stage${f.national.kind === 'scotland-arc' ? ', as the Scottish Housing Regulator counts it' : ', within the policy\'s timescales'}</h2>${quarterStages(f)}<p class="muted small">${h(f.national.tsmNote)}</p></section>`;
  const omb = f.ombudsman.length
    ? `<div class="scroll"><table><thead><tr><th>Complaint</th><th>Referred</th><th>Determined</th><th class="num">Orders complied</th></tr></thead><tbody>${f.ombudsman.map((c) => `<tr><td>${h(c.reference)}${c.demo ? ' <span class="pill">demo</span>' : ''}</td><td>${h(formatDate(c.referredOn))}</td><td>${c.determinedOn ? h(formatDate(c.determinedOn)) : '<span class="muted">not yet</span>'}</td><td class="num${c.ordersOverdue ? ' late' : ''}">${n(c.ordersComplied)} of ${n(c.orders)}</td></tr>`).join('')}</tbody></table></div>`
    : f.notShown.ombudsman ? '' : '<p class="muted">No case at the Ombudsman is open.</p>';
  return `<style>${CSS}</style><div class="dash">
<h1>Complaints dashboard</h1><p class="sub">${h(viewer)} · ${h(formatDate(f.today))}${demo}</p>
<ul class="tiles">
<li class="tile"><span class="n" id="open-count">${n(f.open.total)}</span><span class="l">open cases</span></li>
<li class="tile bad"><span class="n" id="overdue-count">${n(f.open.overdue)}</span><span class="l">overdue (as the log counts them)</span></li>
<li class="tile warn"><span class="n">${n(f.open.thisWeek)}</span><span class="l">due this week</span></li>
<li class="tile bad"><span class="n">${n(f.followUpsOverdue)}</span><span class="l">remedies and Ombudsman items overdue</span></li>
</ul>
<div class="grid">
<section><h2>Open cases by stage and deadline</h2>${stageBars(f.byStage)}</section>
${measures}
</div>
<section><h2>Overdue</h2>${f.overdue.length ? `<div class="scroll"><table><thead><tr><th>Case</th><th class="num">Stage</th><th>What</th><th>Was due</th><th class="num">Working days late</th><th>Officer</th></tr></thead><tbody>${overdueRows}</tbody></table></div>${f.overdue.length > MAX_OVERDUE_ROWS ? `<p class="muted small">And ${n(f.overdue.length - MAX_OVERDUE_ROWS)} more: type "log" to the bot for them all.</p>` : ''}` : f.notShown.overdue ? '' : '<p class="muted">Nothing is overdue.</p>'}${notShown(f.notShown.overdue, 'overdue')}</section>
<div class="grid">
<section><h2>Complaints by category, last 12 months</h2>${trendLines(f.trend)}</section>
<section><h2>At the ${h(f.ombudsmanName)}</h2>${omb}${notShown(f.notShown.ombudsman, 'at the Ombudsman')}</section>
</div>
</div>`;
}

export function dashboardPage(f: DashboardFigures, viewer: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Complaints dashboard</title></head><body style="margin:0;background:#f5f5f5">${dashboardFragment(f, viewer)}</body></html>`;
}
