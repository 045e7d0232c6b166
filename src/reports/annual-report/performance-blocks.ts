import { cell, type Block, type Cell } from '../document-model';
import type { FrontDoorFigures } from '../front-door';
import type { Breakdown, PerformanceFigures, Rate } from '../performance';
import type { CodeYearFigures } from '../self-assessment/code-year-figures';
import type { TsmFigures } from '../tsm';

/** The year's performance for the annual report: volumes, the TSMs, timeliness, outcomes, refusals, categories. */
const n = (v: number): string => v.toLocaleString('en-GB');
const rate = (r: Rate | null): Cell => (r === null ? cell('–', 'muted') : r.percent === null ? cell('none due', 'muted') : cell(`${r.percent}% (${n(r.met)} of ${n(r.counted)})`));

/** `frontDoor`: the dissatisfaction not taken as a complaint (front-door.ts); the section is left out when not given. */
export function volumeBlocks(f: PerformanceFigures, frontDoor?: FrontDoorFigures): Block[] {
  const stages = f.stages.map((s) => `${n(s.received)} at ${s.name.toLowerCase().startsWith('stage') ? s.name : `stage ${s.stage} (${s.name})`}`).join(', ');
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'The year\'s complaints' },
    { kind: 'paragraph', text: `${n(f.casesReceived)} complaints were received in the year: ${stages}.${f.informalOpened ? ` ${n(f.informalOpened)} began at the informal stage.` : ''} ${n(f.withdrawn)} were withdrawn and ${n(f.stillOpen)} are still open.` },
    { kind: 'paragraph', style: 'note', text: 'Counted here: complaints first received in the year, a complaint escalated after the year still counted at the later stage. The Tenant Satisfaction Measures below count each stage in the year it was received.' },
    ...f.escalation.map((e): Block => ({ kind: 'paragraph', text: `Escalated from stage ${e.fromStage} to stage ${e.toStage}: ${n(e.escalated)} of ${n(e.responded)} stage ${e.fromStage} responses${e.percent === null ? '' : ` (${e.percent}%)`}.` })),
    { kind: 'heading', level: 3, text: 'Complaints not accepted, and why' },
  ];
  if (f.refused.count === 0) blocks.push({ kind: 'paragraph', text: 'No complaint was refused in the year.' });
  else blocks.push({ kind: 'table', head: ['Reason', 'Complaints'], widths: [80, 20], rows: f.refused.reasons.map((r) => [cell(r.reason), cell(n(r.count))]) });
  if (frontDoor) blocks.push(...frontDoorBlocks(frontDoor));
  return blocks;
}

/** The Code: dissatisfaction prompts "do you want to make a complaint?"; those answered no, and why. */
function frontDoorBlocks(d: FrontDoorFigures): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: 'Dissatisfaction not taken as a complaint' },
    { kind: 'paragraph', text: d.notComplaints === 0
      ? 'Every expression of dissatisfaction recorded in the year was taken as a complaint.'
      : `When a resident expressed dissatisfaction we asked whether they wanted to make a complaint. ${n(d.notComplaints)} did not become complaints: ${n(d.serviceRequests)} service requests and ${n(d.expressionsOfDissatisfaction)} expressions of dissatisfaction.` },
  ];
  if (d.notComplaints > 0) blocks.push({ kind: 'table', head: ['Why not a complaint', 'Number'], widths: [80, 20], rows: d.reasons.map((r) => [cell(r.reason), cell(n(r.count))]) });
  return blocks;
}

export function tsmBlocks(tsm: TsmFigures | null): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Tenant Satisfaction Measures' }];
  if (!tsm) {
    blocks.push({ kind: 'paragraph', style: 'warning', text: 'The Tenant Satisfaction Measures need the number of homes: add "homes": {"lcra": N, "lcho": N} to the landlord file (LANDLORD_FILE).' });
    return blocks;
  }
  blocks.push({
    kind: 'table', head: ['Measure', 'Group', 'Result', 'Counted'], widths: [46, 10, 18, 26],
    rows: tsm.measures.map((m) => [
      cell(`${m.id} ${m.name}`), cell(m.group),
      cell(m.value === null ? 'n/a' : m.unit === '%' ? `${m.value.toFixed(1)}%` : m.value.toFixed(2), undefined, true),
      cell(m.unit === '%' ? `${n(m.numerator)} of ${n(m.denominator)} responses` : `${n(m.numerator)} complaints, ${n(m.denominator)} homes`),
    ]),
  });
  const outside = Object.entries(tsm.outsideTsm.stage1).map(([t, c]) => `${t.replace(/-/g, ' ')} ${n(c)}`);
  if (outside.length) blocks.push({ kind: 'paragraph', style: 'note', text: `Stage 1 complaints from residents in neither group (not in the measures): ${outside.join(', ')}.` });
  blocks.push({ kind: 'list', items: tsm.counting });
  return blocks;
}

export function timelinessBlocks(f: PerformanceFigures, code: CodeYearFigures): Block[] {
  const share = (s: { met: number; of: number; percent: number | null }): Cell => (s.percent === null ? cell('none', 'muted') : cell(`${s.percent}% (${n(s.met)} of ${n(s.of)})`));
  return [
    { kind: 'heading', level: 2, text: 'Timeliness' },
    { kind: 'paragraph', text: 'Against the policy\'s own deadlines (after extensions and pauses), and against the Code\'s timescales.' },
    {
      kind: 'table', head: ['Stage', 'Acknowledged in time (policy)', 'Responded in time (policy)', 'Average working days to respond', 'Extended'], widths: [24, 20, 20, 18, 18],
      rows: f.stages.map((s) => [cell(s.name), rate(s.acknowledgedInTime), rate(s.respondedInTime), cell(s.averageWorkingDaysToRespond === null ? '–' : String(s.averageWorkingDaysToRespond)), cell(n(s.casesExtended))]),
    },
    {
      kind: 'table', head: ['Against the Code', 'Acknowledged within 5 working days', 'Responded within the Code\'s timescales', 'Extended beyond the Code\'s cap'], widths: [24, 25, 25, 26],
      rows: ([['Stage 1', code.stage1], ['Stage 2', code.stage2]] as const).map(([label, s]) => [cell(label), share(s.acknowledgedWithin5), share(s.respondedWithinCode), cell(`${n(s.extendedBeyondCap)} of ${n(s.extended)} extended`)]),
    },
  ];
}

export function outcomeBlocks(f: PerformanceFigures): Block[] {
  const row = (b: Breakdown): Cell[] => [cell(b.label), cell(n(b.received)), cell(n(b.responses)), cell(n(b.upheldOrPartly)), rate(b.respondedInTime)];
  return [
    { kind: 'heading', level: 2, text: 'Outcomes' },
    {
      kind: 'table', head: ['Stage', 'Responses', 'Upheld', 'Partly upheld', 'Not upheld'], widths: [36, 16, 16, 16, 16],
      rows: f.stages.map((s) => [cell(s.name), cell(n(s.responses)), cell(n(s.outcomes.upheld)), cell(n(s.outcomes.partlyUpheld)), cell(n(s.outcomes.notUpheld))]),
    },
    { kind: 'heading', level: 3, text: 'By category' },
    { kind: 'table', head: ['Category', 'Received', 'Responses', 'Upheld or partly', 'Responded in time'], widths: [32, 14, 14, 16, 24], rows: f.byCategory.map(row) },
  ];
}
