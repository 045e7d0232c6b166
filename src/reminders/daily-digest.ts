import type { Logger } from 'pino';
import { deadlineLabel, daysLeft, formatDate } from '../cards/card-text';
import { followUpAbout } from '../cards/reminder-cards';
import { compareDates, type CalendarDate } from '../domain/calendar-date';
import type { Deadline } from '../domain/case-state';
import { findPerson, type Directory } from '../domain/directory';
import { ownerIdOf } from '../domain/follow-ups';
import type { Policy } from '../domain/policy';
import { isRemindable } from '../domain/reminder-schedule';
import type { WorkingDayCalendar } from '../domain/working-days';
import type { MailMessage, MailSender } from '../graph/mail-sender.port';
import type { CaseStore, DueDeadline } from '../store/case-store.port';
import type { ReminderClaimStore, ReminderKey } from '../store/reminder-claim-store.port';
import type { Now, Sleep } from './clock';
import { stillDue } from './reminder-plan';
import { SendFailedError, withSendRetry } from './send-retry';

/**
 * Once a working day, the complaints mailbox gets the cases that are overdue or due that
 * day. Claimed like a reminder (one key per day), so several instances send one digest; a
 * day with nothing overdue or due sends none. No resident's name is put in the mail: the
 * reference leads to the case in Teams.
 */
export type DigestOutcome = 'sent' | 'nothing-to-report' | 'handled-elsewhere' | 'failed';

export interface DigestDeps {
  cases: CaseStore;
  claims: ReminderClaimStore;
  mail: MailSender;
  /** COMPLAINTS_MAILBOX; without it the mail sender is the log, which needs no address. */
  mailbox: string | undefined;
  directory: Directory;
  calendar: WorkingDayCalendar;
  /** To derive a case's view: a follow-up's line says what it is (the action's or order's description). */
  policy: Policy;
  now: Now;
  sleep: Sleep;
  logger: Logger;
  holder: string;
  leaseMs: number;
  retry: { attempts: number; baseDelayMs: number };
  signal: AbortSignal | undefined;
}

export const digestKey = (today: CalendarDate): ReminderKey => ({ caseId: 'daily-digest', stage: 0, kind: 'digest', point: today });

export interface DigestRow { reference: string; label: string; due: string; status: string; officer: string; overdue: boolean }

export async function sendDailyDigest(dueDeadlines: DueDeadline[], today: CalendarDate, deps: DigestDeps): Promise<DigestOutcome> {
  const candidates = dueDeadlines.filter((d) => compareDates(d.due, today) <= 0 && isRemindable({ kind: d.kind as Deadline['kind'], metOn: null }));
  if (candidates.length === 0) return 'nothing-to-report';
  const key = digestKey(today);
  const seen = await deps.claims.getReminderClaim(key);
  if (seen && (seen.confirmedAt !== null || seen.leaseUntil >= deps.now().toISOString())) return 'handled-elsewhere';
  const claimedAt = deps.now();
  const leaseUntil = new Date(claimedAt.getTime() + deps.leaseMs);
  if (!await deps.claims.claimReminder(key, deps.holder, leaseUntil.toISOString(), claimedAt.toISOString())) return 'handled-elsewhere';

  const rows: DigestRow[] = [];
  for (const d of candidates) {
    // The index knows nothing of pauses; the case does.
    const record = await deps.cases.getCase(d.caseId);
    const running = record ? stillDue(record, d) : null;
    if (!record || !running) continue;
    const left = deps.calendar.workingDaysUntil(today, d.due);
    // A follow-up is its owner's (an action's owner, the complaints team's for the Ombudsman), named with what it is.
    const officer = findPerson(deps.directory, ownerIdOf({ owner: running.owner ?? null, responsibleOfficerId: record.responsibleOfficerId }, deps.directory));
    const item = followUpAbout(record, running, deps.policy, deps.calendar)?.item;
    rows.push({
      reference: record.reference, label: `${deadlineLabel(running)}${item ? `: ${shorten(item.description, 80)}` : ''}`, due: formatDate(d.due),
      status: daysLeft(left).status, officer: officer?.name ?? 'not assigned', overdue: left < 0,
    });
  }
  if (rows.length > 0) {
    try {
      await withSendRetry(() => deps.mail.send(digestMail(rows, today, deps.mailbox)), {
        ...deps.retry, now: deps.now, sleep: deps.sleep, stopBy: new Date(leaseUntil.getTime() - deps.leaseMs / 5), ...(deps.signal ? { signal: deps.signal } : {}),
      });
    } catch (err) {
      if (!(err instanceof SendFailedError)) throw err;
      deps.logger.error({ err: err.message, today }, 'daily digest not sent; left for a later sweep');
      return 'failed';
    }
  }
  // Confirmed even when every candidate turned out paused: there is nothing to say today.
  await deps.claims.confirmReminder(key, deps.holder, deps.now().toISOString());
  return rows.length > 0 ? 'sent' : 'nothing-to-report';
}

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function digestMail(rows: DigestRow[], today: CalendarDate, mailbox: string | undefined): MailMessage {
  const overdue = rows.filter((r) => r.overdue);
  const dueToday = rows.filter((r) => !r.overdue);
  const subject = `Complaints digest ${formatDate(today)}: ${overdue.length} overdue, ${dueToday.length} due today`;
  const line = (r: DigestRow) => `- ${r.reference} · ${r.label} · due ${r.due} · ${r.status} · ${r.officer}`;
  const section = (title: string, list: DigestRow[]) => (list.length ? [`${title} (${list.length})`, ...list.map(line), ''] : []);
  const text = [subject, '', ...section('Overdue', overdue), ...section('Due today', dueToday), 'Open a case in Teams with "case <reference>".'].join('\n');
  const table = (title: string, list: DigestRow[]) => (list.length
    ? `<h3>${escapeHtml(title)} (${list.length})</h3><table><tr><th>Reference</th><th>Deadline</th><th>Due</th><th>Status</th><th>Responsible</th></tr>${
      list.map((r) => `<tr><td>${[r.reference, r.label, r.due, r.status, r.officer].map(escapeHtml).join('</td><td>')}</td></tr>`).join('')}</table>`
    : '');
  const html = `<p>${escapeHtml(subject)}</p>${table('Overdue', overdue)}${table('Due today', dueToday)}<p>Open a case in Teams with "case &lt;reference&gt;".</p>`;
  return { to: mailbox ? [mailbox] : [], subject, text, html };
}
