import { strict as assert } from 'node:assert';
import { actionData, ALEX, cardText, input } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, startTestBot, type TestBot } from '../support/test-app';

/** Starts a form as `ALEX` and returns its id. */
async function startForm(bot: TestBot): Promise<string> {
  const before = bot.connector.sent.length;
  await bot.driver.say(ALEX, 'new complaint');
  await bot.connector.waitFor(before + 1);
  return String(actionData(bot.connector.cards().at(-1), 'intake.next').intakeId);
}

// The front door of a complaint (issue 19), through the real adapter over HTTP.
describe('the front door: an MP, councillor or designated person contacting for the resident', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  it('the section is hidden behind its button until it is used, and opens when something in it is wrong', async () => {
    const intakeId = await startForm(bot);
    const first = bot.connector.cards().at(-1);
    const section = JSON.stringify(first).includes('"isVisible":false');
    assert.ok(section, 'the MP and representative section starts hidden');
    assert.match(JSON.stringify(first), /Action.ToggleVisibility/);
    const res = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, onBehalfRole: 'mp', onBehalfName: 'Jo Member MP', onBehalfConsent: 'false' });
    const text = cardText(res.body.value);
    assert.match(text, /step 1 of 3/);
    assert.match(text, /only with the resident's consent/);
    assert.equal(input(res.body.value, 'onBehalfName')?.value, 'Jo Member MP');
    assert.doesNotMatch(JSON.stringify(res.body.value), /"isVisible":false/, 'the section is open, showing the problem');
  });

  it('with the resident\'s consent it is stored on the case and shown on the case card', async () => {
    const intakeId = await startForm(bot);
    await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, onBehalfRole: 'councillor', onBehalfName: 'Cllr Ash Invented', onBehalfConsent: 'true' });
    const review = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    assert.match(cardText(review.body.value), /Contact made by\nA councillor: Cllr Ash Invented \(resident's consent: Yes\)/);
    const done = await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    const caseId = String(actionData(done.body.value, 'case.view').caseId);
    const stored = await bot.stores.cases.getCase(caseId);
    assert.equal(stored?.details.complainant.onBehalfRole, 'councillor');
    assert.equal(stored?.details.complainant.onBehalfName, 'Cllr Ash Invented');
    assert.equal(stored?.details.complainant.onBehalfConsent, true);
    const card = await bot.driver.execute(ALEX, 'case.view', { caseId, refresh: true });
    const text = cardText(card.body.value);
    assert.match(text, /Contact made by\nA councillor, for the resident \(resident's consent recorded\)/, 'without the name, among the complaint\'s facts');
    assert.match(text, /Contact made by\nA councillor: Cllr Ash Invented, for the resident/, 'named among the complainant\'s details, for those who act on it');
  });
});

describe('the front door: "Log dissatisfaction" asks "do you want to make a complaint?"', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  const openCard = async (how: 'typed' | 'button'): Promise<Record<string, unknown>> => {
    const before = bot.connector.sent.length;
    if (how === 'typed') await bot.driver.say(ALEX, 'log dissatisfaction');
    else await bot.driver.execute(ALEX, 'dissatisfaction.start', {});
    await bot.connector.waitFor(before + 1);
    return bot.connector.cards().at(-1) as Record<string, unknown>;
  };

  it('is offered beside "New complaint" on the welcome card, as a button and a command', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'help');
    await bot.connector.waitFor(before + 1);
    const help = bot.connector.cards().at(-1);
    assert.match(cardText(help), /log dissatisfaction/);
    assert.deepEqual(actionData(help, 'dissatisfaction.start'), {});
    const card = await openCard('button');
    assert.match(cardText(card), /Log dissatisfaction[\s\S]*Do you want to make a complaint\?/);
    assert.match(cardText(card), /No name, address or contact details: this record is counted, not a case file\./, 'the summary is not a place for the resident\'s details');
    assert.equal(input(card, 'receivedOn')?.value, '2026-11-23');
  });

  it('yes opens the complaint form with what was typed already filled in', async () => {
    const card = await openCard('typed');
    const recordId = String(actionData(card, 'dissatisfaction.complaint').recordId);
    const res = await bot.driver.execute(ALEX, 'dissatisfaction.complaint', { recordId, summary: 'The lift has been broken for a month and nobody came.', receivedOn: '2026-11-20', channel: 'email' });
    assert.match(cardText(res.body.value), /step 1 of 3: the complainant/);
    const intakeId = String(actionData(res.body.value, 'intake.next').intakeId);
    const step2 = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    assert.match(cardText(step2.body.value), /step 2 of 3/);
    assert.equal(input(step2.body.value, 'description')?.value, 'The lift has been broken for a month and nobody came.');
    assert.equal(input(step2.body.value, 'receivedOn')?.value, '2026-11-20');
    assert.equal(input(step2.body.value, 'channel')?.value, 'email');
    assert.deepEqual(await bot.stores.dissatisfaction.receivedBetween('2026-01-01', '2026-12-31'), [], 'a complaint is not also dissatisfaction');
  });

  it('no needs what it was and why, and says so under the field', async () => {
    const card = await openCard('typed');
    const recordId = String(actionData(card, 'dissatisfaction.record').recordId);
    const res = await bot.driver.execute(ALEX, 'dissatisfaction.record', { recordId, summary: 'Grass not cut', receivedOn: '2026-11-23', channel: 'phone', kind: 'service-request', reason: 'other', reasonNote: '' });
    assert.match(cardText(res.body.value), /Say why it is not a complaint/);
    assert.equal(input(res.body.value, 'summary')?.value, 'Grass not cut');
    assert.doesNotMatch(JSON.stringify(res.body.value), /"isVisible":false/, 'the "no" section stays open');
    assert.deepEqual(await bot.stores.dissatisfaction.receivedBetween('2026-01-01', '2026-12-31'), []);
  });

  it('no records a service request with the reason, once, and the report counts it', async () => {
    const card = await openCard('typed');
    const recordId = String(actionData(card, 'dissatisfaction.record').recordId);
    const answer = { recordId, summary: 'Communal light out on the stairs', receivedOn: '2026-11-23', channel: 'phone', kind: 'service-request', reason: 'service-request-raised', reasonNote: 'Repair job raised' };
    const res = await bot.driver.execute(ALEX, 'dissatisfaction.record', answer);
    assert.match(cardText(res.body.value), /Recorded: not a complaint[\s\S]*A service request, not a complaint: Service request raised \(Repair job raised\)/);
    const again = await bot.driver.execute(ALEX, 'dissatisfaction.record', answer);
    assert.match(cardText(again.body.value), /Already recorded/);
    const stored = await bot.stores.dissatisfaction.receivedBetween('2026-11-01', '2026-11-30');
    assert.deepEqual(stored.map((r) => [r.kind, r.reason, r.channel, r.recordedBy]), [['service-request', 'service-request-raised', 'phone', 'alex.morgan']]);
    assert.equal((await bot.stores.cases.casesReceivedBetween('2026-01-01', '2026-12-31')).length, 0, 'no case was made');

    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'report 2026-11');
    await bot.connector.waitFor(before + 1);
    const report = bot.connector.cards().find((c) => /Complaints report/.test(cardText(c)));
    assert.match(cardText(report), /Dissatisfaction not taken as a complaint\n1 \(1 service request, 0 expressions of dissatisfaction\)/);
  });
});
