import type { CalendarDate } from '../domain/calendar-date';
import type { CaseState, Deadline, DeadlineKind } from '../domain/case-state';
import type { WorkingDayCalendar } from '../domain/working-days';

/** Words and formats shared by the cards, so every card says a thing the same way. */

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
  if (d.metOn) return { ...base, status: d.metOn <= d.due ? `met ${formatDate(d.metOn)}` : `met late ${formatDate(d.metOn)}`, color: d.metOn <= d.due ? 'Good' : 'Warning' };
  if (!caseOpen) return { ...base, status: 'not met', color: 'Default' };
  return { ...base, ...daysLeft(calendar.workingDaysUntil(today, d.due)) };
}

export function daysLeft(n: number): { status: string; color: string } {
  if (n === 0) return { status: 'due today', color: 'Warning' };
  if (n < 0) return { status: `${-n} working day${n === -1 ? '' : 's'} overdue`, color: 'Attention' };
  return { status: `${n} working day${n === 1 ? '' : 's'} left`, color: n <= 2 ? 'Warning' : 'Default' };
}
