import { CosmosCaseStore } from './cosmos-case-store';
import { CosmosConnection } from './cosmos-connection';
import { CosmosConversationRefStore } from './cosmos-conversation-ref-store';
import { CosmosKeyValueStore } from './cosmos-key-value-store';
import type { CosmosStoreOptions } from './cosmos-options';
import { CosmosCaseAccessLog } from './cosmos-case-access-log';
import { CosmosReminderClaimStore } from './cosmos-reminder-claim-store';
import { CosmosDissatisfactionLog } from './cosmos-dissatisfaction-log';
import { SqliteCaseStore } from './sqlite-case-store';
import { SqliteConnection, type SqliteOptions } from './sqlite-connection';
import { SqliteConversationRefStore } from './sqlite-conversation-ref-store';
import { SqliteKeyValueStore } from './sqlite-key-value-store';
import { SqliteCaseAccessLog } from './sqlite-case-access-log';
import { SqliteReminderClaimStore } from './sqlite-reminder-claim-store';
import { SqliteDissatisfactionLog } from './sqlite-dissatisfaction-log';
import type { StoreHealth, Stores } from './stores';

export type StoreOptions =
  | ({ kind: 'sqlite'; referencePrefix?: string } & SqliteOptions)
  | ({ kind: 'cosmos' } & CosmosStoreOptions);

/**
 * Opens every store over one connection. Options are passed in; nothing here reads the
 * environment (src/config.ts does that). For Cosmos DB this connects and creates or
 * checks the containers, and fails with a clear error within `connectTimeoutMs`.
 */
export async function createStores(options: StoreOptions): Promise<Stores> {
  return options.kind === 'sqlite' ? createSqliteStores(options) : createCosmosStores(options);
}

async function timed(kind: 'sqlite' | 'cosmos', probe: () => Promise<void> | void): Promise<StoreHealth> {
  const started = Date.now();
  try {
    await probe();
    return { ok: true, kind, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, kind, latencyMs: Date.now() - started, message: err instanceof Error ? err.message : String(err) };
  }
}

function createSqliteStores(options: SqliteOptions & { referencePrefix?: string }): Stores {
  const connection = SqliteConnection.open(options);
  const cases = new SqliteCaseStore(connection, options);
  const conversationRefs = new SqliteConversationRefStore(connection);
  const reminderClaims = new SqliteReminderClaimStore(connection);
  const keyValue = new SqliteKeyValueStore(connection);
  return {
    cases, conversationRefs, reminderClaims, keyValue, accessLog: new SqliteCaseAccessLog(connection), dissatisfaction: new SqliteDissatisfactionLog(connection),
    ping: () => timed('sqlite', () => {
      if (!connection.isOpen) throw new Error(`The case database at ${connection.path} is closed`);
      connection.db.prepare('SELECT 1').get();
    }),
    close: () => connection.close(),
  };
}

async function createCosmosStores(options: CosmosStoreOptions): Promise<Stores> {
  const connection = await CosmosConnection.connect(options);
  return {
    cases: new CosmosCaseStore(connection, options),
    conversationRefs: new CosmosConversationRefStore(connection),
    reminderClaims: new CosmosReminderClaimStore(connection),
    accessLog: new CosmosCaseAccessLog(connection),
    keyValue: new CosmosKeyValueStore(connection),
    dissatisfaction: new CosmosDissatisfactionLog(connection),
    ping: () => timed('cosmos', () => connection.ping()),
    close: async () => { connection.close(); },
  };
}
