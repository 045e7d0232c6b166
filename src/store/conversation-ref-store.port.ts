/**
 * Conversation references for proactive messages (reminders sent outside a turn). The
 * store keeps the Bot Framework's ConversationReference as opaque JSON: it never looks
 * inside, so a new field added by the SDK round-trips untouched.
 */
export type ConversationRef = Record<string, unknown>;

export interface ConversationRefStore {
  /** Stores (or replaces) the reference for a user; the last write wins. */
  putConversationRef(userId: string, ref: ConversationRef): Promise<void>;
  getConversationRef(userId: string): Promise<ConversationRef | undefined>;
  /** Forgets a user's reference (e.g. the app was uninstalled); no error when absent. */
  deleteConversationRef(userId: string): Promise<void>;
}
