import { CATEGORIES } from '../intake/intake-options';
import type { ComplaintsReport } from './report';
import type { FollowUpCounts, Money, OmbudsmanCase, OmbudsmanFigures, Outstanding, RemedyBreakdown, RemedyFigures } from './follow-up-figures';
import { nationalSection } from './national-measures-html';
import type { Breakdown, PerformanceFigures, Rate, StageFigures } from './performance';
import { escapeHtml as h, monthlyBarChart, percentBarChart } from './svg-charts';

/**
 * The full report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * network. Readable on a phone (one column under 700px, tables scroll sideways) and
 * printable (@media print: no backgrounds, no split rows, sections on new pages).
 */
const MAX_STAGE3_ROWS = 60;
const MAX_REFERENCES = 6;
const MAX_OMBUDSMAN_ROWS = 60;

const CSS = `
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d9dee3;--bg:#f5f7f9;--card:#fff;--accent:#1f5f8b;--good:#2e7d32;--warn:#b26a00;--bad:#c62828}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--accent);color:#fff;padding:28px 20px 24px}
header h1{margin:0 0 6px;font-size:1.6rem;line-height:1.25}
header p{margin:2px 0;opacity:.92}
main{max-width:1040px;margin:0 auto;padding:16px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:16px 0}
h2{font-size:1.2rem;margin:0 0 12px;color:var(--accent)}
h3{font-size:1rem;margin:16px 0 8px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.tile{background:var(--bg);border-radius:8px;padding:12px 14px;border-left:4px solid var(--accent)}
.tile .n{font-size:1.7rem;font-weight:700;line-height:1.1;display:block}
.tile .l{color:var(--muted);font-size:.88rem}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:7px 6px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}
tbody th{min-width:120px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.chart{width:100%;height:auto;display:block}
.chart .bar{fill:var(--accent)} .chart .bar.good{fill:var(--good)} .chart .bar.warn{fill:var(--warn)} .chart .bar.bad{fill:var(--bad)}
.chart .track{fill:#eef1f4} .chart .grid{stroke:#e3e7eb;stroke-width:1} .chart .target{stroke:var(--ink);stroke-dasharray:4 3}
.chart text{font:14px system-ui,sans-serif;fill:var(--muted)} .chart .value{fill:var(--ink);font-weight:600} .chart .label{fill:var(--ink);font-size:15px}
.muted{color:var(--muted)} .small{font-size:.88rem}
.pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8rem;background:#eef1f4}
.yes{color:var(--good);font-weight:600} .no{color:var(--bad);font-weight:600}
.confidential{border:2px solid var(--bad)} .confidential h2{color:var(--bad)}
.demo-note{border:2px solid var(--warn)} .demo-note h2{color:var(--warn)} .pill.demo{background:#fff3e0;color:var(--warn);font-weight:600}
.tiles.small .tile{padding:10px 12px}.tiles.small .tile .n{font-size:1.35rem}
p.lead{margin:0 0 12px} td.ref{white-space:nowrap}
.stamp{display:inline-block;border:2px solid var(--bad);color:var(--bad);font-weight:700;letter-spacing:.08em;padding:2px 8px;border-radius:4px;font-size:.8rem;margin-bottom:8px}
ul.lessons{margin:0;padding-left:20px} ul.lessons li{margin:6px 0}
footer{max-width:1040px;margin:0 auto;padding:8px 16px 32px;color:var(--muted);font-size:.85rem}
@media (max-width:700px){header h1{font-size:1.3rem}.grid2{grid-template-columns:1fr}section{padding:14px 12px;border-radius:0;margin:10px -16px}main{padding:8px 16px}.tile .n{font-size:1.4rem}}
@media print{body{background:#fff;font-size:11pt}header{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
section{border:none;padding:0;margin:14px 0;break-inside:avoid-page}section.page{break-before:page}
.tile{border:1px solid #999;background:none}th{background:none}tr{break-inside:avoid}.scroll{overflow:visible}a{color:inherit}
.chart .bar{fill:#555}.chart .track{fill:#eee}}
`;

const pct = (p: number | null): string => (p === null ? '–' : `${p}%`);
const num = (n: number): string => n.toLocaleString('en-GB');
const rateCell = (r: Rate | null): string => (r === null ? '<td class="num muted">no step</td>' : `<td class="num">${pct(r.percent)} <span class="muted small">(${num(r.met)}/${num(r.counted)})</span></td>`);
const longDate = (d: string): string => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const demoPill = '<span class="pill demo">demo</span>';

function tile(n: string, label: string): string {
  return `<li class="tile"><span class="n">${h(n)}</span><span class="l">${h(label)}</span></li>`;
}

function stageTable(stages: readonly StageFigures[], homes: number | null): string {
  const rows = stages.map((s) => `<tr><th scope="row">Stage ${s.stage}<div class="muted small">${h(s.name.replace(/^Stage \d+\s*/, '').replace(/^\((.*)\)$/, '$1'))}</div></th><td class="num">${num(s.received)}</td>${homes ? `<td class="num">${s.perThousandHomes ?? '–'}</td>` : ''}`
    + `${rateCell(s.acknowledgedInTime)}${rateCell(s.respondedInTime)}<td class="num">${num(s.responses)}</td>`
    + `<td class="num">${s.averageWorkingDaysToRespond ?? '–'}</td><td class="num">${num(s.casesExtended)}</td></tr>`).join('');
  return `<div class="scroll"><table><thead><tr><th>Stage</th><th class="num">Received</th>${homes ? '<th class="num">Per 1,000<br>homes</th>' : ''}`
    + '<th class="num">Acknowledged in time</th><th class="num">Responded in time</th><th class="num">Responses</th><th class="num" title="Average working days from receipt to response">Avg days</th><th class="num">Extended</th></tr></thead>'
    + `<tbody>${rows}</tbody></table></div>`;
}

function outcomesTable(stages: readonly StageFigures[]): string {
  const rows = stages.map((s) => {
    const total = s.outcomes.upheld + s.outcomes.partlyUpheld + s.outcomes.notUpheld;
    const share = (n: number) => (total ? ` <span class="muted small">(${Math.round((n / total) * 100)}%)</span>` : '');
    return `<tr><th scope="row">${h(s.name)}</th><td class="num">${num(s.outcomes.upheld)}${share(s.outcomes.upheld)}</td><td class="num">${num(s.outcomes.partlyUpheld)}${share(s.outcomes.partlyUpheld)}</td><td class="num">${num(s.outcomes.notUpheld)}${share(s.outcomes.notUpheld)}</td></tr>`;
  }).join('');
  return `<div class="scroll"><table><thead><tr><th>Stage</th><th class="num">Upheld</th><th class="num">Partly upheld</th><th class="num">Not upheld</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Pounds, with pence only when there are any: £1,250 and £87.50. */
function gbp(m: Money): string {
  const pounds = m.pence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: m.pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${num(n)} ${n === 1 ? one : many}`;

function dueSentence(what: string, c: FollowUpCounts, done: string): string {
  if (!c.due) return `No ${what} fell due in the period.`;
  const parts = [`${num(c.doneOnTime)} ${done} on time`, `${num(c.doneLate)} ${done} late`, `${num(c.notDone)} not ${done} by the report date`];
  return `Of the ${plural(c.due, what.replace(/s$/, ''), what)} due in the period, ${parts.join(', ')}${c.notYetDue ? ` (${num(c.notYetDue)} not yet due)` : ''}: `
    + `${pct(c.onTime.percent)} on time${c.redated ? `; ${num(c.redated)} had been given a new date` : ''}.`;
}

function outstandingSentence(what: string, o: Outstanding): string {
  if (!o.overdue && !o.notYetDue) return `No ${what} are outstanding on the report date.`;
  return `Outstanding on the report date: <strong class="${o.overdue ? 'no' : ''}">${num(o.overdue)} overdue</strong>`
    + `${o.overdue ? ` on ${plural(o.casesOverdue, 'case')}, the oldest due ${h(longDate(o.oldestOverdue as string))}` : ''}, and ${num(o.notYetDue)} not yet due.`;
}

function remedyBreakdownTable(title: string, rows: readonly RemedyBreakdown[]): string {
  const body = rows.map((b) => `<tr><th scope="row">${h(b.label)}</th><td class="num">${num(b.promised)}</td><td class="num">${num(b.due)}</td><td class="num">${num(b.doneOnTime)}</td>`
    + `<td class="num">${num(b.late)}</td><td class="num${b.overdueNow ? ' no' : ''}">${num(b.overdueNow)}</td><td class="num">${gbp(b.compensationOffered)}</td><td class="num">${gbp(b.compensationPaid)}</td></tr>`).join('');
  return `<h3>${h(title)}</h3><div class="scroll"><table><thead><tr><th>${h(title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()))}</th><th class="num">Promised</th><th class="num">Due</th><th class="num">On time</th><th class="num">Late</th><th class="num">Overdue now</th><th class="num">Compensation offered</th><th class="num">Paid</th></tr></thead>`
    + `<tbody>${body || '<tr><td colspan="8" class="muted">None</td></tr>'}</tbody></table></div>`;
}

function remediesSection(r: RemedyFigures): string {
  const kinds = r.byKind.filter((k) => k.promised).map((k) => `${h(k.label.toLowerCase())} ${num(k.promised)}`).join(', ');
  return `<section id="remedies" class="page"><h2>Remedies</h2>`
    + `<p class="lead">What responses promised to put things right, followed until it is done, whenever the complaint was made.</p><ul class="tiles small">`
    + `${tile(num(r.promised), 'promised in responses in the period')}${tile(num(r.dueInPeriod.due), 'due in the period')}`
    + `${tile(pct(r.dueInPeriod.onTime.percent), 'done on time')}${tile(num(r.outstandingNow.overdue), 'overdue now')}`
    + `${tile(gbp(r.compensationOffered), 'compensation offered')}${tile(gbp(r.compensationPaid), 'compensation paid')}</ul>`
    + `<p>${r.promised ? `Promised in the period: ${kinds}.` : 'No remedies were promised in responses sent in the period.'} ${dueSentence('remedies', r.dueInPeriod, 'done')}</p>`
    + `<p>${outstandingSentence('remedies', r.outstandingNow)}</p>`
    + `<p>Compensation offered in responses sent in the period: ${gbp(r.compensationOffered)} (${plural(r.compensationOffered.count, 'award')}); paid in the period: ${gbp(r.compensationPaid)} (${plural(r.compensationPaid.count, 'payment')}).</p>`
    + `${remedyBreakdownTable('By category', r.byCategory)}${remedyBreakdownTable('By service area', r.byServiceArea)}`
    + '<p class="muted small">Promised: in responses sent in the period. Due, on time, late: remedies due in the period (late includes those not done past their date). Overdue now: on the report date, whatever the due date. Compensation paid: in the period.</p></section>';
}

function followUpRow(label: string, c: FollowUpCounts, o: Outstanding): string {
  return `<tr><th scope="row">${h(label)}</th><td class="num">${num(c.due)}</td><td class="num">${num(c.doneOnTime)}</td><td class="num">${num(c.doneLate)}</td><td class="num">${num(c.notDone)}</td>`
    + `<td class="num">${pct(c.onTime.percent)}</td><td class="num${o.overdue ? ' no' : ''}">${num(o.overdue)}</td><td class="num">${num(o.notYetDue)}</td></tr>`;
}

function ombudsmanSection(o: OmbudsmanFigures, cases: readonly OmbudsmanCase[], policy: PerformanceFigures['policy']): string {
  // Code 9.7 is England's duty to report to the governing body; under another model the section stands on its own.
  const why = policy.modelProcedure === 'hos-code-2024' ? 'For the governing body (Complaint Handling Code 9.7)' : 'For the governing body';
  const findings = o.findings.map((x) => `<tr><th scope="row">${h(x.label)}</th><td class="num">${num(x.count)}</td></tr>`).join('');
  const rows = cases.slice(0, MAX_OMBUDSMAN_ROWS).map((c) => `<tr><td class="ref">${h(c.reference)}${c.demo ? `<br>${demoPill}` : ''}</td><td>${h((CATEGORIES as Record<string, string>)[c.category] ?? c.category)}</td><td class="num">${h(c.referredOn)}</td>`
    + `<td class="num">${h(c.determinedOn ?? 'awaited')}</td><td>${h(c.findings.join('; ') || '–')}</td><td class="num">${c.orders ? `${num(c.ordersComplied)} of ${num(c.orders)}` : '–'}</td>`
    + `<td class="num${c.ordersOverdue ? ' no' : ''}">${c.nextOrderDue ? `${h(c.nextOrderDue)}${c.ordersOverdue ? ' (overdue)' : ''}` : '–'}</td></tr>`).join('');
  return `<section id="ombudsman" class="page"><h2>The ${h(policy.ombudsman)}</h2>`
    + `<p class="lead">${why}: the complaints residents took to the ${h(policy.ombudsman)}, what it found, and whether its orders were complied with.</p><ul class="tiles small">`
    + `${tile(num(o.referred), 'referred in the period')}${tile(num(o.determined), o.determined === 1 ? 'determination in the period' : 'determinations in the period')}`
    + `${tile(num(o.ordersMade), o.ordersMade === 1 ? 'order made' : 'orders made')}${tile(pct(o.orders.onTime.percent), 'orders complied with on time')}`
    + `${tile(num(o.ordersOutstanding.overdue), o.ordersOutstanding.overdue === 1 ? 'order overdue now' : 'orders overdue now')}${tile(pct(o.information.onTime.percent), 'information sent on time')}</ul>`
    + `<div class="grid2"><div><h3>Findings</h3><div class="scroll"><table><thead><tr><th>Finding</th><th class="num">Number</th></tr></thead><tbody>${findings}</tbody></table></div>`
    + `<p class="muted small">Each finding of the ${plural(o.determined, 'determination')} made in the period; one determination may find on several parts of a complaint.</p></div>`
    + `<div><h3>Orders and compensation</h3><p>${dueSentence('orders', o.orders, 'complied with')}</p><p>${outstandingSentence('orders', o.ordersOutstanding)}</p>`
    + `<p>Compensation ordered in the period: ${gbp(o.compensationOrdered)} (${plural(o.compensationOrdered.count, 'order')}); paid under orders in the period: ${gbp(o.compensationPaid)}.</p></div></div>`
    + '<h3>Orders and requests for information</h3><div class="scroll"><table><thead><tr><th></th><th class="num">Due in the period</th><th class="num">On time</th><th class="num">Late</th><th class="num">Not done, past due</th><th class="num">On time %</th><th class="num">Overdue now</th><th class="num">Not yet due</th></tr></thead><tbody>'
    + `${followUpRow('Orders and recommendations', o.orders, o.ordersOutstanding)}${followUpRow('Requests for information', o.information, o.informationOutstanding)}</tbody></table></div>`
    + `<h3>Cases at the Ombudsman</h3>${cases.length
      ? `<div class="scroll"><table><thead><tr><th>Reference</th><th>Category</th><th class="num">Referred</th><th class="num">Determined</th><th>Findings</th><th class="num">Orders complied with</th><th class="num">Next order due</th></tr></thead><tbody>${rows}</tbody></table></div>`
        + (cases.length > MAX_OMBUDSMAN_ROWS ? `<p class="muted small">The first ${MAX_OMBUDSMAN_ROWS} are listed; the complaints log (CSV) has them all.</p>` : '')
      : '<p class="muted">No case was referred or determined in the period, and none has an order or request outstanding.</p>'}`
    + '<p class="muted small">Cases referred or determined in the period, or with an order or request for information outstanding on the report date.</p></section>';
}

function breakdownTable(title: string, rows: readonly Breakdown[]): string {
  const body = rows.map((b) => `<tr><th scope="row">${h(b.label)}</th><td class="num">${num(b.received)}</td><td class="num">${num(b.responses)}</td><td class="num">${num(b.upheldOrPartly)}</td>${rateCell(b.respondedInTime)}</tr>`).join('');
  return `<h3>${h(title)}</h3><div class="scroll"><table><thead><tr><th>${h(title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase()))}</th><th class="num">Complaints</th><th class="num">Responses</th><th class="num">Upheld or partly</th><th class="num">Responded in time</th></tr></thead><tbody>${body || '<tr><td colspan="5" class="muted">None</td></tr>'}</tbody></table></div>`;
}

export function renderHtmlReport(report: ComplaintsReport): string {
  const f = report.figures;
  const s1 = f.stages[0];
  const esc = f.escalation[0];
  const homes = f.homes;
  const perHomes = homes && s1?.perThousandHomes !== null && s1 ? ` (${s1.perThousandHomes} per 1,000 homes)` : '';
  const rates = f.stages.flatMap((s) => [
    ...(s.acknowledgedInTime ? [{ label: `Stage ${s.stage} acknowledged`, percent: s.acknowledgedInTime.percent, detail: `${s.acknowledgedInTime.met} of ${s.acknowledgedInTime.counted}` }] : []),
    { label: `Stage ${s.stage} responded`, percent: s.respondedInTime.percent, detail: `${s.respondedInTime.met} of ${s.respondedInTime.counted}` },
  ]);
  const learning = report.learning.map((g) => {
    const byText = new Map<string, string[]>();
    for (const l of g.lessons) byText.set(l.lesson, [...(byText.get(l.lesson) ?? []), l.demo ? `${l.reference} (demo)` : l.reference]);
    const items = [...byText.entries()].sort((a, b) => b[1].length - a[1].length).map(([lesson, refs]) =>
      `<li>${h(lesson)} <span class="muted small">(${refs.length} ${refs.length === 1 ? 'response' : 'responses'}: ${h(refs.slice(0, MAX_REFERENCES).join(', '))}${refs.length > MAX_REFERENCES ? ', …' : ''})</span></li>`).join('');
    return `<h3>${h(g.label)} <span class="pill">${num(g.lessons.length)}</span></h3><ul class="lessons">${items}</ul>`;
  }).join('');
  const stage3 = report.stage3 === null ? '' : (() => {
    const items = report.stage3;
    const rows = items.slice(0, MAX_STAGE3_ROWS).map((i) => `<tr><td>${h(i.reference)}${i.demo ? ` ${demoPill}` : ''}</td><td>${h(i.estate)}</td><td>${h(i.category)}</td><td class="num">${h(i.receivedOn)}</td><td class="num">${h(i.respondedOn ?? 'open')}</td>`
      + `<td class="${i.onTime === 'yes' ? 'yes' : i.onTime === 'no' ? 'no' : 'muted'}">${i.onTime === 'yes' ? 'in time' : i.onTime === 'no' ? 'late' : i.onTime === 'pending' ? 'running' : '–'}</td><td>${h(i.outcome || '–')}</td><td>${h(i.remedy || '–')}</td></tr>`).join('');
    const stage3Figures = f.stages.find((s) => s.stage === 3);
    return `<section class="confidential page" id="stage3"><span class="stamp">CONFIDENTIAL</span><h2>Stage 3 briefing</h2>`
      + `<p>${num(items.length)} complaint${items.length === 1 ? '' : 's'} reached stage 3 in the period; ${pct(stage3Figures?.respondedInTime.percent ?? null)} of stage 3 responses due were sent in time. `
      + 'Names and addresses are left out: this briefing is for the Chief Officer and the board only.</p>'
      + (items.length ? `<div class="scroll"><table><thead><tr><th>Reference</th><th>Estate</th><th>Category</th><th class="num">Received</th><th class="num">Responded</th><th>In time</th><th>Outcome</th><th>Remedy</th></tr></thead><tbody>${rows}</tbody></table></div>` : '')
      + (items.length > MAX_STAGE3_ROWS ? `<p class="muted small">The first ${MAX_STAGE3_ROWS} are listed; the complaints log (CSV) has them all.</p>` : '')
      + '</section>';
  })();

  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Complaints report ${h(f.period.from)} to ${h(f.period.to)}</title><style>${CSS}</style></head>
<body><header><h1>Complaints performance and service improvement report</h1>
<p>${h(longDate(f.period.from))} to ${h(longDate(f.period.to))}</p><p class="small">${h(f.policy.name)} · produced ${h(longDate(f.generatedOn))}</p></header>
<main>
${f.demoCases > 0 ? demoNote(f.demoCases, f.casesReceived) : ''}<section id="summary"><h2>At a glance</h2><ul class="tiles">
${tile(num(f.casesReceived), 'complaints received')}
${s1 ? tile(num(s1.received), `stage 1 complaints${perHomes}`) : ''}
${f.stages.slice(1).map((s) => tile(num(s.received), `stage ${s.stage} complaints${s.perThousandHomes !== null ? ` (${s.perThousandHomes} per 1,000 homes)` : ''}`)).join('')}
${s1 ? tile(pct(s1.respondedInTime.percent), 'stage 1 responses in time') : ''}
${esc ? tile(pct(esc.percent), `escalated to stage ${esc.toStage}`) : ''}
${tile(num(f.refused.count), 'not accepted (refused)')}
${tile(num(f.remedies.outstandingNow.overdue), 'remedies overdue now')}
${tile(num(f.ombudsman.referred), 'referred to the Ombudsman')}
</ul></section>
<div class="grid2">
<section id="volumes"><h2>Complaints received by month</h2>${monthlyBarChart(f.monthly, 'Complaints received by month')}</section>
<section id="timeliness"><h2>In time, by stage</h2>${percentBarChart(rates, 'Deadlines met in time, by stage')}<p class="muted small">Green 95% or more, amber 80% or more, red below 80%. The dashed line is 100%.</p></section>
</div>
<section id="stages"><h2>By stage</h2>${stageTable(f.stages, homes)}
<p class="small">${f.escalation.map((e) => `Escalation from stage ${e.fromStage} to ${e.toStage}: ${pct(e.percent)} (${num(e.escalated)} of ${num(e.responded)} responses).`).join(' ')}
Extensions: ${f.stages.map((s) => `stage ${s.stage} ${num(s.casesExtended)} case${s.casesExtended === 1 ? '' : 's'} (${num(s.extensionWorkingDays)} working days)`).join(', ')}.
${f.informalOpened ? `${num(f.informalOpened)} began at the informal stage.` : ''} ${num(f.withdrawn)} withdrawn; ${num(f.stillOpen)} still open.</p></section>
${nationalSection(report.national)}<section id="outcomes"><h2>Outcomes</h2>${outcomesTable(f.stages)}</section>
<section id="refused"><h2>Complaints not accepted</h2>${f.refused.count
    ? `<div class="scroll"><table><thead><tr><th>Reason</th><th class="num">Complaints</th></tr></thead><tbody>${f.refused.reasons.map((r) => `<tr><td>${h(r.reason)}</td><td class="num">${num(r.count)}</td></tr>`).join('')}</tbody></table></div>`
    : '<p class="muted">None in the period.</p>'}</section>
${remediesSection(f.remedies)}
${ombudsmanSection(f.ombudsman, report.ombudsmanCases, f.policy)}
<section id="breakdowns" class="page"><h2>What complaints were about</h2>${breakdownTable('By category', f.byCategory)}${breakdownTable('By service area', f.byServiceArea)}</section>
<section id="learning" class="page"><h2>Learning from complaints</h2>${learning || '<p class="muted">No lessons learned were recorded on responses in the period.</p>'}</section>
${stage3}
<section id="method"><h2>How the figures are counted</h2><ul class="small">${f.counting.map((c) => `<li>${h(c)}</li>`).join('')}</ul></section>
</main><footer>Produced by the housing complaints bot from the case records. Self-contained: no images or scripts are loaded.</footer></body></html>
`;
}

/** Says, above everything else, that the figures include invented cases and how many. */
function demoNote(demoCases: number, casesReceived: number): string {
  const which = demoCases === casesReceived
    ? (casesReceived === 1 ? 'The one complaint received in the period is an invented demo case' : `All ${num(casesReceived)} complaints received in the period are invented demo cases`)
    : `${num(demoCases)} of the ${num(casesReceived)} complaints received in the period ${demoCases === 1 ? 'is an invented demo case' : 'are invented demo cases'}`;
  return `<section class="demo-note" id="demo-cases"><h2>Includes demo cases</h2><p>${which} (complaints demo, or the npm run dev demo case), counted in every figure below. `
    + `They are marked ${demoPill} in the stage 3 briefing, "(demo)" in the learning, and "yes" in the complaints log's "Demo case" column.</p></section>\n`;
}
