import { strict as assert } from 'node:assert';
import { actionData, cardText, pressData, ALEX, PRIYA, SAM } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';
import { caseDetailCard } from '../../src/cards/case-cards';
import { caseHistoryCard } from '../../src/cards/history-cards';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';

/** The actions in a card's action bar, and those in the body (beside the complainant's details). */
const barTitles = (card: Record<string, unknown>) => (card.actions as Array<{ title: string }>).map((a) => a.title);
const historyOf = (card: unknown) => cardText(card).split('\nHistory\n')[1] ?? '';

// Seed 003: reasonable adjustments are recorded and kept under review. Through the real adapter
// over HTTP: the review date on the card, the form beside the adjustments, refusals on the form.
describe('reviewing the resident\'s adjustments on the case card', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const press = (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) => bot.driver.execute(user, verb, { caseId, ...data });

  before(async () => {
    bot = await startTestBot(); // today is Mon 23 Nov 2026
    for (const user of [ALEX, PRIYA, SAM]) await bot.driver.say(user, 'help');
    ({ caseId } = await logComplaint(bot, ALEX)); // intake recorded hearing loss, and "Write rather than phone"
  });
  after(async () => { await bot.stop(); });

  it('the case card shows the next review beside the adjustments, with the button there, to those who act on the case', async () => {
    const card = (await press(ALEX, 'case.refresh')).body.value;
    // Received Mon 23 Nov: 10 working days (the policy's default) is Mon 7 Dec.
    assert.match(cardText(card), /Vulnerabilities\s+Hearing loss\s+Reasonable adjustments\s+Write rather than phone\s+Next review\s+Mon 7 Dec 2026 \(10 working days left\)/);
    assert.ok(!barTitles(card).includes('Review adjustments'), 'not in the action bar: beside the adjustments');
    assert.deepEqual(Object.keys(actionData(card, 'case.review-adjustments.form')).sort(), ['caseId', 'seen', 'version']);
    assert.match(historyOf(card), /Adjustments to keep under review[\s\S]*Review by Mon 7 Dec 2026/);
    // Sam has no part in the case: not even the form.
    assert.match(cardText((await press(SAM, 'case.review-adjustments.form')).body.value), /^Not yours to see/);
  });

  it('to someone who may see the case but does not act on it, the history does not say the resident has adjustments', async () => {
    const policy = findPreset('hos-2024')!;
    const ctx = { policy, directory: DEMO_DIRECTORY, calendar: calendarForPolicy(policy), today: '2026-11-23' };
    const record = await stored();
    for (const [showPersonal, shown] of [[true, true], [false, false]] as const) {
      const card = caseDetailCard(record, ctx, [], '', showPersonal);
      const history = caseHistoryCard(record, ctx, 1, showPersonal);
      for (const text of [historyOf(card), cardText(history)]) {
        assert.equal(/Adjustments|adjustments|Review by/.test(text), shown, `${showPersonal ? 'acts on the case' : 'only sees it'}: ${text}`);
        assert.match(text, /Complaint received/);
      }
    }
  });

  it('the form shows what is recorded, defaults the next review, and keeps what was typed when something is missing', async () => {
    const form = (await press(ALEX, 'case.review-adjustments.form', actionData((await press(ALEX, 'case.refresh')).body.value, 'case.review-adjustments.form'))).body.value;
    assert.match(cardText(form), /Review the resident's adjustments[\s\S]*Vulnerabilities: Hearing loss\.[\s\S]*Adjustments: Write rather than phone\.[\s\S]*Not reviewed yet\.[\s\S]*Review due Mon 7 Dec 2026\./);
    const values = pressData(form, 'case.review-adjustments');
    assert.equal(values.nextReviewOn, '2026-12-07', 'the next review defaults to the policy\'s 10 working days from today');
    assert.equal(values.adjustments, 'Write rather than phone');

    const before = (await stored()).events.length;
    const unchosen = (await press(ALEX, 'case.review-adjustments', { ...values, text: 'Spoke to Robin' })).body.value;
    assert.match(cardText(unchosen), /Choose whether they are still needed/);
    // Changed, but the words cleared: the domain refuses under the adjustments field, the reason typed is kept.
    const cleared = (await press(ALEX, 'case.review-adjustments', { ...values, reasonCategory: 'changed', adjustments: '', text: 'Spoke to Robin' })).body.value;
    assert.match(cardText(cleared), /Give the adjustments as they are now\./);
    assert.equal(pressData(cleared, 'case.review-adjustments').text, 'Spoke to Robin');
    const tooLate = (await press(ALEX, 'case.review-adjustments', { ...values, reasonCategory: 'still-needed', nextReviewOn: '2028-01-10', text: 'Spoke to Robin' })).body.value;
    assert.match(cardText(tooLate), /The next review must be within 12 months/);
    assert.equal((await stored()).events.length, before, 'nothing stored');
  });

  it('a review that changes the adjustments is recorded with who, when and why, and moves the review date', async () => {
    const form = (await press(ALEX, 'case.review-adjustments.form')).body.value;
    const done = (await press(ALEX, 'case.review-adjustments', {
      ...pressData(form, 'case.review-adjustments'), reasonCategory: 'changed', adjustments: 'Write rather than phone; large print', nextReviewOn: '2026-12-14',
      text: 'Robin asked for large print when we spoke through the relay service',
    })).body.value;
    assert.match(cardText(done), /Review recorded: still needed, but changed\. Next review by Mon 14 Dec 2026\./);
    assert.match(cardText(done), /Reasonable adjustments\s+Write rather than phone; large print\s+Next review\s+Mon 14 Dec 2026 \(15 working days left\)\s+Last reviewed\s+Mon 23 Nov 2026 by Alex Morgan: still needed, but changed · Robin asked for large print/);
    // The history says what a review found, never the resident's needs: everyone who may see the case sees it.
    assert.match(historyOf(done), /Adjustments reviewed[\s\S]*Still needed, but changed; next review by Mon 14 Dec 2026/);
    assert.doesNotMatch(historyOf(done), /large print|relay service/);

    const event = (await stored()).events.at(-1)!;
    assert.deepEqual([event.type, event.by, event.on, event.why], ['adjustments-reviewed', 'alex.morgan', '2026-11-23', 'Robin asked for large print when we spoke through the relay service']);
    assert.ok(event.type === 'adjustments-reviewed' && event.adjustments === 'Write rather than phone; large print' && event.nextReviewOn === '2026-12-14');
    assert.deepEqual((await stored()).deadlines.filter((d) => d.kind === 'adjustments-review').map((d) => [d.due, d.metOn]), [['2026-12-07', '2026-11-23'], ['2026-12-14', null]]);
    // The handler's manager acts on the case too: Priya sees the new words and may review them.
    const priya = (await press(PRIYA, 'case.refresh')).body.value;
    assert.match(cardText(priya), /Write rather than phone; large print/);
    assert.doesNotThrow(() => actionData(priya, 'case.review-adjustments.form'));
  });
});
