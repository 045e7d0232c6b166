import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { freshDatabaseName, type LocalCosmos } from '../../test/support/cosmos-server';

/** Where a soak bot keeps its cases: a fresh SQLite folder, or a fresh database on the local Cosmos DB server. */
export interface Backend {
  name: 'sqlite' | 'cosmos';
  /** The bot's settings for it. */
  env: Record<string, string>;
  /** The same store, opened by the soak to count what was kept. */
  open(): Promise<Stores>;
}

const folders: string[] = [];

/** A fresh folder under the system's temporary folder, removed by removeSoakFolders. */
export function soakFolder(label: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `soak-${label}-`));
  folders.push(folder);
  return folder;
}

/** Removes every folder soakFolder made (the soak's stores hold only invented complaints, but they are large). */
export function removeSoakFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export function sqliteBackend(label: string): Backend {
  const dataDir = soakFolder(label);
  return { name: 'sqlite', env: { DATA_DIR: dataDir }, open: () => createStores({ kind: 'sqlite', dataDir }) };
}

/**
 * A fresh database on the local Cosmos DB server, reached by the bot at `endpoint` (the server
 * itself, or the fault proxy in front of it); its files still go in a folder of their own.
 */
export function cosmosBackend(label: string, cosmos: LocalCosmos, endpoint = cosmos.endpoint): Backend {
  const databaseName = freshDatabaseName(`soak-${label}`);
  const dataDir = soakFolder(label);
  return {
    name: 'cosmos',
    // The local server's certificate is self-signed.
    env: { DATA_DIR: dataDir, COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'soak', COSMOS_DATABASE: databaseName, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    open: () => createStores({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'soak', databaseName, agent: cosmos.agent }),
  };
}
