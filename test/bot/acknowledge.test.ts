import { strict as assert } from 'node:assert';
import { ALEX, cardText, input, pressData } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

// Acknowledging records when and how the acknowledgement actually went to the resident (issue 21),
// not "today in Teams": the officer's card asks both, with today and the resident's preferred way filled in.
describe('acknowledging a complaint', function () {
  this.timeout(60_000);
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot(); // Monday 23 November 2026
    await bot.driver.say(ALEX, 'help');
  });
  after(async () => { await bot.stop(); });

  it('the officer\'s card asks when and how it was sent, filled in with today and the preferred contact method', async () => {
    const before = bot.connector.sent.length;
    await logComplaint(bot, ALEX);
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1);
    assert.equal(input(card, 'on')?.value, '2026-11-23');
    assert.equal(input(card, 'channel')?.value, 'email'); // the test complainant prefers email
    assert.equal(input(card, 'on')?.max, '2026-11-23', 'a date in the future cannot be picked');
  });

  it('records the date and method given, and counts the response deadline from that date', async () => {
    const { caseId } = await logComplaint(bot, ALEX);
    const card = bot.connector.cards().at(-1);
    // The complaint came in on Mon 23 Nov and the acknowledgement went by letter the same day.
    const res = await bot.driver.execute(ALEX, 'case.acknowledge', { ...pressData(card, 'case.acknowledge'), caseId, channel: 'letter' });
    assert.match(cardText(res.body.value), /Acknowledged\. The response deadline has started/);
    const record = (await bot.stores.cases.getCase(caseId))!;
    const ack = record.events.find((e) => e.type === 'acknowledged');
    assert.deepEqual([ack?.on, ack?.type === 'acknowledged' && ack.method], ['2026-11-23', 'letter']);
    // 10 working days from Mon 23 Nov: 24-27 Nov (4), 30 Nov-4 Dec (9), 7 Dec (10).
    assert.equal(record.deadlines.find((d) => d.kind === 'respond')?.due, '2026-12-07');
  });

  it('without the method, or with a date in the future, the questions come back and nothing is stored', async () => {
    const { caseId } = await logComplaint(bot, ALEX);
    const version = (await bot.stores.cases.getCase(caseId))!.version;
    const noMethod = await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version, on: '2026-11-23' });
    assert.match(cardText(noMethod.body.value), /Record the acknowledgement[\s\S]*Choose how the acknowledgement was sent/);
    const future = await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version, on: '2026-11-24', channel: 'email' });
    assert.match(cardText(future.body.value), /The date cannot be in the future/);
    assert.equal((await bot.stores.cases.getCase(caseId))!.state, 'awaiting-acknowledgement');
  });
});
