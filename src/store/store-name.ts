import type { AppConfig } from '../config';

/**
 * The store the settings select, in words for a message or the log: the data folder, or the
 * Cosmos DB account and database. The endpoint is given without any user, key or query it
 * may carry.
 */
export function storeName(store: AppConfig['store']): string {
  if (store.kind === 'sqlite') return `the embedded database in ${store.dataDir}`;
  return `the Cosmos DB account ${endpointWithoutSecrets(store.endpoint)} (database ${store.databaseName})`;
}

/** The endpoint's scheme, host, port and path: any user, password, query or fragment left out. */
function endpointWithoutSecrets(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(an endpoint that is not a URL)';
  }
}
