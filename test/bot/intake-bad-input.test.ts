import { strict as assert } from 'node:assert';
import { ALEX, actionData, BotDriver, cardText, SAM, STRANGER, input } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, startTestBot, type TestBot } from '../support/test-app';

/** Starts a form and fills step 1; returns the intake id (the form is then at step 2). */
async function startAtStep2(bot: TestBot): Promise<string> {
  const before = bot.connector.sent.length;
  await bot.driver.say(ALEX, 'new complaint');
  await bot.connector.waitFor(before + 1);
  const intakeId = String(actionData(bot.connector.cards().at(-1), 'intake.next').intakeId);
  const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
  assert.match(cardText(res.body.value), /step 2 of 3/);
  return intakeId;
}

describe('intake: bad input gets a clear message and stores nothing partial', function () {
  this.timeout(30_000);
  let bot: TestBot;
  beforeEach(async () => { bot = await startTestBot(); });
  afterEach(async () => { await bot.stop(); });

  const stored = async () => (await bot.stores.cases.openCasesByOfficer('alex.morgan')).length;

  it('rejects empty, oversized, malformed and future values, next to each field', async () => {
    const intakeId = await startAtStep2(bot);
    const res = await bot.driver.execute(ALEX, 'intake.next', {
      intakeId, step: 'complaint', ...COMPLAINT,
      description: 'x'.repeat(4001), complaintDefinition: '   ', receivedOn: '2026-13-45', issueOccurredOn: '2026-12-01',
    });
    const text = cardText(res.body.value);
    assert.match(text, /Description must be at most 4000 characters/);
    assert.match(text, /Complaint definition is required/);
    assert.match(text, /Date received must be a date/);
    assert.match(text, /Date the issue occurred cannot be in the future/);
    assert.equal(input(res.body.value, 'outcomeSought')?.value, COMPLAINT.outcomeSought, 'valid answers are kept');
    assert.equal(await stored(), 0);
  });

  it('a two-digit year typed into a date (0026-11-20) is refused, not taken as 1926', async () => {
    const intakeId = await startAtStep2(bot);
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn: '0026-11-20' });
    assert.match(cardText(res.body.value), /Date received must be a date/);
    assert.equal(await stored(), 0);
  });

  it('a complaint older than the policy\'s time limit is not refused silently: it asks for a reason', async () => {
    const intakeId = await startAtStep2(bot);
    const late = { intakeId, step: 'complaint', ...COMPLAINT, issueOccurredOn: '2025-10-01' };
    const res = await bot.driver.execute(ALEX, 'intake.next', late);
    const text = cardText(res.body.value);
    assert.match(text, /more than 12 months before the complaint \(the policy's limit was 2026-10-01\)/);
    assert.match(text, /step 2 of 3/);
    assert.ok(input(res.body.value, 'lateAcceptanceReason'), 'the reason field is offered');

    // Recorded as refused, with the reason.
    await bot.driver.execute(ALEX, 'intake.next', { ...late, refuseReason: 'Already considered under complaint HC-2025-00031' });
    const done = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(done.body.value), /Complaint logged: HC-2026-00001[\s\S]*refused[\s\S]*Recorded as a refused complaint/);
    const record = await bot.stores.cases.getCaseByReference('HC-2026-00001');
    assert.equal(record?.state, 'refused');
    assert.equal(record?.events[0]?.why, 'Already considered under complaint HC-2025-00031');
  });

  it('a late complaint accepted with a reason is logged normally', async () => {
    const intakeId = await startAtStep2(bot);
    await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, issueOccurredOn: '2025-10-01', lateAcceptanceReason: 'Resident was in hospital for months' });
    const done = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(done.body.value), /Complaint logged: HC-2026-00001/);
    assert.equal((await bot.stores.cases.getCaseByReference('HC-2026-00001'))?.state, 'awaiting-acknowledgement');
  });

  it('two submits at the same moment create one case', async () => {
    const intakeId = await startAtStep2(bot);
    await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    const [a, b] = await Promise.all([
      bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' }),
      bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' }),
    ]);
    const texts = [cardText(a.body.value), cardText(b.body.value)];
    assert.equal(texts.filter((t) => /Complaint logged: HC-2026-00001/.test(t) && !/already submitted/.test(t)).length, 1, texts.join('\n----\n'));
    assert.equal(await stored(), 1);
  });

  it('a card pressed after Cancel is refused and nothing is saved', async () => {
    const intakeId = await startAtStep2(bot);
    const cancelled = await bot.driver.execute(ALEX, 'intake.cancel', { intakeId, step: 'complaint' });
    assert.match(cardText(cancelled.body.value), /Complaint cancelled[\s\S]*Nothing was saved/);
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    assert.match(cardText(res.body.value), /This complaint was cancelled/);
    const submit = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(submit.body.value), /This complaint was cancelled/);
    assert.equal(await stored(), 0);
  });

  it('an out-of-date card changes nothing and shows where the form is', async () => {
    const intakeId = await startAtStep2(bot);
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, complainantName: 'Changed Name' });
    assert.match(cardText(res.body.value), /step 2 of 3[\s\S]*That card was out of date, so nothing was changed/);
  });

  it('someone else\'s form id, a forged verb, or random JSON get a refusal', async () => {
    const intakeId = await startAtStep2(bot);
    await bot.driver.say(SAM, 'hello');
    const forged = await bot.driver.execute(SAM, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    assert.match(cardText(forged.body.value), /This form is not available/);

    const badVerb = await bot.driver.rawInvoke(ALEX, { action: { type: 'Action.Execute', verb: 'case.delete', data: { caseId: 'x' } } });
    assert.match(cardText(badVerb.body.value), /That action was not understood/);
    const junk = await bot.driver.rawInvoke(ALEX, { action: { type: 'Action.Execute', verb: 'intake.next', data: [1, 2, 3] } });
    assert.match(cardText(junk.body.value), /That action was not understood/);

    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, '', { anything: { nested: true }, verb: 12 });
    await bot.connector.waitFor(before + 1);
    assert.match(cardText(bot.connector.cards().at(-1)), /That action was not understood[\s\S]*nothing was changed/);
    assert.equal(await stored(), 0);
  });

  it('someone not in the directory is told so and can do nothing', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(STRANGER, 'new complaint');
    await bot.connector.waitFor(before + 1);
    assert.match(cardText(bot.connector.cards().at(-1)), /You are not in the complaints directory/);
    const res = await bot.driver.execute(STRANGER, 'intake.start', {});
    assert.match(cardText(res.body.value), /You are not in the complaints directory/);
  });

  it('activities from another tenant are refused', async () => {
    const foreign = new BotDriver(bot.app.url, bot.connector, 'some-other-tenant');
    const before = bot.connector.sent.length;
    await foreign.say(ALEX, 'new complaint');
    const invoke = await foreign.execute(ALEX, 'intake.start', {});
    assert.equal(invoke.status, 403);
    // No wait needed: the adapter answers each request once its turn is over, and the bot
    // sends nothing outside a turn, so whatever those two turns sent has already arrived.
    assert.equal(bot.connector.sent.length, before, 'nothing is sent to another tenant');
  });
});

describe('intake survives a restart of the bot mid-way', function () {
  this.timeout(30_000);

  it('finishes a complaint begun before the restart', async () => {
    const first = await startTestBot();
    const intakeId = await startAtStep2(first);
    await first.stop();

    const second = await startTestBot({ dataDir: first.dataDir });
    try {
      const review = await second.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
      assert.match(cardText(review.body.value), /step 3 of 3[\s\S]*Robin Example/);
      const done = await second.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
      assert.match(cardText(done.body.value), /Complaint logged: HC-2026-00001/);
    } finally {
      await second.stop();
    }
  });
});

describe('Bot Framework authentication', function () {
  this.timeout(30_000);

  it('with a bot app id, a request without a valid token gets 401 and is not processed', async () => {
    const bot = await startTestBot({ config: { bot: { appId: '11111111-2222-4333-8444-555555555555', appType: 'SingleTenant', tenantId: 'tenant-demo-0001', password: 'not-a-real-secret' } } });
    try {
      const res = await bot.driver.say(ALEX, 'new complaint');
      assert.equal(res.status, 401);
      const forged = await bot.driver.post({ type: 'message', text: 'hi' }, { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' });
      assert.equal(forged.status, 401);
      assert.equal(bot.connector.sent.length, 0);
    } finally {
      await bot.stop();
    }
  });
});
