import { cell, type Block } from '../document-model';
import type { FollowUpCounts, Money, OmbudsmanCase, OmbudsmanFigures, RemedyFigures } from '../follow-up-figures';
import type { LearningGroup } from '../learning';

/** After the response, for the annual report: lessons learned, remedies completed, the Ombudsman's determinations and orders. */
const n = (v: number): string => v.toLocaleString('en-GB');
const count = (v: number, one: string, many: string): string => `${n(v)} ${v === 1 ? one : many}`;
const gbp = (m: Money): string => `£${m.pounds.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const due = (c: FollowUpCounts, one: string, many: string): string => `${count(c.due, one, many)} due in the year: ${n(c.doneOnTime)} on time, ${n(c.doneLate)} late, ${n(c.notDone)} not done${c.notYetDue ? `, ${n(c.notYetDue)} not yet due` : ''}`;
/** Enough lessons to read in a board paper; the complaints log has the rest. */
const MAX_LESSONS_PER_CATEGORY = 12;

export function learningBlocks(learning: readonly LearningGroup[]): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Service improvements and lessons learned', newPage: true },
    { kind: 'paragraph', text: 'The lessons recorded on responses in the year, by category, with what was done to put things right.' },
  ];
  if (learning.length === 0) blocks.push({ kind: 'paragraph', text: 'No lessons were recorded on responses in the year.' });
  for (const g of learning) {
    const shown = g.lessons.slice(0, MAX_LESSONS_PER_CATEGORY);
    blocks.push({ kind: 'heading', level: 3, text: `${g.label} (${n(g.lessons.length)})` });
    blocks.push({
      kind: 'table', head: ['Complaint', 'Lesson learned', 'Putting it right'], widths: [18, 46, 36],
      rows: shown.map((l) => [cell(`${l.reference}${l.demo ? ' (demo)' : ''}, stage ${l.stage}`), cell(l.lesson), cell(l.remedy || '–')]),
    });
    if (g.lessons.length > shown.length) blocks.push({ kind: 'paragraph', style: 'note', text: `And ${n(g.lessons.length - shown.length)} more in the complaints log.` });
  }
  return blocks;
}

export function remedyBlocks(r: RemedyFigures): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Remedies' },
    { kind: 'paragraph', text: `${count(r.promised, 'remedy was', 'remedies were')} promised in responses sent in the year${r.byKind.some((k) => k.promised) ? ` (${r.byKind.filter((k) => k.promised).map((k) => `${k.label.toLowerCase()} ${n(k.promised)}`).join(', ')})` : ''}.` },
    { kind: 'list', items: [
      `${due(r.dueInPeriod, 'remedy', 'remedies')}; ${n(r.dueInPeriod.redated)} given a new date.`,
      `Completed on time: ${r.dueInPeriod.onTime.percent === null ? 'none due' : `${r.dueInPeriod.onTime.percent}%`}. Overdue now: ${n(r.outstandingNow.overdue)}${r.outstandingNow.oldestOverdue ? `, the oldest due ${r.outstandingNow.oldestOverdue}` : ''}.`,
      `Compensation offered: ${gbp(r.compensationOffered)} in ${count(r.compensationOffered.count, 'response', 'responses')}; paid: ${gbp(r.compensationPaid)} in ${count(r.compensationPaid.count, 'payment', 'payments')}.`,
    ] },
  ];
}

/** `ombudsman` is the policy's ombudsman as a sentence names it after "the" (figures.policy.ombudsman). */
export function ombudsmanBlocks(o: OmbudsmanFigures, cases: readonly OmbudsmanCase[], ombudsman: string): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `The ${ombudsman}: determinations, orders and compliance` },
    { kind: 'paragraph', text: `${count(o.referred, 'complaint was', 'complaints were')} referred to the ${ombudsman} in the year and ${count(o.determined, 'was', 'were')} determined, with ${count(o.ordersMade, 'order', 'orders')} (compensation ordered: ${gbp(o.compensationOrdered)}).` },
    { kind: 'table', head: ['Finding', 'Count'], widths: [80, 20], rows: o.findings.map((f) => [cell(f.label), cell(n(f.count))]) },
    { kind: 'list', items: [
      `${due(o.orders, 'order', 'orders')}; outstanding now: ${n(o.ordersOutstanding.overdue)} overdue, ${n(o.ordersOutstanding.notYetDue)} not yet due.`,
      `${due(o.information, 'request for information', 'requests for information')}.`,
      `Compensation paid under orders: ${gbp(o.compensationPaid)}.`,
    ] },
  ];
  if (cases.length > 0) {
    blocks.push({
      kind: 'table', head: ['Complaint', 'Referred', 'Determined', 'Findings', 'Orders complied'], widths: [18, 14, 14, 30, 24],
      rows: cases.map((c) => [
        cell(`${c.reference}${c.demo ? ' (demo)' : ''}`), cell(c.referredOn), cell(c.determinedOn ?? 'not yet'), cell(c.findings.length ? c.findings.join(', ') : '–'),
        cell(`${n(c.ordersComplied)} of ${n(c.orders)}${c.ordersOverdue ? `; ${n(c.ordersOverdue)} overdue` : ''}`, c.ordersOverdue ? 'no' : undefined),
      ]),
    });
  }
  return blocks;
}
