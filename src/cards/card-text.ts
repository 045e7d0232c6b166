import type { CalendarDate } from '../domain/calendar-date';
import type { CaseEventType, ContactMethod } from '../domain/case-events';
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

const dateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "Tue 29 Dec 2026". */
export function formatDate(date: CalendarDate): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
}

const KIND_LABELS: Record<DeadlineKind, string> = {
  resolve: 'informal resolution',
  acknowledge: 'acknowledgement',
  respond: 'response',
  draft: 'draft response',
  'comment-window': 'resident\'s comments on the draft',
  'final-decision': 'final decision',
  'tell-resident': 'telling the resident of a decision',
};

export function deadlineLabel(d: Pick<Deadline, 'stage' | 'kind'>): string {
  return d.stage === 0 ? `Informal stage ${KIND_LABELS[d.kind]}` : `Stage ${d.stage} ${KIND_LABELS[d.kind]}`;
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
  'informal-opened': 'Informal stage opened', received: 'Complaint received', acknowledged: 'Acknowledged', extended: 'Deadline extended',
  paused: 'Paused', resumed: 'Resumed', 'draft-issued': 'Draft response issued', 'comments-received': 'Comments received',
  responded: 'Response sent', 'escalation-requested': 'Escalation requested', refused: 'Complaint refused', closed: 'Closed', withdrawn: 'Withdrawn', note: 'Note',
  assigned: 'Assigned', 'extension-requested': 'Extension requested', 'extension-rejected': 'Extension rejected',
  'behaviour-proposed': 'Unacceptable behaviour reported', 'behaviour-decided': 'Unacceptable behaviour decided',
  'escalation-refusal-proposed': 'Refusal to escalate proposed', 'escalation-refused': 'Escalation refused',
  'escalation-refusal-rejected': 'Refusal to escalate rejected', 'resident-told': 'Resident told',
};

/** How an acknowledgement or a decision went to the resident, in words. */
export const ACKNOWLEDGEMENT_METHODS = { letter: 'Letter', email: 'Email', phone: 'Phone', 'in-person': 'In person' } as const satisfies Record<ContactMethod, string>;

/** The resident's preferred contact method, as the way an acknowledgement was most likely sent (the officer can change it). */
export function acknowledgementMethod(record: { details: { complainant: { preferredContact: string } } }): string {
  const preferred = record.details.complainant.preferredContact;
  return preferred in ACKNOWLEDGEMENT_METHODS ? preferred : '';
}
