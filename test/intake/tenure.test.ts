import { strict as assert } from 'node:assert';
import { complainantSchema, parseStep } from '../../src/intake/intake-fields';
import { actionData, ALEX, cardText, input } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, startTestBot, type TestBot } from '../support/test-app';

// The resident's tenure decides which Tenant Satisfaction Measures group a complaint counts in
// (LCRA or LCHO), so intake asks for it and the case keeps it as chosen.
describe('intake records the resident\'s tenure', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  it('offers the tenures on step 1, shows the choice for review, and keeps it on the case', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'New complaint');
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1);
    const tenure = input(card, 'tenure');
    assert.equal(tenure?.label, 'The resident\'s tenure');
    assert.deepEqual((tenure?.choices as Array<{ title: string }>).map((c) => c.title),
      ['Social or affordable rent', 'Shared ownership', 'Leaseholder', 'Other', 'Not known']);
    const intakeId = String(actionData(card, 'intake.next').intakeId);

    await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, tenure: 'shared-ownership' });
    const review = await bot.driver.execute(ALEX, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
    assert.match(cardText(review.body.value), /Tenure\nShared ownership/);

    await bot.driver.execute(ALEX, 'intake.submit', { intakeId, step: 'review' });
    const stored = await bot.stores.cases.getCaseByReference('HC-2026-00001');
    assert.equal(stored?.details.complainant.tenure, 'shared-ownership');
  });

  it('a form that did not ask (an older card) records "not known"; an unknown value is refused by name', () => {
    const missing = parseStep(complainantSchema, { ...COMPLAINANT });
    assert.ok(missing.ok);
    assert.equal(missing.value.tenure, 'not-known');
    const wrong = parseStep(complainantSchema, { ...COMPLAINANT, tenure: 'freeholder' });
    assert.ok(!wrong.ok);
    assert.equal(wrong.errors.tenure, 'Choose the resident\'s tenure');
  });
});
