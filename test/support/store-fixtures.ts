import { createStores } from '../../src/store/create-stores';
import type { CosmosStoreOptions } from '../../src/store/cosmos-options';
import type { Stores } from '../../src/store/stores';
import { freshDatabaseName, type LocalCosmos } from './cosmos-server';
import { makeTempDir, removeTempDir } from './temp-dir';

/** A fresh, empty set of stores for one test, and how to throw it away. */
export interface StoreFixture {
  stores: Stores;
  cleanup(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreFixture>;

export const sqliteFactory: StoreFactory = async () => {
  const dataDir = makeTempDir('sqlite');
  const stores = await createStores({ kind: 'sqlite', dataDir });
  return {
    stores,
    cleanup: async () => {
      await stores.close();
      removeTempDir(dataDir);
    },
  };
};

/** Options for the local server; each call names a database no other test uses. */
export function localCosmosOptions(server: LocalCosmos, extra: Partial<CosmosStoreOptions> = {}): CosmosStoreOptions {
  return {
    endpoint: server.endpoint,
    key: 'local-test-key-not-checked',
    agent: server.agent,
    databaseName: freshDatabaseName('contract'),
    connectTimeoutMs: 10_000,
    requestTimeoutMs: 5_000,
    ...extra,
  };
}

/** `server` is read when a test starts, after the suite's before() hook has started it. */
export function cosmosFactory(server: () => LocalCosmos): StoreFactory {
  return async () => {
    const stores = await createStores({ kind: 'cosmos', ...localCosmosOptions(server()) });
    return { stores, cleanup: () => stores.close() };
  };
}
