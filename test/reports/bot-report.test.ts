import { strict as assert } from 'node:assert';
import { actionData, ALEX, cardText, SAM, PRIYA } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

/** The "log" and "report <period>" commands in Teams, through the real app (fixed clock: Monday 23 November 2026). */
describe('bot: complaints log and report commands', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let logged: { caseId: string; reference: string };

  before(async () => {
    bot = await startTestBot();
    logged = await logComplaint(bot, ALEX);
  });
  after(async () => { await bot?.stop(); });

  async function say(user: typeof ALEX, text: string): Promise<unknown> {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, text);
    await bot.connector.waitFor(before + 1);
    return bot.connector.cards().at(-1);
  }

  it('"log" shows a manager the open cases by when they are due, each opening the case', async () => {
    const card = await say(ALEX, 'log');
    const text = cardText(card);
    assert.match(text, /Complaints log: open cases/);
    // Received Monday 23 November: acknowledgement due Monday 30 November, after this week.
    assert.match(text, /Overdue \(0\)[\s\S]*Due this week \(0\)[\s\S]*Later \(1\)/);
    assert.ok(text.includes(logged.reference));
    assert.equal(actionData(card, 'case.view').caseId, logged.caseId);
    const opened = await bot.driver.execute(ALEX, 'case.view', { caseId: logged.caseId });
    assert.ok(cardText(opened.body.value).includes(logged.reference) || cardText(bot.connector.cards().at(-1)).includes(logged.reference));
  });

  it('"log estate ..." filters, and says what it did not understand', async () => {
    const none = cardText(await say(PRIYA, 'log estate Hillside'));
    assert.match(none, /estate "Hillside" · 0 open/);
    const some = cardText(await say(PRIYA, 'log estate Riverside stage 1 please'));
    assert.match(some, /1 open/);
    assert.match(some, /Not understood, so ignored/);
  });

  it('refuses people who are not the PIM or a manager, politely', async () => {
    const text = cardText(await say(SAM, 'log'));
    assert.match(text, /complaints log is for the complaints managers/);
    assert.ok(!text.includes(logged.reference));
    assert.match(cardText(await say(SAM, 'report 2026-Q4')), /complaints report is for the complaints managers/);
  });

  it('"report <period>" shows the headline figures and points to the admin CLI', async () => {
    const text = cardText(await say(PRIYA, 'report 2026-Q4'));
    assert.match(text, /Complaints report: 2026 Q4/);
    assert.match(text, /Complaints received\n1\n/);
    assert.match(text, /Stage 1 acknowledged in time\nnone due yet/);
    assert.match(text, /complaints report --from 2026-10-01 --to 2026-12-31 --format html/);
    assert.match(cardText(await say(PRIYA, 'report 2026-04-01..2027-03-31')), /Complaints received\n1\n/);
    assert.match(cardText(await say(PRIYA, 'report sometime')), /"sometime" is not a period I know/);
  });
});
