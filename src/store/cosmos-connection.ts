import { CosmosClient, type Container, type ContainerDefinition, type Database } from '@azure/cosmos';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { ALL_CONTAINERS } from './cosmos-containers';
import { describeCosmosError, statusOf } from './cosmos-errors';
import { DEFAULT_DATABASE_NAME, type CosmosStoreOptions } from './cosmos-options';
import { withTransientRetry, type TransientRetryPolicy } from './cosmos-retry';
import { StoreError } from './store-errors';

function credentialFor(options: CosmosStoreOptions): { key: string } | { aadCredentials: TokenCredential } {
  if (options.key) return { key: options.key };
  if (options.credential) return { aadCredentials: options.credential };
  if (options.managedIdentityClientId) return { aadCredentials: new ManagedIdentityCredential({ clientId: options.managedIdentityClientId }) };
  return { aadCredentials: new DefaultAzureCredential() };
}

/** Runs `work` with an AbortSignal, failing with a clear error once `ms` have passed. */
async function withDeadline<T>(ms: number, endpoint: string, action: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StoreError('STORE.UNAVAILABLE', `Cosmos DB at ${endpoint} did not answer within ${ms} ms while ${action}. Check the endpoint URL, network access (firewall, private endpoint, proxy) and the account's status.`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One CosmosClient shared by the Cosmos stores of a process (the client pools connections
 * and caches routing, so there should be one per account), disposed when the last store
 * using it is closed.
 */
export class CosmosConnection {
  private users = 0;
  private closed = false;

  private constructor(
    readonly client: CosmosClient,
    readonly database: Database,
    readonly endpoint: string,
    readonly retry: TransientRetryPolicy,
    readonly requestTimeoutMs: number,
    readonly operationTimeoutMs: number,
  ) {}

  /** Connects, and creates or checks the database and containers, within a bounded time. */
  static async connect(options: CosmosStoreOptions): Promise<CosmosConnection> {
    const endpoint = options.endpoint;
    try {
      new URL(endpoint);
    } catch {
      throw new StoreError('STORE.INVALID_INPUT', `The Cosmos DB endpoint is not a URL: "${endpoint}". It looks like https://<account>.documents.azure.com:443/`);
    }
    const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    const client = new CosmosClient({
      endpoint,
      ...credentialFor(options),
      ...(options.agent ? { agent: options.agent } : {}),
      userAgentSuffix: 'housing-complaints-bot',
      connectionPolicy: {
        requestTimeout: requestTimeoutMs,
        retryOptions: {
          maxRetryAttemptCount: options.retry?.maxRetryAttemptCount ?? 9,
          maxWaitTimeInSeconds: options.retry?.maxWaitTimeInSeconds ?? 30,
          fixedRetryIntervalInMilliseconds: 0,
        },
      },
    });
    const retry: TransientRetryPolicy = {
      retries: options.retry?.transientRetryCount ?? 3,
      baseDelayMs: options.retry?.transientRetryDelayMs ?? 200,
    };
    const databaseName = options.databaseName ?? DEFAULT_DATABASE_NAME;
    const createIfMissing = options.createIfMissing ?? Boolean(options.key);
    try {
      await withDeadline(options.connectTimeoutMs ?? 30_000, endpoint, `opening database "${databaseName}"`, (abortSignal) =>
        withTransientRetry(retry, 'write', () => ensure(client, databaseName, createIfMissing, abortSignal), abortSignal));
    } catch (err) {
      client.dispose();
      throw describeCosmosError(err, endpoint, `opening database "${databaseName}"`);
    }
    return new CosmosConnection(client, client.database(databaseName), endpoint, retry, requestTimeoutMs, options.operationTimeoutMs ?? 30_000);
  }

  container(definition: ContainerDefinition): Container {
    if (!definition.id) throw new Error('container definition without id');
    return this.database.container(definition.id);
  }

  /** Registers a store as a user of the client; pair with release(). */
  acquire(): this {
    if (this.closed) throw new StoreError('STORE.UNAVAILABLE', `The Cosmos DB connection to ${this.endpoint} has been closed`);
    this.users += 1;
    return this;
  }

  release(): void {
    if (this.closed) return;
    this.users -= 1;
    if (this.users <= 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.dispose();
  }

  /** A cheap metadata read (allowed to data-plane roles), bounded by the request timeout. */
  async ping(): Promise<void> {
    await withDeadline(this.requestTimeoutMs, this.endpoint, 'checking health', async (abortSignal) => {
      try {
        await this.database.read({ abortSignal });
      } catch (err) {
        throw describeCosmosError(err, this.endpoint, 'checking health');
      }
    });
  }

  /**
   * Runs one store operation within operationTimeoutMs, letting StoreErrors through and
   * turning SDK failures into clear ones. `work` passes the signal to every SDK call so
   * that a timed-out operation stops sending requests.
   */
  async guard<T>(action: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withDeadline(this.operationTimeoutMs, this.endpoint, action, work);
    } catch (err) {
      throw describeCosmosError(err, this.endpoint, action);
    }
  }
}

async function ensure(client: CosmosClient, databaseName: string, create: boolean, abortSignal: AbortSignal): Promise<void> {
  if (create) {
    const { database } = await client.databases.createIfNotExists({ id: databaseName }, { abortSignal });
    for (const definition of ALL_CONTAINERS) await database.containers.createIfNotExists(definition, { abortSignal });
    return;
  }
  const database = client.database(databaseName);
  const missing: string[] = [];
  try {
    await database.read({ abortSignal });
  } catch (err) {
    if (statusOf(err) === 404) throw new StoreError('STORE.NOT_PROVISIONED', `Cosmos DB database "${databaseName}" does not exist. Create it and its containers (see docs/storage.md), or start once with createIfMissing and a key.`);
    throw err;
  }
  for (const definition of ALL_CONTAINERS) {
    try {
      await database.container(definition.id ?? '').read({ abortSignal });
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      missing.push(definition.id ?? '');
    }
  }
  if (missing.length > 0) {
    throw new StoreError('STORE.NOT_PROVISIONED', `Cosmos DB database "${databaseName}" lacks container(s) ${missing.join(', ')}. Create them with the partition keys and indexing policies in docs/storage.md.`);
  }
}
