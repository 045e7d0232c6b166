import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApp } from '../../src/app';
import { ConfigError } from '../../src/config';
import { ALEX, TENANT } from '../support/bot-driver';
import { startTestBot, testConfig, type TestBot } from '../support/test-app';

// Issue 18: without an app id nobody's token is checked, so the bot runs that way only when
// told it is a local trial, listens on this machine only, and takes only activities whose
// service URL is this machine (replies and cards go there: a spoofed one would send a
// resident's details to whoever asked).
describe('an unauthenticated local trial', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  it('without an app id, the bot refuses to start unless told it is a local trial, and says how', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'no-app-id-'));
    await assert.rejects(startApp(testConfig(dataDir, { localUnauthenticated: false }), { logger: pino({ level: 'silent' }) }), (err: Error) =>
      err instanceof ConfigError && /MicrosoftAppId is not set/.test(err.message) && /LOCAL_UNAUTHENTICATED=true/.test(err.message));
  });

  it('listens on 127.0.0.1 only', () => {
    assert.equal(bot.app.host, '127.0.0.1');
    assert.match(bot.app.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('an activity from a service URL that is not this machine is refused: no reply, no card, the stored conversation untouched', async () => {
    await bot.driver.say(ALEX, 'help');
    const ref = await bot.stores.conversationRefs.getConversationRef(ALEX.aadObjectId);
    assert.equal(ref?.serviceUrl, bot.connector.url);
    const sent = bot.connector.sent.length;
    const spoofed = {
      type: 'message', channelId: 'msteams', serviceUrl: 'http://attacker.example:8080/', text: 'my cases', id: 'spoof-1',
      from: { id: `29:${ALEX.aadObjectId}`, name: ALEX.name, aadObjectId: ALEX.aadObjectId }, recipient: { id: '28:complaints-bot' },
      conversation: { id: `personal-${ALEX.aadObjectId}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } },
    };
    await bot.driver.post(spoofed);
    const invoke = await bot.driver.post({ ...spoofed, id: 'spoof-2', type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'cases.mine', data: {} } } });
    assert.equal(invoke.status, 403);
    assert.equal(bot.connector.sent.length, sent, 'nothing was sent anywhere');
    assert.equal((await bot.stores.conversationRefs.getConversationRef(ALEX.aadObjectId))?.serviceUrl, bot.connector.url, 'Alex\'s conversation still points at this machine');
  });
});
