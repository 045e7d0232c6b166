import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createStores } from '../../src/store/create-stores';
import { isStoreError, type StoreErrorCode } from '../../src/store/store-errors';
import { newCase } from '../support/case-fixtures';
import { freshDatabaseName, startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { documentReads, FaultProxy } from '../support/fault-proxy';
import { closedLoopbackPort } from '../support/free-port';
import { localCosmosOptions } from '../support/store-fixtures';

/** Asserts a StoreError with `code` whose first line matches `pattern`, and no stack in it. */
function clearError(code: StoreErrorCode, pattern: RegExp) {
  return (err: unknown) => {
    assert.ok(isStoreError(err, code), `expected ${code}, got ${String(err)}`);
    assert.match(err.message, pattern);
    assert.doesNotMatch(err.message, /\n\s+at /);
    return true;
  };
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = Date.now();
  await work().catch(() => undefined);
  return Date.now() - started;
}

describe('Cosmos DB connection problems', function () {
  this.timeout(30_000);
  let server: LocalCosmos;
  let proxy: FaultProxy;
  before(async () => {
    server = await startLocalCosmos();
    proxy = await FaultProxy.start(server.port);
  });
  afterEach(() => proxy.clear());
  after(async () => {
    await proxy.stop();
    await server.stop();
  });

  it('names the endpoint and what to check when nothing listens there, promptly', async () => {
    const endpoint = `https://127.0.0.1:${await closedLoopbackPort()}`;
    const open = () => createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint }) });
    await assert.rejects(open(), clearError('STORE.UNAVAILABLE', new RegExp(`^Could not reach Cosmos DB at ${endpoint} while opening database "hc-test-contract-[0-9a-f]+" \\(ECONNREFUSED\\)\\. Check the endpoint URL`)));
    assert.ok(await timed(open) < 5_000);
  });

  it('gives up within the connect timeout on an endpoint that accepts connections but never answers', async () => {
    const silent = net.createServer(() => undefined); // accepts, never speaks TLS
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const endpoint = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      await assert.rejects(
        createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint, requestTimeoutMs: 500, connectTimeoutMs: 3_000, retry: { transientRetryCount: 1, transientRetryDelayMs: 10 } }) }),
        clearError('STORE.UNAVAILABLE', new RegExp(`^Cosmos DB at ${endpoint} did not answer within 3000 ms while opening database`)),
      );
      assert.ok(Date.now() - started < 6_000, `took ${Date.now() - started} ms`);
    } finally {
      silent.close();
    }
  });

  it('bounds an operation when the endpoint stops answering after start-up', async () => {
    const stores = await createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint: proxy.endpoint, requestTimeoutMs: 300, operationTimeoutMs: 1_500 }) });
    try {
      const created = await stores.cases.createCase(newCase());
      proxy.inject({ kind: 'stall' }, 200, documentReads);
      const started = Date.now();
      await assert.rejects(stores.cases.getCase(created.id), clearError('STORE.UNAVAILABLE', new RegExp(`^Cosmos DB at ${proxy.endpoint} did not answer within 1500 ms while reading a case`)));
      assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
    } finally {
      await stores.close();
    }
  });

  // The local server accepts any key, so the refusal comes from the fault proxy answering
  // 401 as Cosmos DB does for a wrong key.
  it('says the credentials were rejected when the key is wrong (401)', async () => {
    proxy.inject({ kind: 'status', status: 401 }, 20);
    await assert.rejects(
      createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint: proxy.endpoint, key: 'wrong-key' }) }),
      clearError('STORE.AUTH', new RegExp(`^Cosmos DB at ${proxy.endpoint} rejected the credentials while opening database .*\\(401 Unauthorized\\)\\. Check that the account key`)),
    );
  });

  it('says so when a key stops working after start-up (e.g. rotated)', async () => {
    const stores = await createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint: proxy.endpoint }) });
    try {
      proxy.inject({ kind: 'status', status: 401 }, 20);
      await assert.rejects(stores.cases.createCase(newCase()), clearError('STORE.AUTH', /rejected the credentials while creating a case/));
      const health = await stores.ping();
      assert.equal(health.ok, false);
      assert.ok(!health.ok && /401 Unauthorized/.test(health.message));
      proxy.clear();
      assert.equal((await stores.ping()).ok, true);
    } finally {
      await stores.close();
    }
  });

  it('reports a missing database instead of creating it when told not to', async () => {
    const databaseName = freshDatabaseName('absent');
    await assert.rejects(
      createStores({ kind: 'cosmos', ...localCosmosOptions(server, { databaseName, createIfMissing: false }) }),
      clearError('STORE.NOT_PROVISIONED', new RegExp(`database "${databaseName}" does not exist`)),
    );
  });

  it('reports missing containers when the database exists but was not fully provisioned', async () => {
    const databaseName = freshDatabaseName('partial');
    const { CosmosClient } = await import('@azure/cosmos');
    const client = new CosmosClient({ endpoint: server.endpoint, key: 'k', agent: server.agent });
    await client.databases.create({ id: databaseName });
    client.dispose();
    await assert.rejects(
      createStores({ kind: 'cosmos', ...localCosmosOptions(server, { databaseName, createIfMissing: false }) }),
      clearError('STORE.NOT_PROVISIONED', /lacks container\(s\) cases, case-references, conversation-refs, reminder-claims, bot-state/),
    );
  });

  it('rejects an endpoint that is not a URL', async () => {
    await assert.rejects(
      createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint: 'my-account.documents.azure.com' }) }),
      clearError('STORE.INVALID_INPUT', /not a URL: "my-account\.documents\.azure\.com"/),
    );
  });

  it('lets two app instances with separate connections create cases at once with distinct references', async () => {
    const databaseName = freshDatabaseName('instances');
    const a = await createStores({ kind: 'cosmos', ...localCosmosOptions(server, { databaseName }) });
    const b = await createStores({ kind: 'cosmos', ...localCosmosOptions(server, { databaseName }) });
    try {
      const created = await Promise.all([a, b].flatMap((s) => Array.from({ length: 8 }, () => s.cases.createCase(newCase()))));
      const refs = created.map((c) => c.reference).sort();
      assert.deepEqual(refs, Array.from({ length: 16 }, (_, i) => `HC-2026-${String(i + 1).padStart(5, '0')}`));
      assert.equal((await a.ping()).ok, true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
