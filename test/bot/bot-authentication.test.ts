import { strict as assert } from 'node:assert';
import { ALEX } from '../support/bot-driver';
import { FakeOpenId, FORGED_TOKENS } from '../support/fake-openid';
import { startTestBot, type TestBot } from '../support/test-app';

const APP_ID = '11111111-2222-4333-8444-555555555555';

// Issue 18: with the app id set, every request must carry a Bot Framework token signed by a
// key the OpenID metadata publishes, for this bot, now. The issuer is played locally (its
// metadata and keys), so a real signature is checked, and every forgery gets 401 or 403.
describe('Bot Framework authentication against signed tokens', function () {
  this.timeout(60_000);
  let openid: FakeOpenId;
  let bot: TestBot;
  let serviceUrl = '';
  const message = () => ({
    type: 'message', channelId: 'msteams', serviceUrl, text: 'help', id: `m-${Date.now()}`,
    from: { id: `29:${ALEX.aadObjectId}`, name: ALEX.name, aadObjectId: ALEX.aadObjectId }, recipient: { id: `28:${APP_ID}` },
    conversation: { id: `personal-${ALEX.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-demo-0001' }, channelData: { tenant: { id: 'tenant-demo-0001' } },
  });
  const send = (token: string | null, activity = message()) => bot.driver.post(activity, token === null ? {} : { authorization: `Bearer ${token}` });

  before(async () => {
    openid = await new FakeOpenId().start();
    bot = await startTestBot({
      config: { bot: { appId: APP_ID, appType: 'SingleTenant', tenantId: 'tenant-demo-0001', password: 'not-a-real-secret' } },
      app: { botAuthentication: { openIdMetadataUrl: openid.metadataUrl } },
    });
    serviceUrl = bot.connector.url;
  });
  after(async () => {
    await bot.stop();
    await openid.stop();
  });

  for (const { what, token } of FORGED_TOKENS) {
    it(`${what}: 401, and nothing is done`, async () => {
      const before = bot.connector.sent.length;
      const res = await send(token(openid, APP_ID, serviceUrl));
      assert.equal(res.status, 401, `${what} got ${res.status}: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(bot.connector.sent.length, before, 'no reply was sent');
    });
  }

  it('a valid token for an activity from another tenant: refused (403 for an invoke), nothing done', async () => {
    const before = bot.connector.sent.length;
    const activity = { ...message(), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'cases.mine', data: {} } }, conversation: { id: 'x', conversationType: 'personal', tenantId: 'other-tenant' }, channelData: { tenant: { id: 'other-tenant' } } };
    const res = await send(openid.token({ aud: APP_ID, serviceurl: serviceUrl }), activity);
    assert.equal(res.status, 403);
    assert.equal(bot.connector.sent.length, before);
  });

  // Runs last: a turn that was let in keeps Alex's conversation, which the forgeries must never reach.
  it('a token the issuer signed, for this bot, is let in and handled (after every forgery was kept out)', async () => {
    assert.equal(await bot.stores.conversationRefs.getConversationRef(ALEX.aadObjectId), undefined, 'no forged request reached the bot');
    const res = await send(openid.token({ aud: APP_ID, serviceurl: serviceUrl }));
    // Accepted and handled: the bot keeps the conversation (its reply needs a real Entra token, which nothing here can give).
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await bot.stores.conversationRefs.getConversationRef(ALEX.aadObjectId))?.serviceUrl, serviceUrl);
  });
});
