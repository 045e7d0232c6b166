import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findPreset } from '../../src/policies/preset-registry';
import { ACK_SENT, ALEX, cardText, PRIYA } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

// Policy rules that used to be missing or fixed at the edge, now the domain's, seen through the
// real adapter over HTTP as an officer and a manager would see them on their cards.
describe('policy rules on the cards', function () {
  this.timeout(60_000);

  describe('landlord-web-2021 (seed 001): an extension only "with agreement from you"', () => {
    let bot: TestBot;
    let caseId = '';
    const stored = async () => (await bot.stores.cases.getCase(caseId))!;
    const press = async (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) =>
      bot.driver.execute(user, verb, { caseId, version: (await stored()).version, ...data });

    before(async () => {
      bot = await startTestBot({ config: { policy: 'landlord-web-2021' } });
      for (const user of [ALEX, PRIYA]) await bot.driver.say(user, 'help');
      ({ caseId } = await logComplaint(bot, ALEX));
    });
    after(async () => { await bot.stop(); });

    it('the form asks whether the complainant agreed, and says what the cap leaves', async () => {
      const form = await press(ALEX, 'case.extend.form');
      assert.match(cardText(form.body.value), /The complainant has agreed to the extension/);
      assert.match(cardText(form.body.value), /Stage 1 extensions are capped at 10 working days in all: 0 used, 10 left\./);
      const days = (form.body.value.body as Array<{ id?: string; value?: unknown }>).find((e) => e.id === 'workingDays');
      assert.equal(days?.value, '', 'the working days start empty');
    });

    it('without the agreement the request is refused with the reason under the box, and nothing is stored', async () => {
      const res = await press(ALEX, 'case.extend', { workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the surveyor', consent: 'false' });
      const text = cardText(res.body.value);
      assert.match(text, /extended only with the complainant's agreement/);
      assert.match(text, /Waiting for the surveyor/, 'what was typed is kept');
      const days = (res.body.value.body as Array<{ id?: string; value?: unknown }>).find((e) => e.id === 'workingDays');
      assert.equal(days?.value, 5, 'the working days typed are shown again (as a number, which Input.Number needs)');
      assert.equal((await stored()).events.filter((e) => e.type === 'extension-requested').length, 0);
    });

    it('with it, the request goes to the manager, and the approval records the agreement', async () => {
      const asked = await press(ALEX, 'case.extend', { workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the surveyor', consent: 'true' });
      assert.match(cardText(asked.body.value), /Extension requested/);
      assert.equal((asked.body.value.body as Array<{ style?: string }>)[0]!.style, 'good', 'a success is shown as one, not as a warning');
      const approved = await press(PRIYA, 'case.extension.approve');
      assert.match(cardText(approved.body.value), /Approved by you/);
      const extended = (await stored()).events.find((e) => e.type === 'extended');
      assert.equal(extended?.type === 'extended' && extended.complainantAgreed, true);
    });
  });

  it('a policy\'s own comment window is what the officer is told after sending a draft (not a fixed 5 days)', async () => {
    const preset = findPreset('council-draft-response')!;
    const own = {
      ...preset, id: 'own-draft-policy',
      stages: preset.stages.map((s) => ({ ...s, draftResponse: s.draftResponse && { ...s.draftResponse, commentWorkingDays: 3 } })),
    };
    const bot = await startTestBot();
    const file = path.join(bot.dataDir, 'own-policy.json');
    writeFileSync(file, JSON.stringify(own));
    await bot.stop();
    const withPolicy = await startTestBot({ dataDir: bot.dataDir, config: { policy: file } });
    try {
      await withPolicy.driver.say(ALEX, 'help');
      const { caseId } = await logComplaint(withPolicy, ALEX);
      const version = async () => (await withPolicy.stores.cases.getCase(caseId))!.version;
      await withPolicy.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      const drafted = await withPolicy.driver.execute(ALEX, 'case.draft', { caseId, version: await version() });
      const text = cardText(drafted.body.value);
      assert.match(text, /the complainant has 3 working days to comment/);
      // Draft sent Mon 23 Nov: 3 working days to comment, until Thu 26 Nov.
      assert.match(text, /Stage 1 resident's comments on the draft\nThu 26 Nov 2026/);
    } finally {
      await withPolicy.stop();
    }
  });

  it('the history names every event in words, a refused escalation included', async () => {
    const bot = await startTestBot();
    try {
      for (const user of [ALEX, PRIYA]) await bot.driver.say(user, 'help');
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      await bot.driver.execute(ALEX, 'case.respond', {
        caseId, version: await version(), outcome: 'not-upheld', on: '2026-11-23',
        'item-stage': 'Stage 1', 'item-complaint-definition': 'd', 'item-reasons': 'r', 'item-remedy': 'None', 'item-outstanding-actions': 'None', 'item-how-to-escalate': 'Ask',
      });
      await bot.driver.execute(ALEX, 'case.refuse-escalation', { caseId, version: await version(), text: 'The matter is in court' });
      const card = await bot.driver.execute(ALEX, 'case.refresh', { caseId });
      const text = cardText(card.body.value);
      assert.match(text, /Refusal to escalate proposed/);
      assert.doesNotMatch(text, /escalation-refusal-proposed/);
    } finally {
      await bot.stop();
    }
  });
});
