import type { CaseAccessLog } from './case-access-log.port';
import type { CaseStore } from './case-store.port';
import type { ConversationRefStore } from './conversation-ref-store.port';
import type { DissatisfactionLog } from './dissatisfaction-log.port';
import type { KeyValueStore } from './key-value-store.port';
import type { ReminderClaimStore } from './reminder-claim-store.port';

/** What a health check reports; `ping()` never throws, so a probe can always answer. */
export type StoreHealth =
  | { ok: true; kind: 'sqlite' | 'cosmos'; latencyMs: number }
  | { ok: false; kind: 'sqlite' | 'cosmos'; latencyMs: number; message: string };

/** Everything the app keeps, over one connection (one SQLite file or one Cosmos account). */
export interface Stores {
  cases: CaseStore;
  conversationRefs: ConversationRefStore;
  reminderClaims: ReminderClaimStore;
  /** Who has seen each case's personal data. */
  accessLog: CaseAccessLog;
  keyValue: KeyValueStore;
  /** Dissatisfaction not taken as a complaint, for the reports. */
  dissatisfaction: DissatisfactionLog;
  ping(): Promise<StoreHealth>;
  /** Closes the shared connection; the stores cannot be used afterwards. Idempotent. */
  close(): Promise<void>;
}
