import assert from 'node:assert/strict';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { isStoreError } from '../../src/store/store-errors';
import { event, newCase, withEvent } from '../support/case-fixtures';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { FaultProxy } from '../support/fault-proxy';
import { localCosmosOptions } from '../support/store-fixtures';

/**
 * What a card action costs on Cosmos DB: the case is read once, and the save is one
 * conditional replace, checked against the copy the store read at that ETag. Counted by a
 * proxy in front of the local server, which forwards every request and faults none here.
 */
describe('Cosmos DB requests per card action', function () {
  this.timeout(30_000);
  let server: LocalCosmos;
  let proxy: FaultProxy;
  let stores: Stores;
  let options: ReturnType<typeof localCosmosOptions>;
  before(async () => {
    server = await startLocalCosmos();
    proxy = await FaultProxy.start(server.port);
  });
  after(async () => {
    await proxy.stop();
    await server.stop();
  });
  beforeEach(async () => {
    options = localCosmosOptions(server, { endpoint: proxy.endpoint });
    stores = await createStores({ kind: 'cosmos', ...options });
  });
  afterEach(async () => { await stores.close(); });

  it('reads the case once and saves it with one conditional replace', async () => {
    const created = await stores.cases.createCase(newCase());
    const before = proxy.stats.forwarded;
    const read = await stores.cases.getCase(created.id);
    assert.ok(read);
    const saved = await stores.cases.saveCase(withEvent(read, event('note', '2026-03-05')));
    assert.ok(saved.ok);
    assert.equal(proxy.stats.forwarded - before, 2, 'one point read and one replace');
    // And the next action on what the save returned: one more replace, no read.
    const again = await stores.cases.saveCase(withEvent(saved.record, event('note', '2026-03-06')));
    assert.ok(again.ok);
    assert.equal(proxy.stats.forwarded - before, 3);
  });

  it('still refuses rewritten history from a version it holds, and answers a race lost to another instance with the case as stored', async () => {
    const created = await stores.cases.createCase(newCase());
    await assert.rejects(stores.cases.saveCase({ ...created, events: [{ ...created.events[0], on: '2026-03-01' } as typeof created.events[number]] }), (err) => isStoreError(err, 'STORE.HISTORY_REWRITE'));
    // Another instance writes first; this store's copy of the version is then out of date.
    const other = await createStores({ kind: 'cosmos', ...options });
    try {
      const theirs = await other.cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
      assert.ok(theirs.ok);
      const mine = await stores.cases.saveCase(withEvent(created, event('note', '2026-03-04')));
      assert.ok(!mine.ok);
      assert.equal(mine.code, 'STORE.STALE_VERSION');
      assert.deepEqual(mine.current, theirs.record);
    } finally {
      await other.close();
    }
  });

  it('reads the document first when it does not hold the version being saved', async () => {
    const created = await stores.cases.createCase(newCase());
    const other = await createStores({ kind: 'cosmos', ...options });
    try {
      const before = proxy.stats.forwarded;
      const saved = await other.cases.saveCase(withEvent(created, event('note', '2026-03-05')));
      assert.ok(saved.ok);
      assert.equal(proxy.stats.forwarded - before, 2, 'a point read for the history check, then the replace');
    } finally {
      await other.close();
    }
  });
});
