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
