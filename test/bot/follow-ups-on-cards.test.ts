import { strict as assert } from 'node:assert';
import { ACK_SENT, ALEX, PRIYA, SAM, cardText, input } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

const MORGAN = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' }; // the PIM

// After the response (issue 13), through the real adapter over HTTP on Monday 23 November 2026:
// remedies promised on the response card are followed to completion, and the Ombudsman stage.
describe('after the response on the cards: remedies and the Ombudsman', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const press = async (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) => {
    const r = await stored();
    return bot.driver.execute(user, verb, { caseId, version: r.version, seen: r.events.length, ...data });
  };
  const caseCard = async (user: typeof ALEX) => cardText((await bot.driver.execute(user, 'case.refresh', { caseId })).body.value);

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, PRIYA, SAM, MORGAN]) await bot.driver.say(user, 'help');
    ({ caseId } = await logComplaint(bot, ALEX));
    await press(ALEX, 'case.acknowledge', ACK_SENT);
  });
  after(async () => { await bot.stop(); });

  it('the response card asks for remedies; a started row needs its kind and date', async () => {
    const form = await press(ALEX, 'case.respond.form');
    assert.ok(input(form.body.value, 'action1-description'), 'the response form has action rows');
    const half = await press(ALEX, 'case.respond', {
      outcome: 'upheld', on: '2026-11-23', ...CONTENT, 'action1-description': 'Replace the kitchen window',
    });
    assert.match(cardText(half.body.value), /Choose the kind/);
    assert.equal((await stored()).state, 'investigating');
  });

  it('a response with two actions, one already overdue and owned by Sam: both followed, the case card says so', async () => {
    const res = await press(ALEX, 'case.respond', {
      outcome: 'upheld', on: '2026-11-23', ...CONTENT,
      'action1-description': 'Replace the kitchen window', 'action1-kind': 'repair', 'action1-due': '2026-11-20', 'action1-owner': 'sam.okafor',
      'action2-description': 'Pay £50 for the delay', 'action2-kind': 'compensation', 'action2-due': '2026-12-04', 'action2-amount': '50',
    });
    assert.match(cardText(res.body.value), /Response recorded \(upheld\), with 2 actions to follow through/);
    const card = await caseCard(ALEX);
    assert.match(card, /Action a1\nReplace the kitchen window · repair or works · Sam Okafor · due Fri 20 Nov 2026, overdue/);
    assert.match(card, /Action a2\nPay £50 for the delay \(£50\.00\) · compensation · due Fri 4 Dec 2026/);
  });

  it('"my actions" shows Sam his action; he marks it done from there, with the evidence, and the case card shows one done, one open', async () => {
    await bot.driver.say(SAM, 'my actions');
    const mine = bot.connector.cards().at(-1);
    assert.match(cardText(mine), /My actions\n1 waiting[\s\S]*a1: Replace the kitchen window, due Fri 20 Nov 2026 \(1 working day overdue\)/);
    const form = await press(SAM, 'case.action-done.form', { actionId: 'a1' });
    assert.equal(input(form.body.value, 'reasonCategory')?.value, 'a1', 'the action is chosen already');
    const done = await press(SAM, 'case.action-done', { reasonCategory: 'a1', on: '2026-11-23', text: 'Window fitted; photo on the file' });
    assert.match(cardText(done.body.value), /Action a1 marked done/);
    const card = await caseCard(ALEX);
    assert.match(card, /Action a1\nReplace the kitchen window · repair or works · Sam Okafor · done Mon 23 Nov 2026: Window fitted; photo on the file/);
    assert.match(card, /Action a2\nPay £50 for the delay \(£50\.00\) · compensation · due Fri 4 Dec 2026/);
  });

  it('an action gets a new date with a reason; the case then says the resident is to be told it', async () => {
    const res = await press(ALEX, 'case.action-redate', { reasonCategory: 'a2', on: '2026-12-11', text: 'Finance pays fortnightly' });
    assert.match(cardText(res.body.value), /Action a2 is now due Fri 11 Dec 2026/);
    const card = await caseCard(ALEX);
    assert.match(card, /Action a2\nPay £50 for the delay \(£50\.00\) · compensation · due Fri 11 Dec 2026/);
    assert.match(card, /The resident is still to be told of the new date for an action/);
    const told = await press(ALEX, 'case.resident-told', { on: '2026-11-23', reasonCategory: 'action-redated', channel: 'letter', text: 'Letter with the new date' });
    assert.match(cardText(told.body.value), /Recorded: the resident was told of the new date for an action/);
  });

  it('the case closes with an action open, and the action is still the handler\'s to do', async () => {
    await press(ALEX, 'case.close');
    assert.equal((await stored()).state, 'closed');
    await bot.driver.say(ALEX, 'my actions');
    assert.match(cardText(bot.connector.cards().at(-1)), /a2: Pay £50 for the delay, due Fri 11 Dec 2026 \(14 working days left\)/);
  });

  it('the Ombudsman stage: referral, a request for the complaints team, the determination with an order due in 10 working days', async () => {
    const referred = await press(MORGAN, 'case.ombudsman-referred', { on: '2026-11-23', text: 'HOS-202612345' });
    assert.match(cardText(referred.body.value), /Referral to the Ombudsman recorded \(HOS-202612345\)/);
    const asked = await press(MORGAN, 'case.ombudsman-request', { on: '2026-12-07', text: 'The complaint file and the repair records' });
    assert.match(cardText(asked.body.value), /The Ombudsman's request is recorded, due 2026-12-07/);
    await bot.driver.say(MORGAN, 'my actions');
    assert.match(cardText(bot.connector.cards().at(-1)), /r1: Information for the Ombudsman \(request r1\), due Mon 7 Dec 2026/);
    // Ten working days from Mon 23 Nov: 24-27 (4), 30 Nov-4 Dec (9), Mon 7 Dec (10).
    const determined = await press(PRIYA, 'case.determination', {
      on: '2026-11-23', finding: 'service-failure', about: 'the delay in repairing the window',
      'order1-description': 'Apologise in writing', 'order1-kind': 'apology', 'order1-due': '2026-12-07', 'order1-owner': 'alex.morgan',
    });
    assert.match(cardText(determined.body.value), /Determination recorded, with 1 order to comply with/);
    const card = await caseCard(PRIYA);
    assert.match(card, /The Housing Ombudsman\nReference\nHOS-202612345 \(referred Mon 23 Nov 2026\)\nDetermination\nMon 23 Nov 2026: service failure \(the delay in repairing the window\)/);
    assert.match(card, /Ombudsman order o1\nApologise in writing · apology · Alex Morgan · due Mon 7 Dec 2026/);
    await bot.driver.say(ALEX, 'my actions');
    assert.match(cardText(bot.connector.cards().at(-1)), /o1: Apologise in writing, due Mon 7 Dec 2026 \(10 working days left\)/);
  });
});

const CONTENT = {
  'item-stage': 'Stage 1', 'item-complaint-definition': 'Window repair not done', 'item-reasons': 'The repair was late',
  'item-remedy': 'A new window and £50', 'item-outstanding-actions': 'See the actions', 'item-how-to-escalate': 'Ask for stage 2',
};
