import assert from 'node:assert/strict';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { isStoreError } from '../../src/store/store-errors';
import { event, newCase, withEvent } from '../support/case-fixtures';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { documentReads, FaultProxy, writesTo } from '../support/fault-proxy';
import { localCosmosOptions } from '../support/store-fixtures';

const LIMITS = { maxRetryAttemptCount: 3, maxWaitTimeInSeconds: 2, transientRetryCount: 2, transientRetryDelayMs: 20 };
const THIS_YEAR = ['2026-01-01', '2026-12-31'] as const;

describe('Cosmos DB stores under throttling and transient faults (fault proxy)', function () {
  this.timeout(30_000);
  let server: LocalCosmos;
  let proxy: FaultProxy;
  let stores: Stores;
  before(async () => {
    server = await startLocalCosmos();
    proxy = await FaultProxy.start(server.port);
  });
  after(async () => {
    await proxy.stop();
    await server.stop();
  });
  beforeEach(async () => {
    stores = await createStores({ kind: 'cosmos', ...localCosmosOptions(server, { endpoint: proxy.endpoint, retry: LIMITS }) });
    proxy.stats.faulted = 0;
  });
  afterEach(async () => {
    proxy.clear();
    await stores.close();
  });

  it('retries throttled writes (429 with x-ms-retry-after-ms) within its limits and succeeds', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'status', status: 429, retryAfterMs: 20 }, LIMITS.maxRetryAttemptCount, writesTo('cases'));
    const result = await stores.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
    assert.ok(result.ok);
    assert.equal(proxy.stats.faulted, 3);
    assert.equal((await stores.cases.getCase(created.id))?.events.length, 2);
  });

  it('reports throttling beyond its limits clearly, and leaves the case as it was', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'status', status: 429, retryAfterMs: 10 }, 50, writesTo('cases'));
    await assert.rejects(stores.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03'))), (err) => {
      assert.ok(isStoreError(err, 'STORE.THROTTLED'));
      assert.match(err.message, new RegExp(`^Cosmos DB at ${proxy.endpoint} kept throttling requests \\(429`));
      assert.doesNotMatch(err.message, /\n\s+at /);
      return true;
    });
    assert.equal(proxy.stats.faulted, LIMITS.maxRetryAttemptCount + 1);
    proxy.clear();
    assert.deepEqual(await stores.cases.getCase(created.id), created);
  });

  it('retries a write answered with 503 and succeeds', async () => {
    proxy.inject({ kind: 'status', status: 503 }, 2, writesTo('cases'));
    const created = await stores.cases.createCase(newCase());
    assert.equal(proxy.stats.faulted, 2);
    assert.equal(created.reference, 'HC-2026-00001');
    assert.equal((await stores.cases.casesReceivedBetween(...THIS_YEAR)).length, 1);
  });

  it('gives up on repeated 503s after its limit with a clear error, and nothing is half-applied', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'status', status: 503 }, 50, writesTo('cases'));
    await assert.rejects(stores.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03'))), (err) => {
      assert.ok(isStoreError(err, 'STORE.UNAVAILABLE'));
      assert.match(err.message, new RegExp(`^Cosmos DB at ${proxy.endpoint} was unavailable \\(503\\) while saving case HC-2026-00001`));
      return true;
    });
    assert.equal(proxy.stats.faulted, LIMITS.transientRetryCount + 1);
    proxy.clear();
    const reread = await stores.cases.getCase(created.id);
    assert.equal(reread?.version, created.version);
    assert.equal(reread?.events.length, 1);
  });

  it('retries a write whose connection dropped before it was sent', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'drop' }, 1, writesTo('cases'));
    const result = await stores.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
    assert.ok(result.ok);
    assert.equal(proxy.stats.faulted, 1);
    assert.equal((await stores.cases.getCase(created.id))?.events.length, 2);
  });

  it('recognises its own save when the write landed but the answer was lost', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'drop-after-forward' }, 1, writesTo('cases'));
    const result = await stores.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
    assert.ok(result.ok, 'the retry must not report a conflict with its own first attempt');
    assert.equal(proxy.stats.faulted, 1);
    const reread = await stores.cases.getCase(created.id);
    assert.equal(reread?.events.length, 2);
    assert.equal(reread?.version, result.record.version);
  });

  it('neither loses nor duplicates a case whose creation answer was lost', async () => {
    proxy.inject({ kind: 'drop-after-forward' }, 1, writesTo('cases'));
    const created = await stores.cases.createCase(newCase());
    assert.equal(proxy.stats.faulted, 1);
    const all = await stores.cases.casesReceivedBetween(...THIS_YEAR);
    assert.deepEqual(all.map((c) => c.id), [created.id]);
    assert.equal((await stores.cases.getCaseByReference(created.reference))?.id, created.id);
  });

  it('does not skip or repeat a reference when the counter write\'s answer was lost', async () => {
    proxy.inject({ kind: 'drop-after-forward' }, 1, writesTo('case-references'));
    const first = await stores.cases.createCase(newCase());
    const second = await stores.cases.createCase(newCase());
    assert.equal(proxy.stats.faulted, 1);
    assert.deepEqual([first.reference, second.reference], ['HC-2026-00001', 'HC-2026-00002']);
  });

  it('counts a reminder claim whose answer was lost as won, once', async () => {
    const key = { caseId: 'case-1', stage: 1, kind: 'respond', point: 'due-minus-2' };
    proxy.inject({ kind: 'drop-after-forward' }, 1, writesTo('reminder-claims'));
    assert.equal(await stores.reminderClaims.claimReminder(key, 'bot-a', '2026-03-26T10:00:00.000Z', '2026-03-26T09:00:00.000Z'), true);
    assert.equal(await stores.reminderClaims.claimReminder(key, 'bot-b', '2026-03-26T10:00:00.000Z', '2026-03-26T09:00:00.000Z'), false);
    assert.equal((await stores.reminderClaims.getReminderClaim(key))?.holder, 'bot-a');
    assert.equal(proxy.stats.faulted, 1);
  });

  it('reads through a dropped connection (the SDK retries reads itself)', async () => {
    const created = await stores.cases.createCase(newCase());
    proxy.inject({ kind: 'drop' }, 1, documentReads);
    assert.deepEqual(await stores.cases.getCase(created.id), created);
    assert.equal(proxy.stats.faulted, 1);
  });
});
