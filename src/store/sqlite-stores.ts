import { SqliteCaseStore } from './sqlite-case-store';
import { SqliteConnection, type SqliteOptions } from './sqlite-connection';
import { SqliteConversationRefStore } from './sqlite-conversation-ref-store';
import { SqliteKeyValueStore } from './sqlite-key-value-store';
import { SqliteCaseAccessLog } from './sqlite-case-access-log';
import { SqliteReminderClaimStore } from './sqlite-reminder-claim-store';
import { SqliteDissatisfactionLog } from './sqlite-dissatisfaction-log';
import { timedProbe } from './store-health';
import type { Stores } from './stores';

/** Every store over one SQLite file (create-stores.ts loads this module only when SQLite is chosen). */
export function createSqliteStores(options: SqliteOptions & { referencePrefix?: string }): Stores {
  const connection = SqliteConnection.open(options);
  const cases = new SqliteCaseStore(connection, options);
  const conversationRefs = new SqliteConversationRefStore(connection);
  const reminderClaims = new SqliteReminderClaimStore(connection);
  const keyValue = new SqliteKeyValueStore(connection);
  return {
    cases, conversationRefs, reminderClaims, keyValue, accessLog: new SqliteCaseAccessLog(connection), dissatisfaction: new SqliteDissatisfactionLog(connection),
    ping: () => timedProbe('sqlite', () => {
      if (!connection.isOpen) throw new Error(`The case database at ${connection.path} is closed`);
      connection.db.prepare('SELECT 1').get();
    }),
    close: () => connection.close(),
  };
}
