import { BoundedMap } from '../bounded-map';
import { formatDate, type CalendarDate } from '../domain/calendar-date';
import type { CaseEventType, ContactMethod, CorrespondenceDirection, RemedyKind, ResponseOutcome } from '../domain/case-events';
import type { CaseState, Deadline, DeadlineKind } from '../domain/case-state';
import type { Directory } from '../domain/directory';
import type { Policy } from '../domain/policy';
import { timeliness } from '../domain/timeliness';
import type { WorkingDayCalendar } from '../domain/working-days';

/** Words and formats shared by the cards, so every card says a thing the same way. */

/** What every case card is drawn with, as of today (London date). */
export interface CaseCardContext {
  policy: Policy;
  directory: Directory;
  calendar: WorkingDayCalendar;
  today: CalendarDate;
}

const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });
const londonDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** Instants said recently: a case card says its latest events' times again on every change. */
const saidInstants = new BoundedMap<string, string>(4096);

/** An instant as staff in England read it: "Mon 23 Nov 2026 at 10:00", London time (GMT or BST). */
export function formatInstant(iso: string): string {
  let said = saidInstants.get(iso);
  if (said === undefined) {
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime())) return iso;
    said = `${formatDate(londonDay.format(instant))} at ${londonTime.format(instant)}`;
    saidInstants.set(iso, said);
  }
  return said;
}

/** The words for a stored choice (a category, a channel), or the choice itself if the list no longer has it. */
export function wordFor(words: Readonly<Record<string, string>>, key: string): string {
  return words[key] ?? key;
}

/** A response's decision in words. */
export const OUTCOME_WORDS: Record<ResponseOutcome, string> = { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', 'not-upheld': 'Not upheld' };

/** "Tue 29 Dec 2026": the domain's one way of saying a date. */
export { formatDate } from '../domain/calendar-date';

const KIND_LABELS: Record<DeadlineKind, string> = {
  resolve: 'informal resolution',
  acknowledge: 'acknowledgement',
  respond: 'response',
  draft: 'draft response',
  'comment-window': 'resident\'s comments on the draft',
  'final-decision': 'final decision',
  'tell-resident': 'telling the resident of a decision',
  action: 'action',
  'ombudsman-information': 'information for the Ombudsman',
  'ombudsman-order': 'Ombudsman order',
  'adjustments-review': 'review of adjustments',
};

export function deadlineLabel(d: Pick<Deadline, 'stage' | 'kind' | 'id'>): string {
  // A follow-up is named by what it tracks, not by the stage it was promised at.
  if (d.kind === 'action') return `Action ${d.id ?? ''}`.trim();
  if (d.kind === 'ombudsman-order') return `Ombudsman order ${d.id ?? ''}`.trim();
  if (d.kind === 'ombudsman-information') return `Information for the Ombudsman (${d.id ?? 'request'})`;
  // The resident's, whatever the stage: not a stage's deadline.
  if (d.kind === 'adjustments-review') return 'Review of adjustments';
  return d.stage === 0 ? `Informal stage ${KIND_LABELS[d.kind]}` : `Stage ${d.stage} ${KIND_LABELS[d.kind]}`;
}

/** A deadline's label inside a sentence: "the stage 1 response", "the action a1", but "the Ombudsman order o1". */
export function deadlineInSentence(d: Pick<Deadline, 'stage' | 'kind' | 'id'>): string {
  const label = deadlineLabel(d);
  return label.startsWith('Ombudsman') ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A remedy's kind in words. */
export const REMEDY_WORDS: Record<RemedyKind, string> = {
  repair: 'repair or works', apology: 'apology', compensation: 'compensation', 'policy-change': 'change of policy', training: 'staff training', other: 'other',
};

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** An amount held in pence, as "£1,250.00". */
export function formatPounds(pence: number): string {
  return pounds.format(pence / 100);
}

export const STATE_LABELS: Record<CaseState, string> = {
  informal: 'informal stage',
  'awaiting-acknowledgement': 'awaiting acknowledgement',
  investigating: 'under investigation',
  paused: 'paused',
  responded: 'responded',
  closed: 'closed',
  withdrawn: 'withdrawn',
  refused: 'refused',
};

export interface DeadlineRow { label: string; due: string; status: string; color: string }

/** "met Tue 22 Dec 2026", "3 working days left", "due today", "2 working days overdue". */
export function deadlineRow(d: Deadline, today: CalendarDate, calendar: WorkingDayCalendar, caseOpen: boolean): DeadlineRow {
  const base = { label: deadlineLabel(d), due: formatDate(d.due) };
  const onTime = timeliness(d, today, caseOpen);
  if (d.metOn) return { ...base, status: onTime === 'yes' ? `met ${formatDate(d.metOn)}` : `met late ${formatDate(d.metOn)}`, color: onTime === 'yes' ? 'Good' : 'Warning' };
  if (onTime === 'n/a') return { ...base, status: 'not met', color: 'Default' };
  return { ...base, ...daysLeft(calendar.workingDaysUntil(today, d.due)) };
}

export function daysLeft(n: number): { status: string; color: string } {
  if (n === 0) return { status: 'due today', color: 'Warning' };
  if (n < 0) return { status: `${-n} working day${n === -1 ? '' : 's'} overdue`, color: 'Attention' };
  return { status: `${n} working day${n === 1 ? '' : 's'} left`, color: n <= 2 ? 'Warning' : 'Default' };
}

/** The case history's words for each event; a new event type without a label does not compile. */
export const EVENT_LABELS: Record<CaseEventType, string> = {
  'adjustments-recorded': 'Adjustments to keep under review', 'adjustments-reviewed': 'Adjustments reviewed',
  'informal-opened': 'Informal stage opened', received: 'Complaint received', acknowledged: 'Acknowledged', extended: 'Deadline extended',
  paused: 'Paused', resumed: 'Resumed', 'draft-issued': 'Draft response issued', 'comments-received': 'Comments received',
  responded: 'Response sent', 'escalation-requested': 'Escalation requested', refused: 'Complaint refused', closed: 'Closed', withdrawn: 'Withdrawn', note: 'Note',
  assigned: 'Assigned', 'extension-requested': 'Extension requested', 'extension-rejected': 'Extension rejected',
  'behaviour-proposed': 'Unacceptable behaviour reported', 'behaviour-decided': 'Unacceptable behaviour decided',
  'escalation-refusal-proposed': 'Refusal to escalate proposed', 'escalation-refused': 'Escalation refused',
  'escalation-refusal-rejected': 'Refusal to escalate rejected', 'resident-told': 'Resident told',
  'action-completed': 'Action done', 'action-redated': 'Action re-dated', 'ombudsman-referred': 'Referred to the Ombudsman',
  'ombudsman-information-requested': 'The Ombudsman asked for information', 'ombudsman-information-sent': 'Information sent to the Ombudsman',
  'ombudsman-determined': 'The Ombudsman\'s determination', 'ombudsman-order-complied': 'Ombudsman order complied with',
  'correspondence-attached': 'Correspondence attached',
  'evidence-pack-made': 'Evidence pack made',
  'subject-access-made': 'Subject access export made', 'complainant-erased': 'Complainant\'s personal data erased',
  'matter-added': 'Related new complaint added', 'split-off': 'New issue split off as a new complaint', 'split-from': 'Split off from a stage 2 complaint',
};

/** How an acknowledgement or a decision went to the resident, in words. */
export const ACKNOWLEDGEMENT_METHODS = { letter: 'Letter', email: 'Email', phone: 'Phone', 'in-person': 'In person' } as const satisfies Record<ContactMethod, string>;

/** The resident's preferred contact method, as the way an acknowledgement was most likely sent (the officer can change it). */
export function acknowledgementMethod(record: { details: { complainant: { preferredContact: string } } }): string {
  const preferred = record.details.complainant.preferredContact;
  return preferred in ACKNOWLEDGEMENT_METHODS ? preferred : '';
}

/**
 * The line at the top of a card saying what just happened: a success in the good style, a
 * problem (a stale card, a refusal) in the warning style. A plain string is a problem.
 */
export type Banner = string | { text: string; tone: 'good' | 'warning' };

export function bannerOf(banner: Banner): { banner: string; bannerStyle: 'good' | 'warning' } {
  return typeof banner === 'string' ? { banner, bannerStyle: 'warning' } : { banner: banner.text, bannerStyle: banner.tone };
}

export function bannerText(banner: Banner): string {
  return typeof banner === 'string' ? banner : banner.text;
}

/** Which way a piece of correspondence went, in words. */
export const DIRECTION_WORDS: Record<CorrespondenceDirection, string> = {
  'from-resident': 'from the resident', 'to-resident': 'to the resident', internal: 'internal', 'from-contractor': 'from a contractor', other: 'other',
};

/** A file's size as people read it: "830 KB", "2.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
