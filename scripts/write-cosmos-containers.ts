/**
 * Writes infra/cosmos-containers.json from src/store/cosmos-containers.ts, the source of truth
 * for the Cosmos DB containers: infra/azure.bicep loads the JSON (loadJsonContent) to create the
 * same containers, partition keys and indexing policies. test/ship fails when they drift:
 *
 *   npx tsx scripts/write-cosmos-containers.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CONTAINERS } from '../src/store/cosmos-containers';

export const COSMOS_CONTAINERS_JSON = path.resolve(__dirname, '../infra/cosmos-containers.json');

export function cosmosContainersJson(): string {
  return `${JSON.stringify(ALL_CONTAINERS, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(COSMOS_CONTAINERS_JSON, cosmosContainersJson());
  process.stdout.write(`wrote ${path.relative(process.cwd(), COSMOS_CONTAINERS_JSON)}\n`);
}
