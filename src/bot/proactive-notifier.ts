import { CardFactory, TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { DirectoryPerson } from '../domain/directory';
import type { AdaptiveCardJson } from '../cards/card-template';
import type { ConversationRefStore } from '../store/conversation-ref-store.port';

export type NotifyResult = 'sent' | 'no-conversation';

/**
 * Sends a card to a person outside the current turn, through the conversation reference
 * stored when they last talked to the bot (or installed it). People who never did cannot be
 * messaged until the app is installed for them (through Graph, in the reminders work).
 */
export class ProactiveNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly refs: ConversationRefStore,
    private readonly logger: Logger,
  ) {}

  /** What this process last read or wrote per person, so an unchanged reference costs no store read each turn. */
  private readonly known = new Map<string, string>();

  /** Keeps the person's latest conversation reference; writes only when it changed. */
  async remember(context: TurnContext): Promise<void> {
    const aadObjectId = context.activity.from?.aadObjectId;
    if (!aadObjectId) return;
    // activityId is per message; keeping it would make every turn look like a change.
    const { activityId: _perMessage, ...reference } = TurnContext.getConversationReference(context.activity);
    const ref: Record<string, unknown> = { ...reference };
    const text = JSON.stringify(ref);
    if (this.known.get(aadObjectId) === text) return;
    const stored = await this.refs.getConversationRef(aadObjectId);
    if (JSON.stringify(stored) !== text) await this.refs.putConversationRef(aadObjectId, ref);
    this.known.set(aadObjectId, text);
  }

  async sendCard(person: DirectoryPerson, card: AdaptiveCardJson, summary: string): Promise<NotifyResult> {
    const ref = await this.refs.getConversationRef(person.aadObjectId);
    if (!ref) {
      this.logger.warn({ person: person.id }, 'no conversation reference: the person has not opened the bot yet');
      return 'no-conversation';
    }
    await this.adapter.continueConversationAsync(this.appId, ref as Partial<ConversationReference>, async (turn) => {
      await turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)], summary });
    });
    return 'sent';
  }
}
