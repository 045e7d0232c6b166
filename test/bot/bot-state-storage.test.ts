import assert from 'node:assert/strict';
import { ConversationState, TestAdapter } from 'botbuilder';
import { BotStateStorage } from '../../src/bot/bot-state-storage';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { cosmosFactory, sqliteFactory, type StoreFactory, type StoreFixture } from '../support/store-fixtures';

function botStorageContract(factory: StoreFactory): void {
  let fixture: StoreFixture;
  let storage: BotStateStorage;
  beforeEach(async () => {
    fixture = await factory();
    storage = new BotStateStorage(fixture.stores.keyValue);
  });
  afterEach(async () => fixture.cleanup());

  const key = 'msteams/conversations/a:1-chat-with-Ottilie-Brennan/';

  it('round-trips items with an eTag, and throws on a write with a stale eTag', async () => {
    await storage.write({ [key]: { dialogStack: ['intake'], step: 1 } });
    const first = await storage.read([key, 'msteams/conversations/never-written/']);
    assert.deepEqual(Object.keys(first), [key]);
    const item = first[key] as { step: number; dialogStack: string[]; eTag: string };
    assert.deepEqual(item.dialogStack, ['intake']);
    assert.equal(typeof item.eTag, 'string');
    const staleETag = item.eTag;

    await storage.write({ [key]: { ...item, step: 2 } });
    await assert.rejects(storage.write({ [key]: { step: 99, eTag: staleETag } }), /Storage: error writing ".*" due to eTag conflict\./);
    const second = (await storage.read([key]))[key] as { step: number; eTag: string };
    assert.equal(second.step, 2);
    assert.notEqual(second.eTag, staleETag);
  });

  it('overwrites on eTag "*" or no eTag, and hands the new eTag back to the writer', async () => {
    await storage.write({ [key]: { step: 1 } });
    await storage.write({ [key]: { step: 2, eTag: '*' } });
    assert.equal(((await storage.read([key]))[key] as { step: number }).step, 2);
    const item = (await storage.read([key]))[key] as { step: number; eTag: string };
    const change = { ...item, step: 3 };
    await storage.write({ [key]: change });
    // A second save in the same turn carries the eTag of the first, so it does not conflict.
    await storage.write({ [key]: { ...change, step: 4 } });
    assert.equal(((await storage.read([key]))[key] as { step: number }).step, 4);
  });

  it('deletes, and refuses to resurrect a deleted item from a stale eTag', async () => {
    await storage.write({ [key]: { step: 1 } });
    const item = (await storage.read([key]))[key] as { eTag: string };
    await storage.delete([key, 'msteams/conversations/never-written/']);
    assert.deepEqual(await storage.read([key]), {});
    await assert.rejects(storage.write({ [key]: { step: 2, eTag: item.eTag } }), /eTag conflict/);
    assert.deepEqual(await storage.read([key]), {});
  });

  it('lets exactly one of two turns that read the same state save it', async () => {
    await storage.write({ [key]: { step: 1 } });
    const read = (await storage.read([key]))[key] as { eTag: string };
    const results = await Promise.allSettled([
      storage.write({ [key]: { step: 2, eTag: read.eTag } }),
      storage.write({ [key]: { step: 3, eTag: read.eTag } }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  });

  it('keeps ConversationState across turns through the Bot Framework SDK', async () => {
    const conversationState = new ConversationState(storage);
    const turns = conversationState.createProperty<number>('turns');
    const adapter = new TestAdapter(async (context) => {
      const n = (await turns.get(context, 0)) + 1;
      await turns.set(context, n);
      await context.sendActivity(`turn ${n}`);
      await conversationState.saveChanges(context);
    });
    await adapter.send('hello').assertReply('turn 1').send('still there?').assertReply('turn 2').startTest();
    const stored = await storage.read(['test/conversations/Convo1/']);
    assert.equal((stored['test/conversations/Convo1/'] as { turns?: number } | undefined)?.turns, 2);
  });
}

describe('BotStateStorage', () => {
  describe('over SQLite', () => botStorageContract(sqliteFactory));

  describe('over Cosmos DB (local server)', () => {
    let server: LocalCosmos | undefined;
    before(async () => {
      server = await startLocalCosmos();
    });
    after(async () => server?.stop());
    botStorageContract(cosmosFactory(() => {
      if (!server) throw new Error('local Cosmos DB server not started');
      return server;
    }));
  });
});
