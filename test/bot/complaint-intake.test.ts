import { strict as assert } from 'node:assert';
import { ACK_SENT, actionData, ALEX, cardText, input, SAM } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, startTestBot, type TestBot } from '../support/test-app';

// The whole intake as a housing officer does it in Teams, through the real adapter over HTTP:
// welcome, "new complaint", three card steps with Back, submit, confirmation, the officer's card.
describe('complaint intake through the bot (real adapter, real HTTP)', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  let intakeId = '';
  let caseId = '';
  let version = '';

  it('welcomes a user who installs the app, once, with the main actions', async () => {
    await bot.driver.install(ALEX);
    await bot.driver.install(ALEX);
    await bot.connector.waitFor(1);
    assert.equal(bot.connector.sent.length, 1);
    const text = cardText(bot.connector.cards()[0]);
    assert.match(text, /Hello Alex/);
    assert.match(text, /Housing Ombudsman Complaint Handling Code 2024/);
    assert.match(text, /New complaint/);
  });

  it('"new complaint" starts the form at step 1 of 3', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'New complaint');
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1);
    assert.match(cardText(card), /step 1 of 3: the complainant/);
    assert.deepEqual((input(card, 'estate')?.choices as Array<{ value: string }>).map((c) => c.value), ['Riverside', 'Northgate', 'Hillside']);
    intakeId = String(actionData(card, 'intake.next').intakeId);
    assert.ok(intakeId.length > 10);
  });

  it('an incomplete step comes back with the problem next to the field and what was typed kept', async () => {
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, complainantName: '', contactEmail: 'not-an-email' });
    assert.equal(res.status, 200);
    const text = cardText(res.body.value);
    assert.match(text, /step 1 of 3/);
    assert.match(text, /Name is required/);
    assert.match(text, /Enter a valid email address/);
    assert.equal(input(res.body.value, 'address')?.value, COMPLAINANT.address);
    assert.equal(input(res.body.value, 'contactEmail')?.value, 'not-an-email');
  });

  it('goes on to step 2, and Back returns to step 1 with the answers kept', async () => {
    const next = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    assert.match(cardText(next.body.value), /step 2 of 3: the complaint/);
    assert.equal(input(next.body.value, 'receivedOn')?.value, '2026-11-23', 'date received defaults to today');
    const back = await bot.driver.execute(ALEX, 'intake.back', { intakeId, step: 'complaint', channel: 'phone' });
    assert.match(cardText(back.body.value), /step 1 of 3/);
    assert.equal(input(back.body.value, 'complainantName')?.value, 'Robin Example');
    const again = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    assert.equal(input(again.body.value, 'channel')?.value, 'phone', 'what was typed on step 2 before Back is kept');
  });

  it('shows everything for review before submitting', async () => {
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    const text = cardText(res.body.value);
    assert.match(text, /step 3 of 3: check and submit/);
    assert.match(text, /Robin Example/);
    assert.match(text, /Mon 23 Nov 2026 by phone/);
    assert.match(text, /reported window repair has not been done/);
  });

  it('submits: the confirmation shows the reference, stage, handler and due dates, and the officer gets the case', async () => {
    const before = bot.connector.sent.length;
    const res = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    const text = cardText(res.body.value);
    assert.match(text, /Complaint logged: HC-2026-00001/);
    assert.match(text, /Stage 1/);
    assert.match(text, /Alex Morgan \(AHM\)/);
    // Received Mon 23 Nov: acknowledgement due 5 working days later.
    assert.match(text, /Stage 1 acknowledgement\nMon 30 Nov 2026\n5 working days left/);
    assert.match(text, /You are the handler and have been sent the case to acknowledge/);

    await bot.connector.waitFor(before + 1);
    const proactive = bot.connector.sent.at(-1)!;
    // continueConversationAsync posts under a fresh continuation id, never a reply to the user's activity.
    assert.ok(!proactive.replyToId?.startsWith('act-'), 'a new proactive message, not a reply');
    assert.equal(proactive.conversationId, `personal-${ALEX.aadObjectId}`);
    const card = proactive.activity.attachments![0]!.content;
    assert.match(cardText(card), /New complaint for you: HC-2026-00001/);
    const ack = actionData(card, 'case.acknowledge');
    caseId = String(ack.caseId);
    version = String(ack.version);
  });

  it('stores the case with its history, derived deadlines and the assignment', async () => {
    const stored = await bot.stores.cases.getCaseByReference('HC-2026-00001');
    assert.ok(stored);
    assert.equal(stored.id, caseId);
    assert.equal(stored.responsibleOfficerId, 'alex.morgan');
    assert.equal(stored.state, 'awaiting-acknowledgement');
    assert.equal(stored.estate, 'Riverside');
    // Intake recorded a vulnerability and an adjustment: they are to be reviewed 10 working days on (the policy's default).
    assert.deepEqual(stored.deadlines.map((d) => [d.kind, d.due, d.metOn]), [['acknowledge', '2026-11-30', null], ['adjustments-review', '2026-12-07', null]]);
    assert.deepEqual(stored.events.map((e) => [e.type, e.on, e.by]), [
      ['received', '2026-11-23', 'alex.morgan'], ['assigned', '2026-11-23', 'alex.morgan'], ['adjustments-recorded', '2026-11-23', 'alex.morgan'],
    ]);
    assert.match(stored.events[1]!.why ?? '', /Alex Morgan: AHM for Riverside handles stage 1/);
  });

  it('a second press of Submit creates nothing new and says so', async () => {
    const res = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(res.body.value), /already submitted as HC-2026-00001; nothing new was created/);
    assert.equal((await bot.stores.cases.openCasesByOfficer('alex.morgan')).length, 1);
  });

  it('only the responsible officer can acknowledge; the card is refused for anyone else', async () => {
    await bot.driver.say(SAM, 'help');
    const res = await bot.driver.execute(SAM, 'case.acknowledge', { caseId, version, ...ACK_SENT });
    // Sam has no part in this case: he is told nothing about it (issue 18), let alone allowed to act.
    assert.match(cardText(res.body.value), /Not yours to see/);
    assert.equal((await bot.stores.cases.getCase(caseId))?.state, 'awaiting-acknowledgement');
  });

  it('the officer acknowledges from the card; the response deadline starts (10 working days)', async () => {
    const res = await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version, ...ACK_SENT });
    const text = cardText(res.body.value);
    assert.match(text, /HC-2026-00001: under investigation/);
    assert.match(text, /Stage 1 acknowledgement\nMon 30 Nov 2026\nmet Mon 23 Nov 2026/);
    assert.match(text, /Stage 1 response\nMon 7 Dec 2026\n10 working days left/);
  });

  it('a second press on the old card acts once only and shows the case as it is now', async () => {
    const res = await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version, ...ACK_SENT });
    assert.match(cardText(res.body.value), /This case has changed since this card was shown/);
    const stored = await bot.stores.cases.getCase(caseId);
    assert.equal(stored?.events.filter((e) => e.type === 'acknowledged').length, 1);
  });

  it('"my cases" lists the officer\'s open cases with the next deadline and working days left', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'my cases');
    await bot.connector.waitFor(before + 1);
    const text = cardText(bot.connector.cards().at(-1));
    assert.match(text, /HC-2026-00001 · Robin Example/);
    assert.match(text, /Stage 1 response due Mon 7 Dec 2026/);
    assert.match(text, /10 working days left/);
  });

  it('"case <reference>" shows the case with its history, newest first', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'case hc-2026-00001');
    await bot.connector.waitFor(before + 1);
    const text = cardText(bot.connector.cards().at(-1));
    assert.match(text, /Acknowledged[\s\S]*Assigned[\s\S]*Complaint received/);
    assert.match(text, /by Alex Morgan/);
  });

  it('unknown text gets the help card, not silence', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'what can you do?');
    await bot.connector.waitFor(before + 1);
    assert.match(cardText(bot.connector.cards().at(-1)), /What I can do[\s\S]*new complaint[\s\S]*my cases/);
  });
});
