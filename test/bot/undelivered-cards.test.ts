import { strict as assert } from 'node:assert';
import pino from 'pino';
import { ALEX, CASEY, PRIYA, TENANT, actionData, cardText, type TeamsUser } from '../support/bot-driver';
import type { SentActivity } from '../support/fake-connector';
import { COMPLAINANT, COMPLAINT, logComplaint, startTestBot, type TestBot } from '../support/test-app';

/**
 * When Teams does not deliver a card to someone (issue 21): the person who acted is told what
 * actually happened, the card is kept and arrives, once, when the person next talks to the
 * bot, the case's history says it could not be delivered, and a 404 is not an error in the
 * log. The real adapter over HTTP, with the fake Bot Connector refusing a conversation as
 * Teams (or the Agents Playground) does.
 */
const chat = (user: TeamsUser) => `personal-${user.aadObjectId}`;
/** What the acknowledgement form asks: when and how it went to the resident. */
const ACK_SENT = { on: '2026-11-23', channel: 'email' };

interface LogLine { level: number; msg: string; status?: number; [k: string]: unknown }

async function startWithLog(): Promise<{ bot: TestBot; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => { logs.push(JSON.parse(line) as LogLine); } });
  return { bot: await startTestBot({ app: { logger } }), logs };
}

const errorsIn = (logs: LogLine[]) => logs.filter((l) => l.level >= 50).map((l) => l.msg);
const systemNotes = async (bot: TestBot, caseId: string) =>
  (await bot.stores.cases.getCase(caseId))!.events.filter((e) => e.type === 'note' && e.by === 'system').map((e) => e.why ?? '');
const sentTo = (bot: TestBot, user: TeamsUser, from = 0): SentActivity[] => bot.connector.sent.slice(from).filter((s) => s.conversationId === chat(user));

/** Logs a Riverside complaint (Alex Morgan handles it) as `user`; returns the case and the confirmation's text. */
async function logAs(bot: TestBot, user: TeamsUser): Promise<{ caseId: string; confirmation: string }> {
  const before = bot.connector.sent.length;
  await bot.driver.say(user, 'new complaint');
  await bot.connector.waitFor(before + 1);
  const intakeId = String(actionData(bot.connector.cards().at(-1), 'intake.next').intakeId);
  await bot.driver.execute(user, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
  await bot.driver.execute(user, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
  const done = await bot.driver.execute(user, 'intake.submit', { intakeId, step: 'review' });
  return { caseId: String(actionData(done.body.value, 'case.view').caseId), confirmation: cardText(done.body.value) };
}

describe('a card Teams does not deliver: told truly, kept, sent again once', function () {
  this.timeout(60_000);

  it('404 (the conversation no longer exists): the actor is told so; the history notes it; the card arrives when the person next messages the bot, once, and works', async () => {
    const { bot, logs } = await startWithLog();
    try {
      for (const user of [ALEX, PRIYA, CASEY]) await bot.driver.say(user, 'help');
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });

      bot.connector.refuse(chat(PRIYA), 404);
      const before = bot.connector.sent.length;
      const res = await bot.driver.execute(ALEX, 'case.extend', { caseId, version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor\'s report' });
      const text = cardText(res.body.value);
      assert.match(text, /Extension requested\. Casey Quinn was asked to decide\. Priya Shah could not be reached in Teams \(the conversation no longer exists\): please tell them; the card will be sent again when they next open the complaints bot\./);
      assert.doesNotMatch(text, /not opened/);
      assert.equal(sentTo(bot, CASEY, before).length, 1, 'Casey got the request');
      assert.deepEqual(bot.connector.refused, [{ conversationId: chat(PRIYA), status: 404 }], 'one try: a 404 is not retried in the turn');

      // The history says so; the stale reference is forgotten; a 404 is a warning, not an error.
      const notes = await systemNotes(bot, caseId);
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, /^The card "Extension request HC-2026-00001" for Priya Shah \(Mon 23 Nov 2026 at 10:00\) could not be delivered in Teams: the conversation no longer exists \(404\)\. It is kept, and it will be sent again when they next open the complaints bot\.$/);
      assert.equal(await bot.stores.conversationRefs.getConversationRef(PRIYA.aadObjectId), undefined);
      assert.deepEqual(errorsIn(logs), []);
      const warning = logs.find((l) => l.level === 40 && l.status === 404);
      assert.ok(warning, 'the 404 is logged as a warning');
      assert.equal(warning.conversation, chat(PRIYA));
      assert.doesNotMatch(JSON.stringify(logs), /Robin Example|contractor's report/, 'no resident\'s or case details in the log');

      // Priya's Teams works again and she messages the bot: the kept card comes first, once.
      bot.connector.accept(chat(PRIYA));
      const mark = bot.connector.sent.length;
      await bot.driver.say(PRIYA, 'help');
      const toPriya = sentTo(bot, PRIYA, mark);
      assert.equal(toPriya.length, 2, 'the kept card, then the reply to "help"');
      assert.match(String(toPriya[0]!.activity.text), /^Sent again: this could not be delivered to you on Mon 23 Nov 2026 at 10:00\.$/);
      const card = toPriya[0]!.activity.attachments![0]!.content;
      assert.match(cardText(card), /Extension request: HC-2026-00001/);
      assert.match(cardText(toPriya[1]!.activity.attachments![0]!.content), /What I can do/);
      await bot.driver.say(PRIYA, 'my cases');
      assert.equal(sentTo(bot, PRIYA, mark).filter((s) => /Extension request/.test(cardText(s.activity.attachments?.[0]?.content))).length, 1, 'sent once');

      // Only the bot's note came since the card was made, so its buttons carry the case as it is now.
      const approved = await bot.driver.execute(PRIYA, 'case.extension.approve', actionData(card, 'case.extension.approve'));
      assert.match(cardText(approved.body.value), /Approved by you/);
      assert.equal((await systemNotes(bot, caseId)).length, 1, 'no note for the late delivery');
      assert.deepEqual(errorsIn(logs), []);
    } finally {
      await bot.stop();
    }
  });

  it('a kept card whose case has really changed since says so, and its buttons show the case as it is now', async () => {
    const { bot } = await startWithLog();
    try {
      for (const user of [ALEX, PRIYA, CASEY]) await bot.driver.say(user, 'help');
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      bot.connector.refuse(chat(PRIYA), 404);
      await bot.driver.execute(ALEX, 'case.extend', { caseId, version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Report awaited' });
      const approved = await bot.driver.execute(CASEY, 'case.extension.approve', { caseId, version: await version() });
      assert.match(cardText(approved.body.value), /Approved by you/);

      bot.connector.accept(chat(PRIYA));
      const mark = bot.connector.sent.length;
      await bot.driver.say(PRIYA, 'help');
      const kept = sentTo(bot, PRIYA, mark)[0]!;
      assert.match(String(kept.activity.text), /^Sent again: this could not be delivered to you on Mon 23 Nov 2026 at 10:00\. HC-2026-00001 has changed since, so it may be out of date: type "case HC-2026-00001" to see it as it is now\.$/);
      const late = await bot.driver.execute(PRIYA, 'case.extension.approve', actionData(kept.activity.attachments![0]!.content, 'case.extension.approve'));
      assert.match(cardText(late.body.value), /Already approved by Casey Quinn/);
    } finally {
      await bot.stop();
    }
  });

  it('two turns at once of someone with a kept card (two messages, or two instances): it is sent once', async () => {
    const { bot } = await startWithLog();
    try {
      for (const user of [ALEX, CASEY]) await bot.driver.say(user, 'help'); // Priya has never opened the bot
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      const res = await bot.driver.execute(ALEX, 'case.extend', { caseId, version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Report awaited' });
      assert.match(cardText(res.body.value), /Priya Shah could not be messaged in Teams \(they have not opened the complaints bot yet\): please tell them; the card will be sent when they first open the complaints bot\./);
      // A slow connection, so that the other turns look while the first is still sending.
      bot.connector.slow(chat(PRIYA), 300);
      await Promise.all([bot.driver.say(PRIYA, 'help'), bot.driver.say(PRIYA, 'my cases'), bot.driver.say(PRIYA, 'help')]);
      bot.connector.slow(chat(PRIYA), 0);
      await bot.driver.say(PRIYA, 'help');
      assert.equal(sentTo(bot, PRIYA).filter((s) => /Extension request/.test(cardText(s.activity.attachments?.[0]?.content))).length, 1);
    } finally {
      await bot.stop();
    }
  });

  it('403 (blocked): said as a refusal, not as "has not opened the bot"', async () => {
    const { bot, logs } = await startWithLog();
    try {
      for (const user of [ALEX, PRIYA, CASEY]) await bot.driver.say(user, 'help');
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      bot.connector.refuse(chat(PRIYA), 403);
      bot.connector.refuse(chat(CASEY), 403);
      const extend = await bot.driver.execute(ALEX, 'case.extend', { caseId, version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Report awaited' });
      assert.match(cardText(extend.body.value), /Extension requested\. Priya Shah and Casey Quinn could not be reached in Teams \(Teams refused it: they may have blocked or removed the bot\): please tell them; the card will be sent again when they next open the complaints bot\./);
      assert.equal((await systemNotes(bot, caseId)).length, 2, 'one note per person');
      assert.deepEqual(errorsIn(logs), []);
    } finally {
      await bot.stop();
    }
  });

  it('someone who never opened the bot: said so, and the new complaint reaches them when they install it', async () => {
    const { bot, logs } = await startWithLog();
    try {
      // Priya logs a Riverside complaint; Alex handles it but has never opened the bot.
      const { caseId, confirmation } = await logAs(bot, PRIYA);
      assert.match(confirmation, /The case is saved\. Alex Morgan could not be messaged in Teams \(they have not opened the complaints bot yet\): please tell them about HC-2026-00001; the card will be sent when they first open the complaints bot\./);
      const notes = await systemNotes(bot, caseId);
      assert.deepEqual(notes, ['The card "New complaint HC-2026-00001" for Alex Morgan (Mon 23 Nov 2026 at 10:00) could not be delivered in Teams: they have not opened the complaints bot yet. It is kept, and it will be sent when they first open the complaints bot.']);

      // Teams installs the app for Alex: the installationUpdate stores his conversation, and the case follows.
      const mark = bot.connector.sent.length;
      await bot.driver.post({
        type: 'installationUpdate', action: 'add', channelId: 'msteams', serviceUrl: bot.connector.url, id: 'install-alex',
        from: { id: `29:${ALEX.aadObjectId}`, name: ALEX.name, aadObjectId: ALEX.aadObjectId }, recipient: { id: '28:complaints-bot', name: 'Complaints' },
        conversation: { id: chat(ALEX), conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } },
        timestamp: new Date().toISOString(),
      });
      const toAlex = sentTo(bot, ALEX, mark);
      assert.equal(toAlex.length, 2, 'the kept case, then the welcome');
      const card = toAlex[0]!.activity.attachments![0]!.content;
      assert.match(cardText(card), /New complaint for you: HC-2026-00001/);
      const ack = await bot.driver.execute(ALEX, 'case.acknowledge', { ...actionData(card, 'case.acknowledge'), ...ACK_SENT });
      assert.match(cardText(ack.body.value), /under investigation/, 'the late card\'s Acknowledge works');
      assert.deepEqual(errorsIn(logs), []);
    } finally {
      await bot.stop();
    }
  });

  it('the confirmation names the true reason when the new handler cannot be reached', async () => {
    const { bot } = await startWithLog();
    try {
      await bot.driver.say(ALEX, 'help');
      bot.connector.refuse(chat(ALEX), 404);
      // Alex's chat is gone; Priya logs the complaint.
      const { confirmation } = await logAs(bot, PRIYA);
      assert.match(confirmation, /The case is saved\. Alex Morgan could not be reached in Teams \(the conversation no longer exists\): please tell them about HC-2026-00001; the card will be sent again when they next open the complaints bot\./);
    } finally {
      await bot.stop();
    }
  });

  it('a reply into a conversation that answers 404 is a warning, and no apology is sent into it', async () => {
    const { bot, logs } = await startWithLog();
    try {
      await bot.driver.say(ALEX, 'help');
      bot.connector.refuse(chat(ALEX), 404);
      await bot.driver.say(ALEX, 'my cases');
      assert.deepEqual(bot.connector.refused.map((r) => r.conversationId), [chat(ALEX)], 'the reply only: no "Sorry, something went wrong" after it');
      assert.deepEqual(errorsIn(logs), []);
      const warning = logs.find((l) => l.msg === 'Teams did not take the reply to a turn');
      assert.equal(warning?.status, 404);
      assert.equal(warning?.conversation, chat(ALEX));
    } finally {
      await bot.stop();
    }
  });
});
