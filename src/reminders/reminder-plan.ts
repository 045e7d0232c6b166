import { overdueCard, reminderCard, type ReminderMessage } from '../cards/reminder-cards';
import { deadlineInSentence, formatDate } from '../cards/card-text';
import type { CalendarDate } from '../domain/calendar-date';
import { isTerminal, type Deadline, isComplaintDeadline } from '../domain/case-state';
import { ownerIdOf } from '../domain/follow-ups';
import { findPerson, type Directory, type DirectoryPerson } from '../domain/directory';
import {
  currentReminderPoint, isMissed, isRemindable, missedPointKey, reminderPointKey, type ReminderPoint, type ReminderSettings,
} from '../domain/reminder-schedule';
import type { Policy } from '../domain/policy';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { CaseRecord } from '../domain/case-record';
import type { DueDeadline } from '../store/case-store.port';
import type { Reminder } from './reminder-delivery';
import { recipientOf, type Recipient } from './recipients';

/**
 * What a sweep on `today` owes for each due deadline: the officer's reminder for the
 * current reminder point, and, once the deadline is missed, one notice to their manager.
 * Decided from the due-deadline index alone (no case is read until its reminder is claimed).
 */
export interface PlanContext {
  today: CalendarDate;
  settings: ReminderSettings;
  calendar: WorkingDayCalendar;
  directory: Directory;
  /** What the cards derive a case's view with (a follow-up's card names the item). */
  policy: Policy;
}

export type PlannedReminder =
  | { type: 'officer'; due: DueDeadline; point: ReminderPoint; officer: DirectoryPerson | undefined }
  | { type: 'manager'; due: DueDeadline; officer: DirectoryPerson | undefined };

export function planReminders(dueDeadlines: DueDeadline[], ctx: PlanContext): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const due of dueDeadlines) {
    if (!isRemindable({ kind: due.kind as Deadline['kind'], metOn: null })) continue;
    const officer = findPerson(ctx.directory, ownerIdOf(due, ctx.directory));
    const point = currentReminderPoint(due.due, ctx.today, ctx.settings, ctx.calendar);
    if (point) planned.push({ type: 'officer', due, point, officer });
    if (isMissed(due.due, ctx.today, ctx.calendar)) planned.push({ type: 'manager', due, officer });
  }
  return planned;
}

/** The deadline on the fresh case, if it is still the one the reminder is for and still running. */
export function stillDue(record: CaseRecord, due: DueDeadline): Deadline | null {
  if (due.id !== null) {
    // A follow-up runs whatever the case's state: a remedy is delivered after the case closes.
    const item = record.deadlines.find((x) => x.kind === due.kind && x.id === due.id && x.metOn === null);
    return item && item.due === due.due ? item : null;
  }
  // A pause stops the complaint's clock, not the review of the resident's adjustments; a closed case has neither.
  if (isTerminal(record.state) || (record.state === 'paused' && isComplaintDeadline(due))) return null;
  const d = record.deadlines.find((x) => x.stage === due.stage && x.kind === due.kind && x.metOn === null);
  return d && d.due === due.due ? d : null;
}

/** The claim key's point: a follow-up's names its id, so two actions due the same day are reminded apart. */
function pointKey(due: DueDeadline, point: string): string {
  return due.id === null ? point : `${due.id}@${point}`;
}

function pointWords(point: ReminderPoint): string {
  const [kind, n] = point.id.split('-') as [string, string];
  if (kind === 'overdue') return `${n} working day${n === '1' ? '' : 's'} overdue`;
  return n === '0' ? 'on the due day' : `${n} working day${n === '1' ? '' : 's'} before`;
}

export function officerReminder(p: Extract<PlannedReminder, { type: 'officer' }>, officer: DirectoryPerson, ctx: PlanContext): Reminder {
  const { due, point } = p;
  const label = deadlineInSentence({ stage: due.stage, kind: due.kind as Deadline['kind'], ...(due.id ? { id: due.id } : {}) });
  return {
    key: { caseId: due.caseId, stage: due.stage, kind: due.kind, point: pointKey(due, reminderPointKey(due.due, point)) },
    recipient: recipientOf(officer),
    title: `Reminder (${pointWords(point)}) of the ${label} due ${formatDate(due.due)}`,
    deadline: `the ${label} due ${formatDate(due.due)}`,
    compose: (record): ReminderMessage | null => {
      const deadline = stillDue(record, due);
      // Reassigned since the index was read: the new owner is reminded by a later sweep.
      if (!deadline || ownerIdOf({ owner: deadline.owner ?? null, responsibleOfficerId: record.responsibleOfficerId }, ctx.directory) !== officer.id) return null;
      return reminderCard({ record, deadline, today: ctx.today, calendar: ctx.calendar, policy: ctx.policy, pointOn: point.on });
    },
  };
}

export function managerNotice(p: Extract<PlannedReminder, { type: 'manager' }>, manager: Recipient, ctx: PlanContext): Reminder {
  const { due } = p;
  const label = deadlineInSentence({ stage: due.stage, kind: due.kind as Deadline['kind'], ...(due.id ? { id: due.id } : {}) });
  return {
    key: { caseId: due.caseId, stage: due.stage, kind: due.kind, point: pointKey(due, missedPointKey(due.due)) },
    recipient: manager,
    title: `Missed-deadline notice to ${manager.name} for the ${label} due ${formatDate(due.due)}`,
    deadline: `the ${label} due ${formatDate(due.due)}`,
    compose: (record): ReminderMessage | null => {
      const deadline = stillDue(record, due);
      if (!deadline) return null;
      // Responsible: whoever the deadline is for (a follow-up's owner), as the notice went to their manager.
      const officer = findPerson(ctx.directory, ownerIdOf({ owner: deadline.owner ?? null, responsibleOfficerId: record.responsibleOfficerId }, ctx.directory));
      return overdueCard({ record, deadline, today: ctx.today, calendar: ctx.calendar, policy: ctx.policy, officer: officer ?? null });
    },
  };
}
