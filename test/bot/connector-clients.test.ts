import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
// Not exported from the package's index: the SDK's own factory, the one that makes the clients.
import { ConnectorFactoryImpl } from 'botframework-connector/lib/auth/connectorFactoryImpl';
import { ALEX, cardText } from '../support/bot-driver';
import { startTestBot, type TestBot } from '../support/test-app';

// The SDK would build a connector client (pipeline and credentials) for every reply; the bot
// keeps one per service URL, and every reply still reaches the chat.
describe('connector and user-token clients are made once, not once per turn', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let create: sinon.SinonSpy;
  let tokenClients: sinon.SinonSpy;
  before(async () => {
    create = sinon.spy(ConnectorFactoryImpl.prototype, 'create');
    tokenClients = sinon.spy(ConfigurationBotFrameworkAuthentication.prototype, 'createUserTokenClient');
    bot = await startTestBot();
  });
  after(async () => {
    create.restore();
    tokenClients.restore();
    await bot.stop();
  });

  it('answers five messages with one client, and each answer arrives', async () => {
    const before = bot.connector.sent.length;
    for (let n = 0; n < 5; n++) await bot.driver.say(ALEX, 'help');
    await bot.connector.waitFor(before + 5);
    const cards = bot.connector.cards().slice(-5);
    assert.equal(cards.length, 5);
    for (const card of cards) assert.match(cardText(card), /What I can do/);
    assert.equal(create.callCount, 1, `connector clients made: ${create.callCount}`);
    assert.equal(tokenClients.callCount, 1, `user-token clients made: ${tokenClients.callCount}`);
  });
});
