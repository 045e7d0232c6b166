import { strict as assert } from 'node:assert';
import { actionData, ALEX, cardText, pressData, PRIYA } from '../support/bot-driver';
import { cardsSince, logComplaint, startReminderApp, type ReminderApp } from './support/reminder-app';

/**
 * Seed 003: the resident's reasonable adjustments are "kept under review". With the whole app
 * and a clock the test moves: a complaint logged on Mon 21 Dec 2026 with a vulnerability and
 * an adjustment is to have them reviewed 10 working days later, Thu 7 Jan 2027 (25 and 28 Dec
 * and 1 Jan are bank holidays). The officer is reminded like any other deadline, once per point;
 * their manager is told once when the review is missed.
 */
function* workingHoursOf(days: string[]): Generator<string> {
  for (const day of days) {
    for (let t = Date.parse(`${day}T08:30:00.000Z`); t <= Date.parse(`${day}T16:30:00.000Z`); t += 30 * 60_000) yield new Date(t).toISOString();
    yield `${day}T23:30:00.000Z`; // nothing at night
  }
}
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('reminders: the review of the resident\'s adjustments', function () {
  this.timeout(120_000);
  let r: ReminderApp;
  afterEach(async () => r?.stop());

  /** Sweeps at each instant; the cards about the review (the officer's reminders, the manager's notice). */
  async function sweepAt(instants: Iterable<string>) {
    const seen: Array<{ at: string; to: string; headline: string; text: string; card: Record<string, unknown> }> = [];
    for (const at of instants) {
      r.setTime(at);
      const mark = r.connector.sent.length;
      await r.app.runReminders();
      for (const c of cardsSince(r.connector, mark)) {
        if (/review of adjustments/i.test(c.text)) seen.push({ at, ...c });
      }
    }
    return seen;
  }

  it('reminds the officer once per point before and after the review date, tells the manager once, and a review moves the date', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z');
    await r.driver.say(ALEX, 'help');
    await r.driver.say(PRIYA, 'help');
    const { caseId, reference } = await logComplaint(r, ALEX, '2026-12-21');
    assert.equal(reference, 'HC-2026-00001');

    const sent = await sweepAt(workingHoursOf(days('2027-01-04', '2027-01-08')));
    assert.deepEqual(sent.map((s) => `${s.at} ${s.to}: ${s.headline}`), [
      '2027-01-05T09:00:00.000Z Alex Morgan: HC-2026-00001: Review of adjustments due in 2 working days',
      '2027-01-06T09:00:00.000Z Alex Morgan: HC-2026-00001: Review of adjustments due in 1 working day',
      '2027-01-07T09:00:00.000Z Alex Morgan: HC-2026-00001: Review of adjustments due today',
      '2027-01-08T09:00:00.000Z Alex Morgan: HC-2026-00001: Review of adjustments 1 working day overdue',
      '2027-01-08T09:00:00.000Z Priya Shah: Missed deadline: HC-2026-00001',
    ]);

    // The words: what to do and by when, never what the resident's needs are (the card goes by proactive message).
    const reminder = sent[0]!;
    assert.match(reminder.text, /Review the resident's adjustments on HC-2026-00001 by Thu 7 Jan 2027/);
    const notice = sent.at(-1)!;
    assert.match(notice.text, /The review of adjustments for HC-2026-00001 was due Thu 7 Jan 2027 and has not been done \(1 working day overdue\)\. Alex Morgan \(AHM\) is responsible\./);
    for (const card of sent) {
      assert.doesNotMatch(JSON.stringify(card.card), /Hearing loss|Write rather than phone/, `${card.headline}: the adjustments themselves are not on the card`);
    }
    const titles = (card: Record<string, unknown>) => (card.actions as Array<{ title: string }>).map((a) => a.title);
    assert.deepEqual(titles(reminder.card), ['Review adjustments', 'View case']);
    assert.deepEqual(titles(notice.card), ['View case']);

    // The latest reminder's button opens the review form (it shows what is recorded, to Alex in his chat); the review moves the date.
    r.setTime('2027-01-08T10:00:00.000Z');
    const latest = sent.filter((s) => s.to === 'Alex Morgan').at(-1)!;
    const form = await r.driver.execute(ALEX, 'case.review-adjustments.form', actionData(latest.card, 'case.review-adjustments.form'));
    assert.match(cardText(form.body.value), /Review the resident's adjustments[\s\S]*Hearing loss[\s\S]*Write rather than phone/);
    const done = await r.driver.execute(ALEX, 'case.review-adjustments', {
      ...pressData(form.body.value, 'case.review-adjustments'), on: '2027-01-08', reasonCategory: 'still-needed', adjustments: 'Write rather than phone',
      nextReviewOn: '2027-01-22', text: 'Spoke to Robin by text relay: letters are still best',
    });
    assert.match(cardText(done.body.value), /Review recorded: still needed as they are\. Next review by Fri 22 Jan 2027\./);
    const stored = (await r.stores.cases.getCase(caseId))!;
    assert.deepEqual(stored.deadlines.filter((d) => d.kind === 'adjustments-review').map((d) => [d.due, d.metOn]), [['2027-01-07', '2027-01-08'], ['2027-01-22', null]]);

    // The old date is done with (no more overdue reminders); the new date gets its own points, each once.
    const later = await sweepAt(workingHoursOf(days('2027-01-08', '2027-01-20')));
    assert.deepEqual(later.map((s) => `${s.at} ${s.to}: ${s.headline}`), [
      '2027-01-20T09:00:00.000Z Alex Morgan: HC-2026-00001: Review of adjustments due in 2 working days',
    ]);
  });

  it('a withdrawn case has no review reminders: the reviews stop with the complaint', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z');
    await r.driver.say(ALEX, 'help');
    await r.driver.say(PRIYA, 'help');
    const { caseId } = await logComplaint(r, ALEX, '2026-12-21');
    r.setTime('2026-12-22T10:00:00.000Z');
    const form = await r.driver.execute(ALEX, 'case.withdraw.form', { caseId });
    const withdrawn = await r.driver.execute(ALEX, 'case.withdraw', { ...pressData(form.body.value, 'case.withdraw'), on: '2026-12-22', text: 'Robin emailed on 22 Dec to withdraw' });
    assert.match(cardText(withdrawn.body.value), /withdrawn/i);
    assert.deepEqual(await sweepAt(workingHoursOf(days('2027-01-05', '2027-01-08'))), []);
  });
});
