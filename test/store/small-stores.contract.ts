import assert from 'node:assert/strict';
import type { Stores } from '../../src/store/stores';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

/** Contracts of the conversation-reference and key/value stores; run against every adapter. */
export function smallStoresContract(factory: StoreFactory): void {
  let fixture: StoreFixture;
  let stores: Stores;
  beforeEach(async () => {
    fixture = await factory();
    stores = fixture.stores;
  });
  afterEach(async () => fixture.cleanup());

  describe('ConversationRefStore', () => {
    const ref = {
      activityId: 'f:1234',
      user: { id: '29:1a-ZEbedee-Okonkwo', name: 'Zebedee Okonkwo', aadObjectId: '6b1f0c1e-0000-4000-8000-00000000beef' },
      bot: { id: '28:complaints-bot', name: 'Complaints' },
      conversation: { id: 'a:1-personal-chat', conversationType: 'personal', tenantId: 'tenant-1' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      nested: { list: [1, 'two', { three: true }], empty: null },
    };

    it('keeps a reference as opaque JSON and reads it back by user id', async () => {
      await stores.conversationRefs.putConversationRef('user-zebedee', ref);
      assert.deepEqual(await stores.conversationRefs.getConversationRef('user-zebedee'), ref);
      assert.equal(await stores.conversationRefs.getConversationRef('user-someone-else'), undefined);
    });

    it('replaces a user\'s reference and forgets it on delete', async () => {
      await stores.conversationRefs.putConversationRef('29:1a/with:odd?chars#', ref);
      await stores.conversationRefs.putConversationRef('29:1a/with:odd?chars#', { ...ref, activityId: 'f:5678' });
      assert.equal((await stores.conversationRefs.getConversationRef('29:1a/with:odd?chars#'))?.['activityId'], 'f:5678');
      await stores.conversationRefs.deleteConversationRef('29:1a/with:odd?chars#');
      assert.equal(await stores.conversationRefs.getConversationRef('29:1a/with:odd?chars#'), undefined);
      await stores.conversationRefs.deleteConversationRef('29:1a/with:odd?chars#'); // absent: no error
    });
  });

  describe('KeyValueStore', () => {
    const key = 'msteams/conversations/a:1-personal-chat/';

    it('puts and gets a value with an etag that changes on every write', async () => {
      const first = await stores.keyValue.put(key, { step: 1 });
      assert.ok(first.ok);
      assert.deepEqual(await stores.keyValue.get(key), { value: { step: 1 }, etag: first.etag });
      const second = await stores.keyValue.put(key, { step: 2 });
      assert.ok(second.ok);
      assert.notEqual(second.etag, first.etag);
      assert.deepEqual((await stores.keyValue.get(key))?.value, { step: 2 });
    });

    it('writes with ifMatch only over the matching etag', async () => {
      const first = await stores.keyValue.put(key, { step: 1 });
      assert.ok(first.ok);
      const matched = await stores.keyValue.put(key, { step: 2 }, { ifMatch: first.etag });
      assert.ok(matched.ok);
      const stale = await stores.keyValue.put(key, { step: 3 }, { ifMatch: first.etag });
      assert.deepEqual(stale, { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: matched.etag });
      assert.deepEqual((await stores.keyValue.get(key))?.value, { step: 2 });
      const missing = await stores.keyValue.put('never-written', { step: 1 }, { ifMatch: first.etag });
      assert.deepEqual(missing, { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: undefined });
    });

    it('writes with ifAbsent only when there is no entry', async () => {
      const created = await stores.keyValue.put(key, { step: 1 }, { ifAbsent: true });
      assert.ok(created.ok);
      const again = await stores.keyValue.put(key, { step: 9 }, { ifAbsent: true });
      assert.deepEqual(again, { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: created.etag });
    });

    it('an entry whose time is up reads as absent, may be created again, and is swept; one without a time stays', async () => {
      const past = new Date(Date.now() - 1000);
      const future = new Date(Date.now() + 3_600_000);
      assert.ok((await stores.keyValue.put('expiring/old', { form: 'old' }, undefined, { expiresAt: past })).ok);
      assert.ok((await stores.keyValue.put('expiring/live', { form: 'live' }, undefined, { expiresAt: future })).ok);
      assert.ok((await stores.keyValue.put('expiring/never', { form: 'kept' })).ok);
      assert.equal(await stores.keyValue.get('expiring/old'), undefined);
      assert.deepEqual((await stores.keyValue.get('expiring/live'))?.value, { form: 'live' });
      // SQLite sweeps it (one entry); Cosmos DB removes it itself (its sweep does nothing).
      const swept = await stores.keyValue.deleteExpired(new Date());
      assert.equal(swept, (await stores.ping()).kind === 'sqlite' ? 1 : 0);
      const recreated = await stores.keyValue.put('expiring/old', { form: 'new' }, { ifAbsent: true });
      assert.ok(recreated.ok, 'a run-out entry is absent to ifAbsent');
      assert.deepEqual((await stores.keyValue.get('expiring/old'))?.value, { form: 'new' });
      // Later, once the live one's time is up as well, only the one without a time is left.
      assert.equal(await stores.keyValue.deleteExpired(new Date(future.getTime() + 1000)), (await stores.ping()).kind === 'sqlite' ? 1 : 0);
      assert.deepEqual((await stores.keyValue.get('expiring/never'))?.value, { form: 'kept' });
    });

    it('lets exactly one of several concurrent ifMatch writers win', async () => {
      const first = await stores.keyValue.put(key, { n: 0 });
      assert.ok(first.ok);
      const results = await Promise.all([1, 2, 3, 4, 5].map((n) => stores.keyValue.put(key, { n }, { ifMatch: first.etag })));
      assert.equal(results.filter((r) => r.ok).length, 1);
    });

    it('keeps long keys and keys with any characters apart, and deletes', async () => {
      const long = `user/${'x'.repeat(400)}`;
      await stores.keyValue.put(long, { which: 'long' });
      await stores.keyValue.put('a/b?c#d\\e', { which: 'odd' });
      assert.deepEqual((await stores.keyValue.get(long))?.value, { which: 'long' });
      assert.deepEqual((await stores.keyValue.get('a/b?c#d\\e'))?.value, { which: 'odd' });
      await stores.keyValue.delete(long);
      assert.equal(await stores.keyValue.get(long), undefined);
      await stores.keyValue.delete(long); // absent: no error
      assert.ok(await stores.keyValue.get('a/b?c#d\\e'));
    });
  });

  describe('CaseAccessLog', () => {
    it('keeps who saw a case and when, lists them newest first per case, and removes a case\'s', async () => {
      const log = stores.accessLog;
      await log.record({ caseId: 'case-a', at: '2026-11-23T10:00:00.000Z', by: 'alex.morgan', what: 'case-card' });
      await log.record({ caseId: 'case-a', at: '2026-11-23T11:30:00.000Z', by: 'morgan.lee', what: 'evidence-pack' });
      await log.record({ caseId: 'case-b', at: '2026-11-23T12:00:00.000Z', by: 'priya.shah', what: 'file' });
      assert.deepEqual(await log.list('case-a'), [
        { caseId: 'case-a', at: '2026-11-23T11:30:00.000Z', by: 'morgan.lee', what: 'evidence-pack' },
        { caseId: 'case-a', at: '2026-11-23T10:00:00.000Z', by: 'alex.morgan', what: 'case-card' },
      ]);
      assert.equal(await log.deleteCase('case-a'), 2);
      assert.deepEqual(await log.list('case-a'), []);
      assert.equal((await log.list('case-b')).length, 1);
    });
  });
}
