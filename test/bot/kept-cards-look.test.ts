import { strict as assert } from 'node:assert';
import pino from 'pino';
import sinon from 'sinon';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { KEPT_CARD_LIMITS, KeptCards } from '../../src/reminders/kept-cards';
import { noticeCard } from '../../src/cards/general-cards';
import { ALEX, cardText, PRIYA } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

// Every turn looks for cards kept for the person (cards Teams did not deliver). A person
// working through cards sends many turns a minute: a look that found nothing is trusted for
// 30 s by the instance, and a card kept meanwhile by another instance goes at the first turn after.
describe('looking for kept cards on a person\'s turns', function () {
  this.timeout(60_000);
  let now = new Date('2026-11-23T10:00:00Z');
  let bot: TestBot;
  let peek: sinon.SinonSpy;
  before(async () => {
    bot = await startTestBot({ app: { now: () => now } });
    peek = sinon.spy(KeptCards.prototype, 'peek');
  });
  after(async () => {
    peek.restore();
    await bot.stop();
  });

  it('five turns in a few seconds look once', async () => {
    const before = peek.callCount;
    for (let n = 0; n < 5; n++) await bot.driver.say(ALEX, 'help');
    assert.equal(peek.callCount - before, 1);
  });

  it('a card another instance kept goes at the person\'s first turn after the 30 s', async () => {
    await bot.driver.say(PRIYA, 'help'); // a look that finds nothing
    const { caseId } = await logComplaint(bot, ALEX);
    const record = (await bot.stores.cases.getCase(caseId))!;
    const policy = findPreset('hos-2024')!;
    const elsewhere = new KeptCards({
      kv: bot.stores.keyValue, cases: bot.stores.cases, logger: pino({ level: 'silent' }), instanceId: 'another-instance',
      ctx: { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, now: () => now, newId: () => 'kept-1' },
    });
    const priya = DEMO_DIRECTORY.people.find((p) => p.id === 'priya.shah')!;
    assert.ok(await elsewhere.keep(priya, { card: noticeCard({ title: 'Kept elsewhere', text: 'A card kept by another instance', tone: 'good' }), summary: 'Kept elsewhere' }, record, { outcome: 'failed', failure: { status: 502, retryAfterMs: undefined, message: 'Bad gateway' }, cause: null }));

    const kept = () => bot.connector.cards().filter((c) => /Kept elsewhere/.test(cardText(c))).length;
    now = new Date('2026-11-23T10:00:29Z');
    await bot.driver.say(PRIYA, 'help');
    assert.equal(kept(), 0, 'within 30 s of a look that found nothing');
    now = new Date(now.getTime() + KEPT_CARD_LIMITS.peekQuietMs);
    await bot.driver.say(PRIYA, 'help');
    assert.equal(kept(), 1, 'the first turn after the 30 s');
  });
});
