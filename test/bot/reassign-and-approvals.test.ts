import { strict as assert } from 'node:assert';
import { ACK_SENT, ALEX, cardText, CASEY, PRIYA, SAM } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

const TAYLOR = { name: 'Taylor Reed', aadObjectId: '00000000-0000-4000-8000-000000000004' };

// Work that was missing (issue 21): a manager reassigns a case, and sees what awaits their decision.
describe('reassigning a case, and what awaits a manager\'s decision', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  /** What the bot answered to `text`, as the last card it sent. */
  const reply = async (user: typeof ALEX, text: string) => { await bot.driver.say(user, text); return bot.connector.cards().at(-1); };
  const press = async (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) =>
    bot.driver.execute(user, verb, { caseId, version: (await stored()).version, ...data });

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, PRIYA, CASEY, SAM, TAYLOR]) await bot.driver.say(user, 'help');
    ({ caseId } = await logComplaint(bot, ALEX));
    await press(ALEX, 'case.acknowledge', ACK_SENT);
  });
  after(async () => { await bot.stop(); });

  it('a manager\'s welcome lists "my approvals" and what waits; an officer\'s does not', async () => {
    await press(ALEX, 'case.extend', { workingDays: '3', reasonCategory: 'third-party', text: 'Waiting for the glazier' });
    const priya = cardText(await reply(PRIYA, 'help'));
    assert.match(priya, /my approvals\nextensions, refusals and reports waiting for your decision/);
    assert.match(priya, /Awaiting my decision \(1\)/);
    const sam = cardText(await reply(SAM, 'help'));
    assert.doesNotMatch(sam, /my approvals|Awaiting my decision/);
  });

  it('"my approvals" lists the extension waiting, and its button opens the decision card', async () => {
    const text = cardText(await reply(PRIYA, 'my approvals'));
    assert.match(text, /Awaiting my decision\n1 waiting/);
    assert.match(text, /HC-2026-00001 · Robin Example\nExtension of 3 working days asked for by Alex Morgan on Mon 23 Nov 2026: Waiting for the glazier/);
    const decision = await press(PRIYA, 'case.extension.form');
    assert.match(cardText(decision.body.value), /Extension request: HC-2026-00001/);
    assert.match(cardText(await reply(ALEX, 'my approvals')), /Nothing is waiting for your decision/);
  });

  it('someone who is not the handler\'s manager cannot reassign; the manager can, with a reason, and both officers hear', async () => {
    const refused = await press(SAM, 'case.reassign', { channel: 'taylor.reed', text: 'Leave' });
    assert.match(cardText(refused.body.value), /Not yours to see/);
    const noReason = await press(PRIYA, 'case.reassign', { channel: 'taylor.reed', text: '' });
    assert.match(cardText(noReason.body.value), /The reason is required/);
    const before = bot.connector.sent.length;
    const moved = await press(PRIYA, 'case.reassign', { channel: 'taylor.reed', text: 'Alex is on leave until 14 December' });
    assert.match(cardText(moved.body.value), /Reassigned to Taylor Reed\. Taylor Reed was sent the case\. Alex Morgan was told\./);
    const record = await stored();
    assert.equal(record.responsibleOfficerId, 'taylor.reed');
    assert.equal(record.events.at(-1)!.why, 'Taylor Reed, reassigned by Priya Shah: Alex is on leave until 14 December');
    await bot.connector.waitFor(before + 2);
    const sentTo = bot.connector.sent.slice(before).map((s) => s.conversationId).sort();
    assert.deepEqual(sentTo, [`personal-${ALEX.aadObjectId}`, `personal-${TAYLOR.aadObjectId}`].sort());
  });
});
