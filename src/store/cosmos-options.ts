import type { TokenCredential } from '@azure/identity';
import type { Agent } from 'node:http';

/** Everything the Cosmos DB stores need, passed in explicitly (config lives in src/config.ts). */
export interface CosmosStoreOptions {
  /** Account endpoint, e.g. https://my-account.documents.azure.com:443/ */
  endpoint: string;
  /** Account key. Without one, the stores authenticate with Microsoft Entra ID. */
  key?: string;
  /** Token credential to use when there is no key. Default: managed identity (see below). */
  credential?: TokenCredential;
  /**
   * Client id of a user-assigned managed identity. With it and no key or credential, a
   * ManagedIdentityCredential is used; without it, DefaultAzureCredential.
   */
  managedIdentityClientId?: string;
  /** Default 'housing-complaints'. */
  databaseName?: string;
  /**
   * Create the database and containers when missing. Default: true with a key, false with
   * Entra ID, because data-plane roles cannot create databases or containers (provision
   * those with infrastructure code; the app then only checks that they exist).
   */
  createIfMissing?: boolean;
  retry?: CosmosRetryOptions;
  /** Per-request timeout. Default 10 000 ms (the SDK's own default is a minute). */
  requestTimeoutMs?: number;
  /** Bound on connecting and checking the containers at start-up. Default 30 000 ms. */
  connectTimeoutMs?: number;
  /**
   * Bound on any one store operation, retries included. The SDK retries a read that times
   * out up to 120 times, so without this a silent endpoint could hold a caller for many
   * minutes. Default 30 000 ms.
   */
  operationTimeoutMs?: number;
  /** HTTP(S) agent, e.g. for a corporate proxy, or a test server's self-signed certificate. */
  agent?: Agent;
  /** Reference prefix, HC in HC-2026-00042. */
  referencePrefix?: string;
}

export interface CosmosRetryOptions {
  /** 429 throttling: retries the SDK makes, honouring x-ms-retry-after-ms. Default 9. */
  maxRetryAttemptCount?: number;
  /** 429 throttling: cap on the total time waited per request. Default 30 s. */
  maxWaitTimeInSeconds?: number;
  /** 503s, timeouts and dropped connections: extra attempts per operation. Default 3. */
  transientRetryCount?: number;
  /** First delay between those attempts, doubled each time (with jitter). Default 200 ms. */
  transientRetryDelayMs?: number;
}

export const DEFAULT_DATABASE_NAME = 'housing-complaints';
