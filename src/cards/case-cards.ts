import { compareDates } from '../domain/calendar-date';
import type { CaseRecord, StoredEvent } from '../domain/case-record';
import { isRunningDeadline, isTerminal, type CaseView, isComplaintDeadline } from '../domain/case-state';
import type { OmbudsmanFindingKind, RemedyKind } from '../domain/case-events';
import { viewOf } from '../domain/case-view';
import { findPerson, type Directory } from '../domain/directory';
import { stageName } from '../domain/policy';
import { CATEGORIES, CHANNELS, CONTACT_METHODS, ON_BEHALF_ROLES, SERVICE_AREAS } from '../intake/intake-options';
import { RESPONSE_CONTENT_NAMES } from '../domain/response-contents';
import { renderCard, type AdaptiveCardJson } from './card-template';
import { acknowledgementMethod, bannerOf, daysLeft, DIRECTION_WORDS, formatSize, wordFor, type Banner, formatInstant, OUTCOME_WORDS, deadlineLabel, deadlineRow, EVENT_LABELS, formatDate, STATE_LABELS, type CaseCardContext } from './card-text';
import { caseActions, pendingNotes, refreshUserIds, type CaseButton } from './workflow-cards';
import { ADJUSTMENTS_REVIEW_WORDS } from './workflow-forms';

export type { CaseCardContext } from './card-text';

function summary(record: CaseRecord): string {
  const d = record.details;
  const category = wordFor(CATEGORIES, d.complaint.category);
  return `${d.complainant.complainantName}, ${d.complainant.estate} · ${category}`;
}

function officerName(record: CaseRecord, directory: Directory): string {
  const officer = findPerson(directory, record.responsibleOfficerId);
  return officer ? `${officer.name} (${officer.roles[0] ?? ''})` : 'not assigned';
}

function caseFacts(record: CaseRecord, ctx: CaseCardContext) {
  const d = record.details;
  return [
    { title: 'Reference', value: record.reference },
    { title: 'Stage', value: stageName(ctx.policy, record.stage) },
    { title: 'Status', value: STATE_LABELS[record.state] },
    { title: 'Handler', value: officerName(record, ctx.directory) },
    { title: 'Received', value: record.receivedOn ? `${formatDate(record.receivedOn)} by ${wordFor(CHANNELS, d.complaint.channel).toLowerCase()}` : '—' },
  ];
}

/** Facts with nothing to say are left out, so a card shows what was recorded and no empty rows. */
const present = (facts: Array<{ title: string; value: string }>) => facts.filter((f) => f.value.trim() !== '');

/** What the complaint is about, as intake recorded it. */
function complaintFacts(record: CaseRecord) {
  const c = record.details.complaint;
  return present([
    { title: 'Complaint definition', value: shorten(c.complaintDefinition, TEXT_ON_CARD) },
    { title: 'Outcome sought', value: shorten(c.outcomeSought, TEXT_ON_CARD) },
    { title: 'In their words', value: shorten(c.description, TEXT_ON_CARD) },
    { title: 'Service area', value: wordFor(SERVICE_AREAS, c.serviceArea) },
    { title: 'Issue occurred', value: formatDate(c.issueOccurredOn) },
    { title: 'About a member of staff', value: c.aboutStaff ? [c.staffName, c.staffRole].filter(Boolean).join(', ') || 'yes' : '' },
    { title: 'Accepted late because', value: c.lateAcceptanceReason },
    // Who they are is personal data, shown with the complainant's details; that they acted is not.
    { title: 'Contact made by', value: onBehalfWords(record.details.complainant, false) },
  ]);
}

/** An MP's, councillor's or designated person's contact for the resident (the Code: the resident's own, with consent). */
function onBehalfWords(p: CaseRecord['details']['complainant'], named: boolean): string {
  if (!p.onBehalfRole) return '';
  const who = wordFor(ON_BEHALF_ROLES, p.onBehalfRole);
  return `${named && p.onBehalfName ? `${who}: ${p.onBehalfName}` : who}, for the resident (${p.onBehalfConsent ? 'resident\'s consent recorded' : 'no consent recorded'})`;
}

/**
 * The resident's adjustments as the latest review left them, and when they are next reviewed
 * (seed 003: kept under review; adjustments-review.ts). A case logged before reviews has only
 * intake's words.
 */
function adjustmentFacts(record: CaseRecord, view: CaseView | null, ctx: CaseCardContext) {
  const p = record.details.complainant;
  const a = view?.adjustments;
  if (!a) return [{ title: 'Reasonable adjustments', value: p.adjustments }];
  const words = a.text ?? p.adjustments;
  const next = !a.needed ? 'none: no longer needed'
    : isTerminal(record.state) ? `none: reviews stopped when the case was ${STATE_LABELS[record.state]} (the tenancy record keeps them under review)`
      : a.reviewOn ? `${formatDate(a.reviewOn)} (${daysLeft(ctx.calendar.workingDaysUntil(ctx.today, a.reviewOn)).status})` : 'none set';
  const last = a.lastReview;
  return [
    { title: 'Reasonable adjustments', value: a.needed ? words : `No longer needed${words.trim() ? ` (were: ${words})` : ''}` },
    { title: 'Next review', value: next },
    ...(last ? [{
      title: 'Last reviewed',
      value: `${formatDate(last.on)} by ${findPerson(ctx.directory, last.by)?.name ?? 'someone no longer in the directory'}: ${ADJUSTMENTS_REVIEW_WORDS[last.outcome].toLowerCase()} · ${shorten(last.why, WHY_ON_CARD)}`,
    }] : []),
  ];
}

/** Who the complainant is and how to reach them: shown to the people who act on the case. */
function complainantFacts(record: CaseRecord, view: CaseView | null, ctx: CaseCardContext) {
  const p = record.details.complainant;
  return present([
    { title: 'Name', value: p.complainantName },
    { title: 'Preferred contact', value: wordFor(CONTACT_METHODS, p.preferredContact) },
    { title: 'Email', value: p.contactEmail },
    { title: 'Phone', value: p.contactPhone },
    { title: 'Address', value: p.address },
    { title: 'Representative', value: p.hasRepresentative ? `${p.representativeName} (${p.representativeConsent ? 'consent recorded' : 'no consent recorded'})` : '' },
    { title: 'Contact made by', value: onBehalfWords(p, true) },
    { title: 'Vulnerabilities', value: p.vulnerabilities },
    ...adjustmentFacts(record, view, ctx),
  ]);
}

/** Each response recorded, with what it said item by item, so a stage 2 reviewer can read stage 1's. */
function responses(record: CaseRecord) {
  let stage = 0;
  const out: Array<{ title: string; items: Array<{ title: string; value: string }> }> = [];
  for (const e of record.events) {
    if (e.type === 'received') stage = e.stage ?? 1;
    if (e.type === 'escalation-requested') stage += 1;
    if (e.type !== 'responded') continue;
    const items = Object.entries(e.content ?? {}).map(([item, text]) => ({ title: wordFor(RESPONSE_CONTENT_NAMES, item), value: shorten(text ?? '', TEXT_ON_CARD) }));
    out.push({ title: `Stage ${stage} response, ${formatDate(e.on)}: ${OUTCOME_WORDS[e.outcome]}`, items: present(items) });
  }
  return out.reverse();
}

const REMEDY_WORDS: Record<RemedyKind, string> = {
  repair: 'repair or works', apology: 'apology', compensation: 'compensation', 'policy-change': 'change of policy', training: 'staff training', other: 'other',
};
/** The Ombudsman's findings in words (the evidence pack uses them too). */
export const FINDINGS: Record<OmbudsmanFindingKind, string> = {
  'no-maladministration': 'no maladministration', 'service-failure': 'service failure', maladministration: 'maladministration', 'severe-maladministration': 'severe maladministration',
};

/** Each remedy, action and order the case has promised: what, whose, by when, and whether done (with the evidence). */
function followUps(view: CaseView, ctx: CaseCardContext) {
  return Object.values(view.items).map((item) => {
    const owner = findPerson(ctx.directory, item.ownerId)?.name;
    const amount = item.amountPence !== undefined ? ` (£${(item.amountPence / 100).toFixed(2)})` : '';
    const state = item.doneOn ? `done ${formatDate(item.doneOn)}: ${item.evidence ?? ''}` : `due ${formatDate(item.due)}${compareDates(item.due, ctx.today) < 0 ? ', overdue' : ''}`;
    return {
      title: `${item.source === 'response' ? 'Action' : 'Ombudsman order'} ${item.id}`,
      value: `${item.description}${amount} · ${REMEDY_WORDS[item.kind]}${owner ? ` · ${owner}` : ''} · ${state}`,
    };
  });
}

/** The Ombudsman stage, once referred: the reference, and the determination's findings. */
function ombudsmanFacts(view: CaseView) {
  const o = view.ombudsman;
  if (!o) return [];
  return [
    { title: 'Reference', value: `${o.reference} (referred ${formatDate(o.referredOn)})` },
    { title: 'Determination', value: o.determinedOn ? `${formatDate(o.determinedOn)}: ${o.findings.map((f) => `${FINDINGS[f.finding]}${f.about ? ` (${f.about})` : ''}`).join('; ')}` : 'awaited' },
  ];
}


/** What an event recorded besides its note: the evidence of a done action, the Ombudsman's reference... */
function eventDetail(e: StoredEvent): string {
  switch (e.type) {
    case 'action-completed': return `${e.actionId}: ${e.evidence}`;
    case 'action-redated': return `${e.actionId} now due ${formatDate(e.due)}: ${e.reason}`;
    case 'ombudsman-order-complied': return `${e.orderId}: ${e.evidence}`;
    case 'ombudsman-referred': return `Ombudsman's reference ${e.reference}`;
    case 'ombudsman-information-requested': return `Request ${e.requestId}, due ${formatDate(e.due)}`;
    case 'ombudsman-information-sent': return `Request ${e.requestId}`;
    case 'ombudsman-determined': return e.findings.map((f) => FINDINGS[f.finding]).join('; ');
    // What a review found, never the resident's needs themselves: the history is shown to everyone who may see the case.
    case 'adjustments-recorded': return `Review by ${formatDate(e.reviewOn)}`;
    case 'adjustments-reviewed':
      return `${ADJUSTMENTS_REVIEW_WORDS[e.outcome]}${e.nextReviewOn ? `; next review by ${formatDate(e.nextReviewOn)}` : ''}`;
    case 'evidence-pack-made': return `${e.format.toUpperCase()}, ${e.parts === 1 ? 'one part' : `${e.parts} parts`}`;
    case 'correspondence-attached':
      return `${e.fileName} (${formatSize(e.size)}, SHA-256 ${e.sha256.slice(0, 12)}…) · ${DIRECTION_WORDS[e.direction]} · dated ${formatDate(e.dated)}: ${e.description}`;
    default: return '';
  }
}

function deadlines(record: CaseRecord, ctx: CaseCardContext) {
  // A follow-up (a remedy, an Ombudsman order) runs on after the case is closed. The review of
  // the resident's adjustments is shown beside them, to those who act on the case, not here.
  return record.deadlines.filter(isComplaintDeadline).map((d) => deadlineRow(d, ctx.today, ctx.calendar, isRunningDeadline({ kind: d.kind, metOn: null }, !isTerminal(record.state))));
}

export function confirmationCard(record: CaseRecord, ctx: CaseCardContext, officerNote: string): AdaptiveCardJson {
  return renderCard('case-confirmation', {
    reference: record.reference, caseId: record.id, summary: summary(record), facts: caseFacts(record, ctx),
    deadlines: deadlines(record, ctx), officerNote,
  });
}

export function assignedCard(record: CaseRecord, ctx: CaseCardContext): AdaptiveCardJson {
  const d = record.details;
  return renderCard('case-assigned', {
    reference: record.reference, caseId: record.id, version: record.version, seen: record.events.length, summary: summary(record), facts: caseFacts(record, ctx),
    complaintDefinition: d.complaint.complaintDefinition, outcomeSought: d.complaint.outcomeSought, deadlines: deadlines(record, ctx),
    // Sent to the handler, who acts on the case: who they are dealing with and how to reach them.
    complainant: complainantFacts(record, viewOf(record, ctx), ctx),
    // Acknowledge records when and how the acknowledgement went: today and the resident's preferred way, to change.
    acknowledging: record.state === 'awaiting-acknowledgement', today: ctx.today, method: acknowledgementMethod(record),
  });
}

/** Events on the case card; the rest are a button away. */
export const HISTORY_ON_CARD = 10;
const WHY_ON_CARD = 300;
/** A long typed text on the case card (a description, a response's item): the card is a summary. */
const TEXT_ON_CARD = 600;

/** "Some long words…" when over `max` characters. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Events whose `why` is about the resident's vulnerabilities or adjustments (special category data). */
const PERSONAL_EVENTS: ReadonlySet<StoredEvent['type']> = new Set(['adjustments-recorded', 'adjustments-reviewed']);

/**
 * The events a viewer's history shows: every one to those who see the complainant's personal
 * details; to anyone else, not the records about the resident's vulnerabilities and
 * adjustments, whose mere presence says the resident has some (special category data).
 */
export function eventsShownTo(record: CaseRecord, showPersonal: boolean): StoredEvent[] {
  return showPersonal ? record.events : record.events.filter((e) => !PERSONAL_EVENTS.has(e.type));
}

/** One event as the history shows it: when, what, who and when recorded, and what it said. */
export function historyEntry(e: StoredEvent, ctx: Pick<CaseCardContext, 'directory'>): { when: string; what: string; who: string; why: string } {
  return {
    when: formatDate(e.on),
    what: EVENT_LABELS[e.type],
    who: `by ${findPerson(ctx.directory, e.by)?.name ?? (e.by === 'system' ? 'the complaints bot' : e.by)}, recorded ${formatInstant(e.at)}`,
    // A review's reasons and new words describe the resident's needs: shown beside their details, not in the history.
    why: [eventDetail(e), PERSONAL_EVENTS.has(e.type) ? '' : e.why ?? ''].filter(Boolean).join(' · '),
  };
}

/**
 * The case as one viewer sees it: the actions open to them and whether they see the
 * complainant's personal details (the bot decides both, from the domain's rules), and a
 * banner saying what just happened.
 */
export function caseDetailCard(record: CaseRecord, ctx: CaseCardContext, buttons: readonly CaseButton[], banner: Banner = '', showPersonal = false): AdaptiveCardJson {
  const shownEvents = eventsShownTo(record, showPersonal);
  // The latest first, without copying a history of hundreds of notes to take ten of them.
  const latest = shownEvents.slice(-HISTORY_ON_CARD).reverse();
  return renderCard('case-detail', {
    // The case's own actions on the card's action bar; its files and letters in a row of their own.
    ...bannerOf(banner), actions: caseActions(record, buttons.filter((b) => !b.documents && !b.personal)), showPersonal,
    // The review of the resident's adjustments, beside them: only with the personal details.
    personalActions: showPersonal ? caseActions(record, buttons.filter((b) => b.personal)).filter((a) => a.verb !== 'case.refresh') : [],
    documentActions: caseActions(record, buttons.filter((b) => b.documents)).filter((a) => a.verb !== 'case.refresh'),
    complaint: complaintFacts(record), complainant: showPersonal ? complainantFacts(record, viewOf(record, ctx), ctx) : [], responses: responses(record),
    followUps: followUps(viewOf(record, ctx), ctx), ombudsman: ombudsmanFacts(viewOf(record, ctx)), ombudsmanTitle: `The ${ctx.policy.ombudsman.name}`, pending: pendingNotes(record, ctx), userIds: refreshUserIds(record, ctx),
    reference: record.reference, caseId: record.id, stateLabel: STATE_LABELS[record.state], summary: summary(record),
    facts: caseFacts(record, ctx), deadlines: deadlines(record, ctx),
    // The latest events only, each shortened: Teams refuses a card over about 28 KB, and a case
    // can have hundreds of notes. "Whole history" pages through every word (history-cards.ts).
    history: latest.map((e) => {
      const entry = historyEntry(e, ctx);
      return { ...entry, why: shorten(entry.why, WHY_ON_CARD) };
    }),
    historyNote: shownEvents.length > HISTORY_ON_CARD ? `The latest ${HISTORY_ON_CARD} of ${shownEvents.length} events, shortened where long. "Whole history" shows every event in full.` : '',
  });
}

/** Open cases, overdue first, then by the next due date. */
/** Cases on one page of "my cases": an AHM may have 50 or more, and a card must stay under Teams' limit. */
export const MY_CASES_PAGE = 15;

export function myCasesCard(records: CaseRecord[], ctx: CaseCardContext, page = 1): AdaptiveCardJson {
  const all = records
    .filter((r) => !isTerminal(r.state))
    .sort((a, b) => compareDates(a.nextDueOn ?? '9999-12-31', b.nextDueOn ?? '9999-12-31'))
    .map((r) => {
      // The complaint's next date, as the list is sorted (nextDueOn); the review of the resident's
      // adjustments only when nothing else is running (it has reminders of its own).
      const running = r.deadlines.filter((d) => d.metOn === null).sort((a, b) => compareDates(a.due, b.due));
      const next = running.find(isComplaintDeadline) ?? running[0];
      const left = next ? daysLeft(ctx.calendar.workingDaysUntil(ctx.today, next.due)) : { status: '—', color: 'Default' };
      return {
        caseId: r.id, reference: r.reference, complainant: r.details.complainant.complainantName,
        stageLabel: `${stageName(ctx.policy, r.stage)} · ${STATE_LABELS[r.state]}`,
        nextLabel: next ? `${deadlineLabel(next)} due ${formatDate(next.due)}` : 'no deadline running',
        daysLeft: left.status, color: left.color, style: left.color === 'Attention' ? 'attention' : 'default',
      };
    });
  const overdue = all.filter((r) => r.color === 'Attention').length;
  const pages = Math.max(1, Math.ceil(all.length / MY_CASES_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = all.slice((current - 1) * MY_CASES_PAGE, current * MY_CASES_PAGE);
  const paging = pages > 1 ? ` · cases ${(current - 1) * MY_CASES_PAGE + 1} to ${(current - 1) * MY_CASES_PAGE + rows.length}, page ${current} of ${pages}` : '';
  return renderCard('my-cases', {
    subtitle: all.length ? `${all.length} open${overdue ? `, ${overdue} overdue` : ''} · as of ${formatDate(ctx.today)}${paging}` : `as of ${formatDate(ctx.today)}`,
    cases: rows,
    pager: [
      ...(current > 1 ? [{ title: 'Previous page', page: current - 1 }] : []),
      ...(current < pages ? [{ title: 'Next page', page: current + 1 }] : []),
    ],
  });
}

/** One thing waiting for the viewer: the case, what waits, and the button that opens its card (with what it carries). */
export interface AwaitingDecision { record: CaseRecord; waiting: string; button: CaseButton; carries?: Record<string, string> }

/** The decisions waiting for a manager (extensions, refusals to escalate, behaviour reports), oldest case first. */
export function myApprovalsCard(items: readonly AwaitingDecision[], ctx: CaseCardContext): AdaptiveCardJson {
  return waitingList('Awaiting my decision', 'Nothing is waiting for your decision.', items, ctx);
}

/** The remedies, actions, orders and Ombudsman requests this person is to deliver, soonest due first. */
export function myActionsCard(items: readonly AwaitingDecision[], ctx: CaseCardContext): AdaptiveCardJson {
  return waitingList('My actions', 'You have no open actions.', items, ctx);
}

function waitingList(heading: string, empty: string, items: readonly AwaitingDecision[], ctx: CaseCardContext): AdaptiveCardJson {
  return renderCard('my-approvals', {
    heading, empty, subtitle: `${items.length} waiting · as of ${formatDate(ctx.today)}`,
    items: items.map(({ record, waiting, button, carries }) => ({
      reference: record.reference, complainant: record.details.complainant.complainantName, waiting,
      button: button.title, verb: button.verb, data: { caseId: record.id, version: record.version, seen: record.events.length, ...carries },
    })),
  });
}
