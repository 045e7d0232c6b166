import type { Logger } from 'pino';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { ReminderMessage } from '../cards/reminder-cards';
import type { CaseContext } from '../cases/case-context';
import type { DirectoryPerson } from '../domain/directory';
import type { MailSender } from '../graph/mail-sender.port';
import type { InstallResult } from '../graph/teams-app-installer';
import type { CaseRecord } from '../domain/case-record';
import type { CaseStore } from '../store/case-store.port';
import type { ConversationRefStore } from '../store/conversation-ref-store.port';
import type { ReminderClaimStore, ReminderKey } from '../store/reminder-claim-store.port';
import type { Now, Sleep } from './clock';
import type { Pacer } from './pacer';
import { asDirectoryPerson, type Recipient } from './recipients';
import { isUnreachable, SendFailedError, withSendRetry, type TeamsSendResult } from './send-retry';
import { noteOnce } from './system-notes';

/**
 * Delivers one reminder exactly once, whichever of several bot instances gets to it:
 *
 *   look (claim already confirmed or leased? skip) -> can the person be reached? ->
 *   pace -> CLAIM (conditional write; one winner) -> re-read the case -> send -> CONFIRM.
 *
 * Only the claimant sends, and it confirms right after the send. If it dies between claim
 * and confirm, the claim stays unconfirmed and another instance takes it over once the
 * lease has run out, so the reminder goes out late but goes out. Retries stop well before
 * the lease ends, so nobody can take over a send still in progress. The one window left is
 * a crash after Teams accepted the message and before the confirm was written: that
 * reminder is sent again after the lease (Teams has no idempotency key to prevent it).
 *
 * A failed send is retried with back-off (honouring Retry-After), then left unconfirmed so
 * that a later sweep tries again after the lease, and noted on the case once. When Teams
 * says the person cannot be reached (403/404: blocked the bot, left the organisation) it
 * goes by email instead, if mail is configured.
 */
export type DeliveryOutcome =
  | 'sent' | 'emailed' | 'handled-elsewhere' | 'awaiting-install' | 'unreachable' | 'failed' | 'stale' | 'no-recipient';

/** What ProactiveNotifier does: it reports how a send ended rather than throwing (see TeamsSendResult). */
export interface TeamsSender {
  sendCard(person: DirectoryPerson, card: AdaptiveCardJson, summary: string, text?: string): Promise<TeamsSendResult>;
}

/** A send for the retry loop, which reads the status and Retry-After of what the connector threw. */
async function sendOrThrow(teams: TeamsSender, person: DirectoryPerson, card: AdaptiveCardJson, summary: string): Promise<'sent' | 'no-conversation'> {
  const result = await teams.sendCard(person, card, summary);
  if (result.outcome === 'gone' || result.outcome === 'failed') {
    throw result.cause instanceof Error ? result.cause : Object.assign(new Error(result.failure.message), { statusCode: result.failure.status });
  }
  return result.outcome;
}

export interface Installer {
  installFor(aadObjectId: string): Promise<InstallResult>;
}

export interface Reminder {
  key: ReminderKey;
  recipient: Recipient;
  /** Names the reminder the same way on every attempt: the start of its note on the case. */
  title: string;
  /** Names the deadline, e.g. "the stage 1 response due Tue 1 Dec 2026". */
  deadline: string;
  /** The message from the case as read after claiming; null when it is no longer due (met, paused, moved). */
  compose(record: CaseRecord): ReminderMessage | null;
}

export interface DeliveryDeps {
  cases: CaseStore;
  claims: ReminderClaimStore;
  refs: ConversationRefStore;
  ctx: CaseContext;
  teams: TeamsSender;
  mail: MailSender;
  installer: Installer | undefined;
  pacer: Pacer;
  now: Now;
  sleep: Sleep;
  logger: Logger;
  /** Unique per sweep run, e.g. host:pid:random#3. */
  holder: string;
  leaseMs: number;
  retry: { attempts: number; baseDelayMs: number };
  signal: AbortSignal | undefined;
}

type Channel = 'teams' | 'mail' | 'awaiting-install' | 'unreachable';

/** One per sweep: who can be reached how is looked up (and an install tried) once per person. */
export class ReminderDeliverer {
  private readonly channels = new Map<string, Promise<Channel>>();

  constructor(private readonly deps: DeliveryDeps) {}

  async deliver(reminder: Reminder): Promise<DeliveryOutcome> {
    const { deps } = this;
    const seen = await deps.claims.getReminderClaim(reminder.key);
    if (seen && (seen.confirmedAt !== null || seen.leaseUntil >= deps.now().toISOString())) return 'handled-elsewhere';

    const channel = await this.channelFor(reminder.recipient);
    if (channel === 'awaiting-install' || channel === 'unreachable') return channel;
    if (channel === 'teams') await deps.pacer.wait(reminder.recipient.aadObjectId, deps.signal);

    const claimedAt = deps.now();
    const leaseUntil = new Date(claimedAt.getTime() + deps.leaseMs);
    if (!await deps.claims.claimReminder(reminder.key, deps.holder, leaseUntil.toISOString(), claimedAt.toISOString())) return 'handled-elsewhere';

    // Read after claiming, so the card shows the case as it is now and carries its version.
    const record = await deps.cases.getCase(reminder.key.caseId);
    const message = record ? reminder.compose(record) : null;
    if (!message) return 'stale'; // no longer due: the claim simply expires

    // Stop retrying with a fifth of the lease left, so nobody takes over a send in progress.
    const stopBy = new Date(leaseUntil.getTime() - deps.leaseMs / 5);
    try {
      if (channel === 'teams') {
        const result = await this.retrying(() => sendOrThrow(deps.teams, asDirectoryPerson(reminder.recipient), message.card, message.summary), stopBy);
        if (result === 'no-conversation') return 'unreachable'; // forgotten since we looked; try again later
      } else {
        await this.retrying(() => deps.mail.send({ to: reminder.recipient.email ?? '', ...message.mail }), stopBy);
      }
    } catch (err) {
      if (!(err instanceof SendFailedError)) throw err;
      return this.afterFailure(reminder, message, channel, err, stopBy, leaseUntil);
    }
    await this.confirm(reminder);
    return channel === 'teams' ? 'sent' : 'emailed';
  }

  private async afterFailure(reminder: Reminder, message: ReminderMessage, channel: Channel, err: SendFailedError, stopBy: Date, leaseUntil: Date): Promise<DeliveryOutcome> {
    const { deps } = this;
    const r = reminder.recipient;
    const canMail = deps.mail.delivers && r.email !== null;
    if (channel === 'teams' && isUnreachable(err.failure.status) && canMail) {
      try {
        await this.retrying(() => deps.mail.send({ to: r.email ?? '', ...message.mail }), stopBy);
        await this.confirm(reminder);
        // Once per deadline and person, not per daily reminder: the history says why, once.
        await this.note(reminder, `Reminders of ${reminder.deadline} are emailed to ${r.name}`, ` (${r.email}): Teams refused them (${err.failure.message}).`);
        deps.logger.warn({ key: reminder.key, recipient: r.id, status: err.failure.status }, 'Teams could not reach the person: reminder emailed instead');
        return 'emailed';
      } catch (mailErr) {
        if (!(mailErr instanceof SendFailedError)) throw mailErr;
        err = new SendFailedError({ ...err.failure, message: `${err.failure.message}; by email: ${mailErr.failure.message}` }, err.attempts + mailErr.attempts);
      }
    }
    const when = leaseUntil.toISOString().slice(0, 16).replace('T', ' ');
    await this.note(reminder, `${reminder.title} could not be delivered`, ` to ${r.name}: ${err.message}. It will be tried again after ${when} UTC.`);
    // Someone Teams says is gone (403/404) is not a fault of the bot: the reference is forgotten, and they get it once they talk to the bot again.
    deps.logger[isUnreachable(err.failure.status) ? 'warn' : 'error']({ key: reminder.key, recipient: r.id, status: err.failure.status, attempts: err.attempts }, 'reminder not delivered; left for a later sweep');
    return 'failed';
  }

  private retrying<T>(send: () => Promise<T>, stopBy: Date): Promise<T> {
    const { now, sleep, signal, retry } = this.deps;
    return withSendRetry(send, { ...retry, now, sleep, stopBy, ...(signal ? { signal } : {}) });
  }

  private async confirm(reminder: Reminder): Promise<void> {
    const confirmed = await this.deps.claims.confirmReminder(reminder.key, this.deps.holder, this.deps.now().toISOString());
    // Only possible if the lease ran out mid-send and another instance took the claim over.
    if (!confirmed) this.deps.logger.error({ key: reminder.key }, 'lost the reminder claim while sending: it may have been sent twice');
  }

  /** Notes `once + rest` on the case, unless a note starting with `once` is already there. */
  private async note(reminder: Reminder, once: string, rest: string): Promise<void> {
    const result = await noteOnce(this.deps.cases, this.deps.ctx, reminder.key.caseId, once, once + rest).catch(() => 'failed' as const);
    if (result === 'failed') this.deps.logger.warn({ key: reminder.key }, 'could not note the reminder trouble on the case');
  }

  private channelFor(r: Recipient): Promise<Channel> {
    let found = this.channels.get(r.aadObjectId);
    if (!found) {
      found = this.lookUpChannel(r);
      this.channels.set(r.aadObjectId, found);
    }
    return found;
  }

  /**
   * Teams when the bot has their conversation. Otherwise install the app for them (Teams
   * then sends the installationUpdate that stores it, and a later sweep sends); failing
   * that, email if mail really goes out. The logging mail sender does not count: a
   * reminder "sent" to the log would be confirmed and never reach anyone.
   */
  private async lookUpChannel(r: Recipient): Promise<Channel> {
    const { deps } = this;
    if (r.aadObjectId && await deps.refs.getConversationRef(r.aadObjectId)) return 'teams';
    if (deps.installer && r.aadObjectId) {
      const installed = await deps.installer.installFor(r.aadObjectId);
      if (installed.ok && installed.outcome === 'installed') {
        deps.logger.info({ recipient: r.id }, 'installed the Teams app for a person the bot could not message yet');
        return 'awaiting-install';
      }
      if (!installed.ok) deps.logger.warn({ recipient: r.id, status: installed.status }, installed.reason);
    }
    if (deps.mail.delivers && r.email) return 'mail';
    deps.logger.warn({ recipient: r.id }, 'cannot reach this person: they have not opened the bot in Teams, and mail is not configured');
    return 'unreachable';
  }
}
