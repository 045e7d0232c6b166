import { deadlineLabel, DIRECTION_WORDS, formatInstant, formatSize, OUTCOME_WORDS, STATE_LABELS } from '../../cards/card-text';
import { FINDINGS } from '../../cards/case-cards';
import { compareDates, formatDate, type CalendarDate } from '../../domain/calendar-date';
import type { CaseRecord, StoredEvent } from '../../domain/case-record';
import { isTerminal, type CaseView, type Deadline } from '../../domain/case-state';
import { viewOf } from '../../domain/case-view';
import type { Directory } from '../../domain/directory';
import type { Policy, ResponseContent } from '../../domain/policy';
import { itemLabel } from '../../cards/response-items';
import type { WorkingDayCalendar } from '../../domain/working-days';
import { CATEGORIES, SERVICE_AREAS, TENURE_OPTIONS } from '../../intake/intake-options';
import { cell, type Block, type Cell, type ReportDocument } from '../../reports/document-model';
import { eventWords, itemWords, personWords } from './pack-words';

/**
 * The Ombudsman's evidence pack for one case, as a document (issue 15): what the Housing
 * Ombudsman (or the SPSO, the PSOW) asks a landlord for first, in the order a caseworker reads
 * it. Pure: the case, the context and the attached files' check results in, blocks out; the
 * edge reads the files and renders the PDF or HTML (make-evidence-pack.ts).
 */
export interface PackContext {
  policy: Policy;
  calendar: WorkingDayCalendar;
  directory: Directory;
  today: CalendarDate;
  /** When the pack was made and by whom (in words): printed on the cover. */
  generatedAt: Date;
  generatedBy: string;
  landlordName: string;
}

/** How an attached file compares with the SHA-256 its event recorded. */
export type FileCheck = 'matches' | 'changed' | 'missing';
export type CorrespondenceEvent = Extract<StoredEvent, { type: 'correspondence-attached' }>;
export interface PackFile { event: CorrespondenceEvent; check: FileCheck }

/** The sections, in order; each is a bookmark in the PDF. */
export const PACK_SECTIONS = [
  'The case', 'The complaint', 'Timeline', 'Deadlines', 'Vulnerabilities and reasonable adjustments', 'Correspondence',
  'Responses', 'Remedies and the Ombudsman', 'Attached files',
] as const;

export const CHECK_WORDS: Record<FileCheck, string> = {
  matches: 'unchanged: its SHA-256 matches the one recorded when it was attached',
  changed: 'CHANGED since it was attached: its SHA-256 does not match the one recorded then',
  missing: 'MISSING from the file store: it cannot be checked or included',
};

const h2 = (text: string, newPage = false): Block => ({ kind: 'heading', level: 2, text, ...(newPage ? { newPage } : {}) });
const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });
const para = (text: string, style?: 'note' | 'small' | 'warning'): Block => ({ kind: 'paragraph', text, ...(style ? { style } : {}) });
const facts = (rows: Array<[string, string]>): Block => ({ kind: 'table', head: ['Item', 'Detail'], rows: rows.map(([k, v]) => [cell(k, undefined, true), cell(v.split('\n'))]), widths: [1, 3] });
const words = (options: Readonly<Record<string, string>>, key: string | undefined): string => (key ? options[key] ?? key : 'not recorded');

export function evidencePack(record: CaseRecord, ctx: PackContext, files: readonly PackFile[]): ReportDocument {
  const view = viewOf(record, ctx);
  return {
    title: `Complaint file ${record.reference}`,
    subtitle: [
      `${ctx.landlordName}: the complaint file for the ${ctx.policy.ombudsman.name}`,
      `Made ${formatInstant(ctx.generatedAt.toISOString())} by ${ctx.generatedBy}. It holds the resident's personal data: keep it safe and share it only with the Ombudsman.`,
    ],
    blocks: [
      ...cover(record, view, ctx),
      ...complaint(record),
      ...timeline(record, ctx),
      ...deadlines(record, view, ctx),
      ...vulnerabilities(record, ctx),
      ...correspondence(record, files, ctx),
      ...responses(record, ctx),
      ...remedies(view, record, ctx),
      ...attachedFiles(files),
    ],
  };
}

function cover(record: CaseRecord, view: CaseView, ctx: PackContext): Block[] {
  const c = record.details.complainant;
  const reached = Object.keys(view.handlersByStage).map(Number).sort((a, b) => a - b);
  const outcomes = record.events.filter((e): e is Extract<StoredEvent, { type: 'responded' }> => e.type === 'responded').map((e) => `stage ${stageAt(record, e)}: ${OUTCOME_WORDS[e.outcome].toLowerCase()} (${formatDate(e.on)})`);
  return [
    h2(PACK_SECTIONS[0]),
    facts([
      ['Reference', record.reference],
      ['Resident', c.complainantName],
      ['Representative', c.hasRepresentative ? `${c.representativeName}${c.representativeConsent ? ' (the resident consented)' : ' (no consent recorded)'}` : 'none'],
      ['Contact', [c.contactEmail, c.contactPhone].filter(Boolean).join(', ') || 'not recorded'],
      ['Property', `${c.address}${c.estate ? `, ${c.estate} estate` : ''}`],
      ['Tenure', words(TENURE_OPTIONS, c.tenure)],
      ['Category', `${words(CATEGORIES, record.details.complaint.category)}; service area ${words(SERVICE_AREAS, record.details.complaint.serviceArea).toLowerCase()}`],
      ['Policy in force', `${ctx.policy.name} (${ctx.policy.id})`],
      ['Stages reached', reached.length ? reached.map((s) => (s === 0 ? 'informal stage' : `stage ${s}`)).join(', ') : `stage ${record.stage}, not yet assigned`],
      ['Status', `${STATE_LABELS[record.state]}, stage ${record.stage}; handler ${personWords(ctx.directory, record.responsibleOfficerId)}`],
      ['Outcome', outcomes.length ? outcomes.join('\n') : 'no response yet'],
      [`${ctx.policy.ombudsman.name} reference`, view.ombudsman ? `${view.ombudsman.reference} (referred ${formatDate(view.ombudsman.referredOn)})` : 'not referred'],
    ]),
  ];
}

/**
 * The stage a response was given at: as the timeline counts it, a complaint is received at its
 * stage (1 unless it names another) and each escalation moves it to the next.
 */
function stageAt(record: CaseRecord, responded: StoredEvent): number {
  let stage = 0;
  for (const e of record.events) {
    if (e.type === 'received') stage = e.stage ?? 1;
    if (e === responded) return stage;
    if (e.type === 'escalation-requested') stage += 1;
  }
  return stage;
}

function complaint(record: CaseRecord): Block[] {
  const d = record.details.complaint;
  return [
    h2(PACK_SECTIONS[1]),
    facts([
      ['Complaint definition', d.complaintDefinition],
      ['Outcome sought', d.outcomeSought],
      ['In the resident\'s words', d.description],
      ['Received', `${formatDate(d.receivedOn)} by ${d.channel}`],
      ['Issue occurred', formatDate(d.issueOccurredOn)],
      ...(d.aboutStaff ? [['About a member of staff', `${d.staffName} (${d.staffRole})`] as [string, string]] : []),
      ...(d.lateAcceptanceReason ? [['Accepted late because', d.lateAcceptanceReason] as [string, string]] : []),
    ]),
  ];
}

function timeline(record: CaseRecord, ctx: PackContext): Block[] {
  const rows: Cell[][] = record.events.map((e) => [
    cell(formatDate(e.on)), cell(formatInstant(e.at)), cell(personWords(ctx.directory, e.by)), cell(eventWords(e, ctx.directory)), cell(e.why ?? ''),
  ]);
  return [
    h2(PACK_SECTIONS[2], true),
    para(`Every event on the case, oldest first: ${record.events.length} in all. "Date" is the day it happened; "Recorded" is when it was entered, London time.`, 'note'),
    { kind: 'table', head: ['Date', 'Recorded', 'Who', 'What', 'Why or comment'], rows, widths: [1.1, 1.4, 1.5, 3.2, 2.8] },
  ];
}

function deadlines(record: CaseRecord, view: CaseView, ctx: PackContext): Block[] {
  const open = !isTerminal(record.state);
  const rows = view.deadlines.map((d) => deadlineCells(d, ctx, open));
  const changes = record.events.filter((e) => ['extension-requested', 'extended', 'extension-rejected', 'paused', 'resumed'].includes(e.type));
  return [
    h2(PACK_SECTIONS[3], true),
    para(`Working days exclude weekends and the bank holidays of ${ctx.policy.nation.replace(/-/g, ' ')}. "Due" is after every extension and pause; "first due" is the date set when the deadline started.`, 'note'),
    { kind: 'table', head: ['Deadline', 'First due', 'Due', 'Met', 'Early or late'], rows, widths: [2.4, 1.3, 1.3, 1.3, 1.8] },
    h3('Extensions and pauses'),
    changes.length === 0
      ? para('None: no extension was asked for and the case was never paused.')
      : { kind: 'table', head: ['Date', 'What', 'Who', 'Reason'], rows: changes.map((e) => [cell(formatDate(e.on)), cell(eventWords(e, ctx.directory)), cell(personWords(ctx.directory, e.by)), cell(e.why ?? '')]), widths: [1, 3, 1.6, 2.4] },
  ];
}

function deadlineCells(d: Deadline, ctx: PackContext, caseOpen: boolean): Cell[] {
  const label = deadlineLabel(d);
  const first = formatDate(d.originalDue);
  if (d.metOn) {
    const early = ctx.calendar.workingDaysUntil(d.metOn, d.due);
    const late = compareDates(d.metOn, d.due) > 0;
    const n = late ? ctx.calendar.workingDaysBetween(d.due, d.metOn) : early;
    const text = late ? `${n} working day${n === 1 ? '' : 's'} late` : n === 0 ? 'on the day' : `${n} working day${n === 1 ? '' : 's'} early`;
    return [cell(label), cell(first), cell(formatDate(d.due)), cell(formatDate(d.metOn)), cell(text, late ? 'no' : 'yes')];
  }
  if (!caseOpen) return [cell(label), cell(first), cell(formatDate(d.due)), cell('not met'), cell('the case ended first', 'muted')];
  const left = ctx.calendar.workingDaysUntil(ctx.today, d.due);
  return [cell(label), cell(first), cell(formatDate(d.due)), cell('running'), cell(left < 0 ? `${-left} working days overdue` : `${left} working days left`, left < 0 ? 'no' : undefined)];
}

function vulnerabilities(record: CaseRecord, ctx: PackContext): Block[] {
  const c = record.details.complainant;
  const received = record.events.find((e) => e.type === 'received');
  const when = received ? `Recorded at intake on ${formatDate(received.on)} by ${personWords(ctx.directory, record.details.loggedBy)}.` : '';
  return [
    h2(PACK_SECTIONS[4]),
    facts([['Vulnerabilities', c.vulnerabilities || 'none recorded'], ['Reasonable adjustments', c.adjustments || 'none recorded']]),
    para(`${when} No review of them is recorded on the case.`, 'note'),
  ];
}

function correspondence(record: CaseRecord, files: readonly PackFile[], ctx: PackContext): Block[] {
  const checks = new Map(files.map((f) => [f.event.fileId, f.check]));
  const entries = record.events.filter((e) => ['correspondence-attached', 'note', 'resident-told', 'acknowledged'].includes(e.type) && !(e.type === 'note' && e.by === 'system'));
  const rows = entries.map((e): Cell[] => {
    if (e.type === 'correspondence-attached') {
      const check = checks.get(e.fileId) ?? 'missing';
      return [cell(formatDate(e.dated)), cell(DIRECTION_WORDS[e.direction]), cell([`${e.fileName} (${formatSize(e.size)})`, e.description]), cell(personWords(ctx.directory, e.by)), cell(check === 'matches' ? 'file attached, unchanged' : CHECK_WORDS[check], check === 'matches' ? 'yes' : 'no')];
    }
    return [cell(formatDate(e.on)), cell(e.type === 'note' ? 'note' : 'to the resident'), cell([eventWords(e, ctx.directory), e.why ?? ''].filter(Boolean)), cell(personWords(ctx.directory, e.by)), cell('')];
  });
  return [
    h2(PACK_SECTIONS[5], true),
    para('Files attached to the case, notes of calls and letters, and what the resident was told, oldest first. The attached files follow at the end of the pack.', 'note'),
    rows.length ? { kind: 'table', head: ['Dated', 'Which way', 'What', 'Recorded by', 'File'], rows, widths: [1.1, 1.2, 3.6, 1.6, 1.8] } : para('No correspondence is recorded on the case.'),
  ];
}

function responses(record: CaseRecord, ctx: PackContext): Block[] {
  const given = record.events.filter((e): e is Extract<StoredEvent, { type: 'responded' }> => e.type === 'responded');
  const blocks: Block[] = [h2(PACK_SECTIONS[6], true)];
  if (given.length === 0) blocks.push(para('No response has been recorded.'));
  for (const e of given) {
    blocks.push(h3(`Stage ${stageAt(record, e)} response, ${formatDate(e.on)}: ${OUTCOME_WORDS[e.outcome].toLowerCase()}`));
    blocks.push(para(`Recorded by ${personWords(ctx.directory, e.by)}.`, 'note'));
    const items = Object.entries(e.content ?? {});
    blocks.push(items.length ? facts(items.map(([k, v]) => [itemLabel(k as ResponseContent, ctx.policy), String(v)])) : para('The response recorded no item-by-item contents.'));
    if (e.actions?.length) blocks.push({ kind: 'list', items: e.actions.map(itemWords) });
  }
  return blocks;
}

function remedies(view: CaseView, record: CaseRecord, ctx: PackContext): Block[] {
  const items = Object.values(view.items);
  const rows = items.map((i): Cell[] => {
    const due = view.deadlines.find((d) => d.id === i.id);
    const status = i.doneOn ? `done ${formatDate(i.doneOn)}` : due && compareDates(ctx.today, due.due) > 0 ? 'overdue' : 'open';
    return [cell(i.source === 'ombudsman-order' ? 'Ombudsman order' : `stage ${i.stage} response`), cell(itemWords({ ...i, due: due?.due ?? i.due })), cell(personWords(ctx.directory, i.ownerId ?? record.responsibleOfficerId)), cell(status, i.doneOn ? 'yes' : status === 'overdue' ? 'no' : undefined), cell(i.evidence ?? '')];
  });
  const o = view.ombudsman;
  const ombudsmanEvents = record.events.filter((e) => e.type.startsWith('ombudsman-'));
  return [
    h2(PACK_SECTIONS[7], true),
    rows.length ? { kind: 'table', head: ['From', 'What and when due', 'Owner', 'Status', 'Completion evidence'], rows, widths: [1.3, 3.2, 1.5, 1.1, 2.4] } : para('No remedy, action or order is recorded.'),
    h3(`The ${ctx.policy.ombudsman.name}`),
    o
      ? facts([
        ['Reference', `${o.reference}, referred ${formatDate(o.referredOn)}`],
        ['Determination', o.determinedOn ? `${formatDate(o.determinedOn)}: ${o.findings.map((f) => `${FINDINGS[f.finding]}${f.about ? ` (${f.about})` : ''}`).join('; ')}` : 'awaited'],
        ['Requests and orders', ombudsmanEvents.map((e) => `${formatDate(e.on)}: ${eventWords(e, ctx.directory)}`).join('\n') || 'none'],
      ])
      : para('The case has not been referred to the Ombudsman.'),
  ];
}

function attachedFiles(files: readonly PackFile[]): Block[] {
  const changed = files.filter((f) => f.check !== 'matches');
  return [
    h2(PACK_SECTIONS[8], true),
    files.length === 0 ? para('No files are attached to the case.') : para(`${files.length} file${files.length === 1 ? '' : 's'} follow${files.length === 1 ? 's' : ''}, each checked against the SHA-256 recorded when it was attached.`),
    ...(changed.length ? [para(`Warning: ${changed.length} file${changed.length === 1 ? ' does' : 's do'} not match what was attached: ${changed.map((f) => `${f.event.fileName} (${f.check})`).join(', ')}.`, 'warning')] : []),
    ...(files.length ? [{
      kind: 'table' as const, head: ['#', 'File', 'Attached', 'SHA-256 recorded', 'Check'],
      rows: files.map((f, i) => [cell(String(i + 1)), cell([f.event.fileName, `${f.event.contentType}, ${formatSize(f.event.size)}`]), cell(formatDate(f.event.on)), cell(f.event.sha256), cell(f.check === 'matches' ? 'unchanged' : f.check, f.check === 'matches' ? 'yes' : 'no')]),
      widths: [0.4, 2.6, 1.2, 3.6, 1.2],
    }] : []),
  ];
}
