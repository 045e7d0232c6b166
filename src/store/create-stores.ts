import type { CosmosStoreOptions } from './cosmos-options';
import type { SqliteOptions } from './sqlite-connection';
import type { Stores } from './stores';

export type StoreOptions =
  | ({ kind: 'sqlite'; referencePrefix?: string } & SqliteOptions)
  | ({ kind: 'cosmos' } & CosmosStoreOptions);

/**
 * Opens every store over one connection. Options are passed in; nothing here reads the
 * environment (src/config.ts does that). For Cosmos DB this connects and creates or
 * checks the containers, and fails with a clear error within `connectTimeoutMs`.
 *
 * Only the chosen backend's modules are loaded: the Cosmos DB SDK (with the Key Vault and
 * Azure Core packages it pulls in) costs ~24 MB and better-sqlite3 a few; a process never
 * needs both (docs/performance.md, "Loading only what is used").
 */
export async function createStores(options: StoreOptions): Promise<Stores> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded when chosen, see above */
  if (options.kind === 'sqlite') return (require('./sqlite-stores') as typeof import('./sqlite-stores')).createSqliteStores(options);
  return (require('./cosmos-stores') as typeof import('./cosmos-stores')).createCosmosStores(options);
  /* eslint-enable @typescript-eslint/no-require-imports */
}
