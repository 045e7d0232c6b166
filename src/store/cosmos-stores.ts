import { CosmosCaseStore } from './cosmos-case-store';
import { CosmosConnection } from './cosmos-connection';
import { CosmosConversationRefStore } from './cosmos-conversation-ref-store';
import { CosmosKeyValueStore } from './cosmos-key-value-store';
import type { CosmosStoreOptions } from './cosmos-options';
import { CosmosCaseAccessLog } from './cosmos-case-access-log';
import { CosmosReminderClaimStore } from './cosmos-reminder-claim-store';
import { CosmosDissatisfactionLog } from './cosmos-dissatisfaction-log';
import { timedProbe } from './store-health';
import type { Stores } from './stores';

/** Every store over one Cosmos DB account (create-stores.ts loads this module only when Cosmos DB is chosen). */
export async function createCosmosStores(options: CosmosStoreOptions): Promise<Stores> {
  const connection = await CosmosConnection.connect(options);
  return {
    cases: new CosmosCaseStore(connection, options),
    conversationRefs: new CosmosConversationRefStore(connection),
    reminderClaims: new CosmosReminderClaimStore(connection),
    accessLog: new CosmosCaseAccessLog(connection),
    keyValue: new CosmosKeyValueStore(connection),
    dissatisfaction: new CosmosDissatisfactionLog(connection),
    ping: () => timedProbe('cosmos', () => connection.ping()),
    close: async () => { connection.close(); },
  };
}
