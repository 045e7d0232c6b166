import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BoundedMap, seenWithin } from '../bounded-map';
import type { AdaptiveCardJson } from '../cards/card-template';
import { formatDate } from '../cards/card-text';
import type { CaseContext } from '../cases/case-context';
import { londonDateOf } from '../domain/calendar-date';
import type { CaseRecord } from '../domain/case-record';
import { SYSTEM_ACTOR } from '../domain/commands/system-note';
import type { DirectoryPerson } from '../domain/directory';
import type { CaseStore } from '../store/case-store.port';
import type { KeyValueStore } from '../store/key-value-store.port';
import type { TeamsSender } from './reminder-delivery';
import { sendFailureOf, type TeamsSendResult } from './send-retry';
import { noteOnce } from './system-notes';

/**
 * Cards to a person that Teams did not deliver (the new handler's case, a manager's decision
 * card, the handler told of a decision), kept for a retry instead of lost. What "kept on the
 * case for a retry" means here:
 *
 * - **The card** is kept as it was rendered, with the case version it showed, in the
 *   key/value store under `kept-cards/<the person's Entra object id>`: per person, because
 *   it is delivered to that person, the moment they are next in reach.
 * - **The case's history** gets a note by the complaints bot, once per card: what could not
 *   be delivered, to whom, when, why, and what happens next; and a second note if the card is
 *   given up. No note when a retry succeeds: a note changes the case's version, which would
 *   make the card just delivered stale; a failure note without a "given up" note after it
 *   means the card went out later.
 * - **Retried** when the person next talks to the bot (any message, card action or install:
 *   ProactiveNotifier.remember, on every turn), all their kept cards first; and, for a send
 *   Teams only failed or throttled (429, 5xx, no answer), by the reminder sweep as well,
 *   after 5, 20 and 80 minutes (or what a Retry-After asked). A person Teams says is gone
 *   (403/404) or who never opened the bot cannot be sent anything until they talk to it.
 * - **Bounded**: at most 4 sends in all (the first and 3 retries; a send counts when Teams
 *   answered it), for at most 30 days, and 20 cards per person (the oldest is given up).
 * - **Once across instances**: a delivery takes a short lease on the person's entry (a
 *   conditional write on its ETag), so two turns or a turn and a sweep do not both send. As
 *   with the reminders, a crash after Teams accepted a card and before the entry was
 *   updated sends that card again once the lease has run out.
 *
 * A card delivered late whose case has since changed only by the bot's own notes (the
 * failure note, say) is brought up to the current version, so its buttons still work; one
 * whose case has really changed goes as it was, with a line saying so (its buttons then show
 * the case as it is now, as for any stale card).
 */
export interface KeptCardLimits {
  /** Sends in all, the first included, before a card is given up. */
  maxAttempts: number;
  keepDays: number;
  perPerson: number;
  /** How long a delivery holds a person's entry. */
  leaseMs: number;
  /** The sweep's first retry of a failed (not refused) send; each later one waits four times as long. */
  retryAfterMs: number;
  /** How long a person's turns trust this instance's last look that found nothing kept for them (peekOnTurn). */
  peekQuietMs: number;
}

export const KEPT_CARD_LIMITS: KeptCardLimits = { maxAttempts: 4, keepDays: 30, perPerson: 20, leaseMs: 2 * 60_000, retryAfterMs: 5 * 60_000, peekQuietMs: 30_000 };

/** People whose last look found nothing, remembered by this instance; beyond this the oldest are forgotten (and looked up again). */
const QUIET_MAX = 10_000;

/** A send that did not deliver. */
export type Undelivered = Exclude<TeamsSendResult, { outcome: 'sent' }>;

export interface RedeliveryCounts { delivered: number; failed: number; givenUp: number }

export interface KeptCardsDeps {
  kv: KeyValueStore;
  cases: CaseStore;
  /** The clock and ids; the notes are written as the complaints bot. */
  ctx: CaseContext;
  logger: Logger;
  limits?: Partial<KeptCardLimits>;
  /** Names this process in leases; unique per process by default. */
  instanceId?: string;
}

const keptCardSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  reference: z.string(),
  /** The case's version and number of events when the card was made. */
  version: z.string(),
  eventCount: z.number().int(),
  card: z.record(z.string(), z.unknown()),
  summary: z.string(),
  keptAt: z.string(),
  /** Sends Teams answered, the first included. */
  attempts: z.number().int(),
  lastOutcome: z.enum(['no-conversation', 'gone', 'failed']),
  /** Why the last send failed, in words. */
  why: z.string(),
  /** The sweep retries a failed send from then on. */
  notBefore: z.string(),
});
type KeptCard = z.infer<typeof keptCardSchema>;

const entrySchema = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  /** The conversation reference was forgotten (403/404): the next turn stores it again, whatever this process remembers. */
  refForgotten: z.boolean(),
  lease: z.object({ holder: z.string(), until: z.string() }).nullable(),
  cards: z.array(keptCardSchema),
});
type Entry = z.infer<typeof entrySchema>;

interface Who { id: string; name: string; aadObjectId: string }

const NEVER_DELIVERED = 'was never delivered';

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Mon 23 Nov 2026 at 10:00" (London time). */
function whenText(iso: string): string {
  const at = new Date(iso);
  return `${formatDate(londonDateOf(at))} at ${timeFormat.format(at)}`;
}

/** Why a send did not deliver, in words for the person who acted and for the case's history (without the status). */
export function whyUndelivered(result: Undelivered): string {
  if (result.outcome === 'no-conversation') return 'they have not opened the complaints bot yet';
  const status = result.failure.status;
  if (status === 404) return 'the conversation no longer exists';
  if (status === 403) return 'Teams refused it: they may have blocked or removed the bot';
  if (status === 429) return 'Teams is limiting the bot\'s messages';
  if (status === undefined) return 'Teams could not be reached';
  if (status >= 500) return 'Teams did not accept it';
  return 'Teams refused it';
}

function whyWithStatus(result: Undelivered): string {
  const status = result.outcome === 'no-conversation' ? undefined : result.failure.status;
  return `${whyUndelivered(result)}${status ? ` (${status})` : ''}`;
}

/** What happens next to a kept card, after a send that ended like this. */
export function whatNext(result: Undelivered): string {
  if (result.outcome === 'no-conversation') return 'it will be sent when they first open the complaints bot';
  if (result.outcome === 'gone') return 'it will be sent again when they next open the complaints bot';
  return 'it will be tried again shortly, and when they next open the complaints bot';
}

export class KeptCards {
  private readonly limits: KeptCardLimits;
  private readonly instanceId: string;
  private calls = 0;
  /** When this instance last looked and found nothing kept for a person (peekOnTurn). */
  private readonly quietSince = new BoundedMap<string, number>(QUIET_MAX);

  constructor(private readonly deps: KeptCardsDeps) {
    this.limits = { ...KEPT_CARD_LIMITS, ...deps.limits };
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /**
   * Keeps a card Teams did not deliver to `person`, and notes it on the case. False when it
   * could not be kept (the store failed): the caller says so. Never throws.
   */
  async keep(person: DirectoryPerson, sent: { card: AdaptiveCardJson; summary: string }, record: CaseRecord, result: Undelivered): Promise<boolean> {
    const now = this.deps.ctx.now();
    this.quietSince.delete(person.aadObjectId);
    const item: KeptCard = {
      id: this.deps.ctx.newId(), caseId: record.id, reference: record.reference, version: record.version, eventCount: record.events.length,
      card: sent.card, summary: sent.summary, keptAt: now.toISOString(), attempts: result.outcome === 'no-conversation' ? 0 : 1,
      lastOutcome: result.outcome, why: whyWithStatus(result), notBefore: this.retryAt(now, 1, result).toISOString(),
    };
    let pushedOut: KeptCard[] = [];
    try {
      const written = await this.update(person.aadObjectId, (entry) => {
        const base = entry ?? emptyEntry(person);
        const cards = [...base.cards, item];
        pushedOut = cards.slice(0, Math.max(0, cards.length - this.limits.perPerson));
        return { ...base, person: { id: person.id, name: person.name }, cards: cards.slice(pushedOut.length) };
      });
      if (!written) return false;
    } catch (err) {
      this.deps.logger.warn({ err, reference: record.reference, recipient: person.id }, 'could not keep an undelivered card for a retry');
      return false;
    }
    this.deps.logger.info({ reference: record.reference, recipient: person.id, outcome: result.outcome }, 'card not delivered: kept for a retry');
    await this.note(item, person, 'could not be delivered in Teams', `${item.why}. It is kept, and ${whatNext(result)}.`);
    for (const old of pushedOut) {
      await this.note(old, person, NEVER_DELIVERED, `more than ${this.limits.perPerson} cards for them were waiting, and it was the oldest. It is no longer kept.`);
    }
    return true;
  }

  /** One point read: does this person have cards waiting, or a conversation reference to store again? */
  async peek(aadObjectId: string): Promise<{ waiting: number; refForgotten: boolean } | undefined> {
    const entry = await this.read(aadObjectId);
    return entry && (entry.entry.cards.length > 0 || entry.entry.refForgotten) ? { waiting: entry.entry.cards.length, refForgotten: entry.entry.refForgotten } : undefined;
  }

  /**
   * peek, as each of a person's turns asks it: an officer working through cards sends many turns
   * a minute, and each look is a store read. A look that found nothing is trusted for
   * `peekQuietMs` by this instance, unless this instance has since kept a card for the person or
   * marked their reference forgotten. A card another instance keeps in that window goes at the
   * person's first turn after it (a send Teams only failed is also retried by the sweep).
   */
  async peekOnTurn(aadObjectId: string): Promise<{ waiting: number; refForgotten: boolean } | undefined> {
    const now = this.deps.ctx.now().getTime();
    if (seenWithin(this.quietSince, aadObjectId, now, this.limits.peekQuietMs)) return undefined;
    const found = await this.peek(aadObjectId);
    if (found) this.quietSince.delete(aadObjectId);
    else this.quietSince.set(aadObjectId, now);
    return found;
  }

  /** Records that the person's conversation reference was forgotten, so that every instance stores it again on their next turn. */
  async markRefForgotten(person: Who): Promise<void> {
    this.quietSince.delete(person.aadObjectId);
    await this.update(person.aadObjectId, (entry) => (entry?.refForgotten ? null : { ...(entry ?? emptyEntry(person)), refForgotten: true }));
  }

  /**
   * Sends the person's kept cards that are due: all of them on a turn of theirs; on a
   * sweep, those whose last send only failed (not refused), once their wait is over. Cards
   * past their time are given up. Never throws for a send; store errors do.
   */
  async redeliver(aadObjectId: string, sender: TeamsSender, trigger: 'turn' | 'sweep', pace?: (aadObjectId: string) => Promise<void>): Promise<RedeliveryCounts> {
    const counts: RedeliveryCounts = { delivered: 0, failed: 0, givenUp: 0 };
    const now = this.deps.ctx.now();
    const nowIso = now.toISOString();
    const holder = `${this.instanceId}#${++this.calls}`;
    let due: KeptCard[] = [];
    const taken = await this.update(aadObjectId, (entry) => {
      due = [];
      if (!entry) return null;
      const restore = trigger === 'turn' && entry.refForgotten;
      if (entry.lease && entry.lease.until > nowIso) return restore ? { ...entry, refForgotten: false } : null;
      due = entry.cards.filter((c) => !this.expired(c, now) && (trigger === 'turn' || (c.lastOutcome === 'failed' && c.notBefore <= nowIso)));
      if (due.length === 0 && !entry.cards.some((c) => this.expired(c, now))) return restore ? { ...entry, refForgotten: false } : null;
      return { ...entry, refForgotten: restore ? false : entry.refForgotten, lease: { holder, until: new Date(now.getTime() + this.limits.leaseMs).toISOString() } };
    });
    if (taken?.lease?.holder !== holder) return counts;

    const person: DirectoryPerson = { id: taken.person.id, name: taken.person.name, email: '', aadObjectId, roles: [], estates: [], managerId: null };
    const results = new Map<string, TeamsSendResult | 'case-gone'>();
    try {
      for (const item of due) {
        const record = await this.deps.cases.getCase(item.caseId);
        if (!record) { results.set(item.id, 'case-gone'); continue; }
        const { card, text } = this.asNow(item, record);
        await pace?.(aadObjectId);
        const result = await sender.sendCard(person, card as AdaptiveCardJson, item.summary, text)
          .catch((err: unknown): TeamsSendResult => ({ outcome: 'failed', failure: sendFailureOf(err, this.deps.ctx.now()), cause: err }));
        results.set(item.id, result);
        if (result.outcome === 'sent') this.deps.logger.info({ reference: item.reference, recipient: person.id, trigger }, 'kept card delivered');
        // Nobody to send the rest to until they talk to the bot again.
        if (result.outcome === 'gone' || result.outcome === 'no-conversation') break;
      }
    } finally {
      await this.settle(aadObjectId, holder, results, now, counts, person);
    }
    return counts;
  }

  /** The sweep: every person in `people` with kept cards due for a retry. */
  async sweep(people: readonly DirectoryPerson[], sender: TeamsSender, pace?: (aadObjectId: string) => Promise<void>, signal?: AbortSignal): Promise<RedeliveryCounts> {
    const total: RedeliveryCounts = { delivered: 0, failed: 0, givenUp: 0 };
    for (const p of people) {
      if (signal?.aborted) break;
      if (!p.aadObjectId || !(await this.peek(p.aadObjectId))?.waiting) continue;
      try {
        const counts = await this.redeliver(p.aadObjectId, sender, 'sweep', pace);
        total.delivered += counts.delivered;
        total.failed += counts.failed;
        total.givenUp += counts.givenUp;
      } catch (err) {
        if (signal?.aborted) break;
        this.deps.logger.warn({ err, recipient: p.id }, 'could not retry the kept cards of a person');
      }
    }
    return total;
  }

  private async settle(aadObjectId: string, holder: string, results: Map<string, TeamsSendResult | 'case-gone'>, now: Date, counts: RedeliveryCounts, person: Who): Promise<void> {
    let givenUp: Array<{ card: KeptCard; why: string }> = [];
    let delivered = 0;
    let failed = 0;
    await this.update(aadObjectId, (entry) => {
      givenUp = [];
      delivered = 0;
      failed = 0;
      if (!entry) return null;
      const cards: KeptCard[] = [];
      for (const c of entry.cards) {
        const r = results.get(c.id);
        if (r === 'case-gone') continue;
        if (r?.outcome === 'sent') { delivered++; continue; }
        if (r && r.outcome !== 'no-conversation') {
          failed++;
          const attempts = c.attempts + 1;
          if (attempts >= this.limits.maxAttempts) {
            givenUp.push({ card: c, why: `${attempts} sends failed (the last: ${whyWithStatus(r)}). It is no longer kept.` });
            continue;
          }
          cards.push({ ...c, attempts, lastOutcome: r.outcome, why: whyWithStatus(r), notBefore: this.retryAt(now, attempts, r).toISOString() });
          continue;
        }
        if (this.expired(c, now)) {
          givenUp.push({ card: c, why: `${c.why}, and it was kept for ${this.limits.keepDays} days. It is no longer kept.` });
          continue;
        }
        cards.push(c);
      }
      return { ...entry, cards, lease: entry.lease?.holder === holder ? null : entry.lease };
    });
    counts.delivered += delivered;
    counts.failed += failed;
    counts.givenUp += givenUp.length;
    for (const g of givenUp) {
      this.deps.logger.warn({ reference: g.card.reference, recipient: person.id }, 'gave up a kept card');
      await this.note(g.card, person, NEVER_DELIVERED, g.why);
    }
  }

  /** The card as of the case now: its version brought up to date when only the bot's own notes came since. */
  private asNow(item: KeptCard, record: CaseRecord): { card: Record<string, unknown>; text: string } {
    const lead = `Sent again: this could not be delivered to you on ${whenText(item.keptAt)}.`;
    if (record.version === item.version) return { card: item.card, text: lead };
    const since = record.events.slice(item.eventCount);
    if (record.events.length >= item.eventCount && since.every((e) => e.type === 'note' && e.by === SYSTEM_ACTOR.id)) {
      return { card: withVersion(item.card, item.caseId, item.version, record.version) as Record<string, unknown>, text: lead };
    }
    return { card: item.card, text: `${lead} ${record.reference} has changed since, so it may be out of date: type "case ${record.reference}" to see it as it is now.` };
  }

  /** When the sweep may retry after `attempts` failed sends: 5, 20, 80 minutes, or what Retry-After asked if longer. */
  private retryAt(now: Date, attempts: number, result: Undelivered): Date {
    const backoff = this.limits.retryAfterMs * 4 ** Math.max(0, attempts - 1);
    const asked = result.outcome === 'failed' ? result.failure.retryAfterMs ?? 0 : 0;
    return new Date(now.getTime() + Math.max(backoff, asked));
  }

  private expired(card: KeptCard, now: Date): boolean {
    return now.getTime() - Date.parse(card.keptAt) >= this.limits.keepDays * 86_400_000;
  }

  /** Notes "<the card> <what>: <why>" on the card's case, once per card and `what`. Best effort. */
  private async note(card: KeptCard, person: Who, what: string, why: string): Promise<void> {
    const once = `The card "${card.summary}" for ${person.name} (${whenText(card.keptAt)}) ${what}`;
    const result = await noteOnce(this.deps.cases, this.deps.ctx, card.caseId, once, `${once}: ${why}`).catch(() => 'failed' as const);
    if (result === 'failed') this.deps.logger.warn({ reference: card.reference, recipient: person.id }, 'could not note the undelivered card on the case');
  }

  private async read(aadObjectId: string): Promise<{ entry: Entry; etag: string } | undefined> {
    const found = await this.deps.kv.get(keyOf(aadObjectId));
    if (!found) return undefined;
    const parsed = entrySchema.safeParse(found.value);
    if (!parsed.success) {
      this.deps.logger.warn({ key: keyOf(aadObjectId) }, 'a kept-cards entry is not in the expected shape: it is replaced');
      return { entry: { person: { id: '', name: '' }, refForgotten: false, lease: null, cards: [] }, etag: found.etag };
    }
    return { entry: parsed.data, etag: found.etag };
  }

  /**
   * Read, change, write on the ETag; again on a conflict. `change` returns null to write
   * nothing. Returns what was written (undefined when nothing was), or throws when the
   * entry kept changing under it.
   */
  private async update(aadObjectId: string, change: (entry: Entry | undefined) => Entry | null): Promise<Entry | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const current = await this.read(aadObjectId);
      const next = change(current?.entry);
      if (!next) return undefined;
      const put = await this.deps.kv.put(keyOf(aadObjectId), next, current ? { ifMatch: current.etag } : { ifAbsent: true });
      if (put.ok) return next;
    }
    throw new Error('the kept-cards entry kept changing: gave up updating it');
  }
}

function keyOf(aadObjectId: string): string {
  return `kept-cards/${aadObjectId}`;
}

function emptyEntry(person: Who): Entry {
  return { person: { id: person.id, name: person.name }, refForgotten: false, lease: null, cards: [] };
}

/** A copy of the card whose actions on this case and version name `to` instead. */
function withVersion(node: unknown, caseId: string, from: string, to: string): unknown {
  if (Array.isArray(node)) return node.map((n) => withVersion(n, caseId, from, to));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withVersion(v, caseId, from, to);
  if (out.caseId === caseId && out.version === from) out.version = to;
  return out;
}
