import { strict as assert } from 'node:assert';
import { buildCore } from '../../src/core';
import { seedDemoStory, type StorySeed, type StorySeeded } from '../../src/dev/demo-story';
import { ALEX, actionData, cardText, PRIYA, type TeamsUser } from '../support/bot-driver';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { MONDAY_23_NOV, startTestBot, testConfig, type TestBot } from '../support/test-app';

/**
 * `npm run dev`'s demo story, seen as each person of the README's walk-through sees it: the
 * story is seeded into an empty store on Monday 23 November 2026, then the real bot is asked
 * what each person types in their own chat.
 */
const MORGAN: TeamsUser = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' };

async function seed(dataDir: string): Promise<StorySeed> {
  const core = await buildCore(testConfig(dataDir), { now: () => MONDAY_23_NOV });
  try {
    return await seedDemoStory(core.stores.cases, core.ctx);
  } finally {
    await core.close();
  }
}

describe('dev: the demo story', function () {
  this.timeout(60_000);
  let dataDir: string;
  let story: StorySeeded;
  let bot: TestBot;

  before(async () => {
    dataDir = makeTempDir('story');
    const seeded = await seed(dataDir);
    assert.ok(seeded.seeded, `the story was not seeded: ${seeded.seeded ? '' : seeded.why}`);
    story = seeded;
    bot = await startTestBot({ dataDir });
  });

  after(async () => {
    await bot?.stop();
    removeTempDir(dataDir);
  });

  /** What the person sees after typing `text`: the bot's reply, as text, and the card. */
  async function ask(user: TeamsUser, text: string): Promise<{ text: string; card: unknown }> {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, text);
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1);
    return { text: cardText(card), card };
  }

  it('the officer has a new complaint to acknowledge, due the next working day', async () => {
    assert.equal(story.reminderDue, '2026-11-24');
    const mine = await ask(ALEX, 'my cases');
    assert.match(mine.text, new RegExp(`${story.awaitingAcknowledgement} · Jordan Example\\nStage 1 · awaiting acknowledgement · Stage 1 acknowledgement due Tue 24 Nov 2026`));
    const opened = await ask(ALEX, `case ${story.awaitingAcknowledgement}`);
    assert.ok(actionData(opened.card, 'case.acknowledge.form'));
  });

  it('the next reminder sweep reminds the officer of it, and of nothing else in the story', async () => {
    const before = bot.connector.sent.length;
    await bot.app.runReminders();
    const sent = bot.connector.cards().slice(before).map(cardText);
    assert.equal(sent.length, 1, sent.join('\n----\n'));
    assert.match(sent[0] ?? '', new RegExp(`^${story.awaitingAcknowledgement}: Stage 1 acknowledgement due in 1 working day\\nJordan Example`));
  });

  it('the manager has the officer\'s extension request waiting for a decision', async () => {
    const approvals = await ask(PRIYA, 'my approvals');
    assert.match(approvals.text, /1 waiting/);
    assert.match(approvals.text, new RegExp(`${story.extensionPending} · Kit Brannagh\\nExtension of 5 working days asked for by Alex Morgan on Fri 20 Nov 2026`));
    assert.ok(actionData(approvals.card, 'case.extension.form'));
  });

  it('the AD has the escalation to stage 2 to acknowledge, with stage 1\'s response on the case', async () => {
    const mine = await ask(PRIYA, 'my cases');
    assert.match(mine.text, new RegExp(`${story.escalated} · Rowan Estcourt\\nStage 2 · awaiting acknowledgement · Stage 2 acknowledgement due Thu 26 Nov 2026`));
    const opened = await ask(PRIYA, `case ${story.escalated}`);
    assert.match(opened.text, /Handler\nPriya Shah \(AD\)/);
    assert.match(opened.text, /Stage 1 response, Fri 16 Oct 2026: Not upheld/);
    assert.match(opened.text, /Escalation requested/);
    assert.ok(actionData(opened.card, 'case.acknowledge.form'));
  });

  it('the PIM\'s log lists the open cases, and the report counts the closed ones: late, extended and through stage 2', async () => {
    const log = await ask(MORGAN, 'log');
    assert.match(log.text, /all open cases · 4 open/);
    for (const reference of [story.awaitingAcknowledgement, story.extensionPending, story.escalated, ...story.open]) assert.match(log.text, new RegExp(reference));
    assert.equal(story.closed.length, 6);

    const report = await ask(MORGAN, `report ${story.period.from}..${story.period.to}`);
    assert.match(report.text, /Complaints received\n10\n/);
    assert.match(report.text, /Stage 1 responded in time\n85.7% \(6 of 7\)/);
    assert.match(report.text, /Stage 2 responded in time\n100% \(1 of 1\)/);
    assert.match(report.text, /Extensions\nstage 1: 1, stage 2: 0/);
    assert.match(report.text, /Escalated to stage 2\n28.6% \(2 of 7\)/);
  });

  it('seeds nothing into a store that already has cases', async () => {
    const before = await bot.stores.cases.countCases();
    const again = await seed(dataDir);
    assert.deepEqual(again, { seeded: false, why: 'the store already has cases' });
    assert.equal(await bot.stores.cases.countCases(), before);
  });
});
