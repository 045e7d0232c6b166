import { CardFactory, TurnContext, type CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { CaseRecord } from '../domain/case-record';
import type { DirectoryPerson } from '../domain/directory';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { KeptCards } from '../reminders/kept-cards';
import type { TeamsSender } from '../reminders/reminder-delivery';
import { isUnreachable, sendFailureOf, type TeamsSendResult } from '../reminders/send-retry';
import type { ConversationRef, ConversationRefStore } from '../store/conversation-ref-store.port';

/**
 * How a send ended: sent; no conversation reference (they never opened the bot); `gone`
 * (Teams answered 403/404: blocked, removed, left, or the conversation no longer exists; the
 * reference is forgotten); `failed` (throttled, 5xx, no answer). Never thrown.
 */
export type NotifyResult = TeamsSendResult;

/** How a card to one person went, and whether it was kept for a retry (src/reminders/kept-cards.ts). */
export interface Delivery { person: DirectoryPerson; result: NotifyResult; kept: boolean }

/**
 * Sends a card to a person outside the current turn, through the conversation reference
 * stored when they last talked to the bot (or installed it). People who never did cannot be
 * messaged until the app is installed for them (through Graph, in the reminders work). A card
 * that does not arrive is kept (with `kept`) and sent when the person next talks to the bot.
 */
export class ProactiveNotifier implements TeamsSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly refs: ConversationRefStore,
    private readonly logger: Logger,
    private readonly kept?: KeptCards,
  ) {}

  /** What this process last read or wrote per person, so an unchanged reference costs no store read each turn. */
  private readonly known = new Map<string, string>();

  /**
   * Keeps the person's latest conversation reference; writes only when it changed (or when
   * it was forgotten, by any instance). Then sends them the cards kept for them, before the
   * turn's own reply. A point read of their kept cards, at most every 30 s per person (peekOnTurn); a
   * failure there is logged, never the turn's.
   */
  async remember(context: TurnContext): Promise<void> {
    const aadObjectId = context.activity.from.aadObjectId;
    if (!aadObjectId) return;
    const ref: Record<string, unknown> = { ...TurnContext.getConversationReference(context.activity) };
    // activityId is per message; keeping it would make every turn look like a change.
    delete ref.activityId;
    const text = JSON.stringify(ref);
    const waiting = await this.kept?.peekOnTurn(aadObjectId).catch((err: unknown) => {
      this.logger.warn({ err }, 'could not read the cards kept for this person');
      return undefined;
    });
    if (waiting?.refForgotten || this.known.get(aadObjectId) !== text) {
      const stored = await this.refs.getConversationRef(aadObjectId);
      if (JSON.stringify(stored) !== text) await this.refs.putConversationRef(aadObjectId, ref);
      this.known.set(aadObjectId, text);
    }
    if (waiting && this.kept) {
      await this.kept.redeliver(aadObjectId, this, 'turn').catch((err: unknown) => {
        this.logger.warn({ err }, 'could not send the cards kept for this person');
      });
    }
  }

  /** Sends a card; says how it went, never throwing for a send Teams did not take (see NotifyResult). */
  async sendCard(person: DirectoryPerson, card: AdaptiveCardJson, summary: string, text?: string): Promise<NotifyResult> {
    const ref = await this.refs.getConversationRef(person.aadObjectId);
    if (!ref) {
      this.logger.warn({ recipient: person.id }, 'no conversation reference: the person has not opened the bot yet');
      return { outcome: 'no-conversation' };
    }
    // The adapter hands an error thrown inside the send to onTurnError and returns normally, so
    // the send's own failure is caught in there, to be told apart and reported, not logged as a fault.
    const attempt: { delivered: boolean; error: unknown } = { delivered: false, error: undefined };
    try {
      await this.adapter.continueConversationAsync(this.appId, ref, async (turn) => {
        try {
          await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], summary, ...(text ? { text } : {}) });
          attempt.delivered = true;
        } catch (err) {
          attempt.error = err;
        }
      });
    } catch (err) {
      attempt.error = err;
    }
    if (attempt.delivered) return { outcome: 'sent' };
    const err = attempt.error ?? new Error('the card was not sent (the adapter did not run the send)');
    // Only ids and the status are logged: the error holds the request, and the card in it the resident's details.
    const failure = sendFailureOf(err);
    const where = { recipient: person.id, conversation: conversationIdOf(ref), status: failure.status };
    if (isUnreachable(failure.status)) {
      await this.forget(person, ref);
      this.logger.warn(where, 'Teams says the conversation is gone or refused (blocked, removed, left): its reference is forgotten');
      return { outcome: 'gone', failure, cause: err };
    }
    this.logger.warn(where, 'Teams did not take a card');
    return { outcome: 'failed', failure, cause: err };
  }

  /**
   * Sends each person their card; a card that did not arrive is kept for a retry and noted on
   * the case (src/reminders/kept-cards.ts). Every card is sent before anything is kept, so
   * that the notes come after the sends. Never throws for a send.
   */
  async sendOrKeep(sends: ReadonlyArray<{ person: DirectoryPerson; card: AdaptiveCardJson; summary: string }>, record: CaseRecord): Promise<Delivery[]> {
    const tried: Array<{ person: DirectoryPerson; card: AdaptiveCardJson; summary: string; result: NotifyResult }> = [];
    for (const s of sends) {
      const result = await this.sendCard(s.person, s.card, s.summary).catch((err: unknown): NotifyResult => {
        this.logger.warn({ err, recipient: s.person.id, reference: record.reference }, 'could not send a card');
        return { outcome: 'failed', failure: sendFailureOf(err), cause: err };
      });
      tried.push({ ...s, result });
    }
    const deliveries: Delivery[] = [];
    for (const { person, card, summary, result } of tried) {
      const kept = result.outcome !== 'sent' && this.kept ? await this.kept.keep(person, { card, summary }, record, result) : false;
      deliveries.push({ person, result, kept });
    }
    return deliveries;
  }

  /** Forgets a reference Teams refused, unless a turn has stored a newer one meanwhile. */
  private async forget(person: DirectoryPerson, used: ConversationRef): Promise<void> {
    this.known.delete(person.aadObjectId);
    try {
      const current = await this.refs.getConversationRef(person.aadObjectId);
      if (current && JSON.stringify(current) === JSON.stringify(used)) await this.refs.deleteConversationRef(person.aadObjectId);
      await this.kept?.markRefForgotten(person);
    } catch (err) {
      this.logger.warn({ err, recipient: person.id }, 'could not forget a refused conversation reference');
    }
  }
}

function conversationIdOf(ref: ConversationRef): string | undefined {
  const conversation = ref.conversation as { id?: unknown } | undefined;
  return typeof conversation?.id === 'string' ? conversation.id : undefined;
}
