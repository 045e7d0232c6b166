import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { projectView } from '../../src/domain/case-projection';
import type { StoredEvent } from '../../src/domain/case-record';
import { deriveCase } from '../../src/domain/case-timeline';
import { findPreset } from '../../src/policies/preset-registry';
import { actionData, ALEX, cardText, pressData, PRIYA, SAM } from '../support/bot-driver';
import { details } from '../support/case-fixtures';
import { makeTempDir } from '../support/temp-dir';
import { cardsSince, logComplaint, MAILBOX, startReminderApp, type ReminderApp } from './support/reminder-app';

/**
 * A complaint through every reminder point over Christmas 2026, with the whole app and a
 * clock the test moves: a sweep every half hour, day and night, for two weeks. Received Mon
 * 21 Dec; acknowledgement due 5 working days later, Wed 30 Dec, because Fri 25 Dec and Mon
 * 28 Dec (Boxing Day's substitute) are bank holidays, as is Fri 1 Jan.
 */
function* halfHours(fromIso: string, toIso: string): Generator<string> {
  for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += 30 * 60_000) yield new Date(t).toISOString();
}

/** Runs a sweep at each instant; returns what was sent, with when. */
async function sweepAt(r: ReminderApp, instants: Iterable<string>): Promise<Array<{ at: string; to: string; headline: string }>> {
  const seen: Array<{ at: string; to: string; headline: string }> = [];
  for (const at of instants) {
    r.setTime(at);
    const mark = r.connector.sent.length;
    await r.app.runReminders();
    for (const c of cardsSince(r.connector, mark)) seen.push({ at, to: c.to, headline: c.headline });
  }
  return seen;
}

describe('reminders: a case through every reminder point, across a weekend and bank holidays', function () {
  this.timeout(60_000);
  let r: ReminderApp;
  afterEach(async () => r?.stop());

  async function openCase(start = '2026-12-21T10:00:00.000Z') {
    r.setTime(start);
    await r.driver.say(ALEX, 'help'); // the bot now has Alex's and Priya's conversations
    await r.driver.say(PRIYA, 'help');
    // No vulnerabilities or adjustments: the complaint's own deadlines only (their reviews: adjustments-review-reminders.test.ts).
    return logComplaint(r, ALEX, '2026-12-21', { vulnerabilities: '', adjustments: '' });
  }

  it('reminds 2 and 1 working days before, on the day and daily while overdue, in working hours only; the manager hears once', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z');
    const { reference } = await openCase();
    assert.equal(reference, 'HC-2026-00001');

    const sent = await sweepAt(r, halfHours('2026-12-21T11:00:00.000Z', '2027-01-05T23:30:00.000Z'));
    assert.deepEqual(sent, [
      { at: '2026-12-24T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement due in 2 working days' },
      { at: '2026-12-29T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement due in 1 working day' },
      { at: '2026-12-30T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement due today' },
      { at: '2026-12-31T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement 1 working day overdue' },
      { at: '2026-12-31T09:00:00.000Z', to: 'Priya Shah', headline: 'Missed deadline: HC-2026-00001' },
      { at: '2027-01-04T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement 2 working days overdue' },
      { at: '2027-01-05T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 acknowledgement 3 working days overdue' },
    ]);

    // The complaints mailbox: a digest each working day with something overdue or due that day.
    // (The copy of the new complaint logged at the start goes there too; the digests are what this checks.)
    assert.deepEqual(r.graph.mail.filter((m) => m.subject.startsWith('Complaints digest')).map((m) => [m.to, m.subject]), [
      [[MAILBOX], 'Complaints digest Wed 30 Dec 2026: 0 overdue, 1 due today'],
      [[MAILBOX], 'Complaints digest Thu 31 Dec 2026: 1 overdue, 0 due today'],
      [[MAILBOX], 'Complaints digest Mon 4 Jan 2027: 1 overdue, 0 due today'],
      [[MAILBOX], 'Complaints digest Tue 5 Jan 2027: 1 overdue, 0 due today'],
    ]);
    const digests = r.graph.mail.filter((m) => m.subject.startsWith('Complaints digest'));
    assert.match(digests[1]!.content, /HC-2026-00001.*Stage 1 acknowledgement.*Wed 30 Dec 2026.*1 working day overdue.*Alex Morgan/);
    assert.doesNotMatch(digests[1]!.content, /Robin Example/, 'no resident named in the digest');

    // The latest reminder's Acknowledge button works: the card carries the case's current version.
    r.setTime('2027-01-05T10:00:00.000Z');
    const last = cardsSince(r.connector, 0).filter((c) => c.to === 'Alex Morgan').at(-1)!;
    const ack = await r.driver.execute(ALEX, 'case.acknowledge', pressData(last.card, 'case.acknowledge'));
    assert.equal(ack.status, 200);
    assert.doesNotMatch(JSON.stringify(ack.body), /changed since|not understood/i);
    const acknowledged = await r.stores.cases.getCaseByReference('HC-2026-00001');
    assert.equal(acknowledged?.state, 'investigating');

    // Met deadlines are never reminded again; the response deadline (10 working days from
    // Tue 5 Jan: Tue 19 Jan) gets its own points, with Respond and Request extension.
    const later = await sweepAt(r, halfHours('2027-01-05T10:30:00.000Z', '2027-01-15T12:00:00.000Z'));
    assert.deepEqual(later, [
      { at: '2027-01-15T09:00:00.000Z', to: 'Alex Morgan', headline: 'HC-2026-00001: Stage 1 response due in 2 working days' },
    ]);
    const respondCard = cardsSince(r.connector, 0).at(-1)!.card;
    assert.deepEqual(actionData(respondCard, 'case.respond.form'), { caseId: acknowledged!.id, version: acknowledged!.version, seen: acknowledged!.events.length });
    assert.deepEqual(actionData(respondCard, 'case.extend.form'), { caseId: acknowledged!.id, version: acknowledged!.version, seen: acknowledged!.events.length });
    const form = await r.driver.execute(ALEX, 'case.respond.form', actionData(respondCard, 'case.respond.form'));
    assert.doesNotMatch(JSON.stringify(form.body), /not understood/i);
  });

  it('after an outage sends only the latest point, once, and the manager\'s notice once', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z');
    await openCase();
    // Down from Mon 21 Dec to Wed 30 Dec 11:30: the points of 24 and 29 Dec are not sent late.
    const first = await sweepAt(r, halfHours('2026-12-30T11:30:00.000Z', '2026-12-30T16:30:00.000Z'));
    assert.deepEqual(first.map((s) => s.headline), ['HC-2026-00001: Stage 1 acknowledgement due today']);
    // Down again until Tue 5 Jan 14:00: one reminder and one missed-deadline notice, not six.
    const second = await sweepAt(r, halfHours('2027-01-05T14:00:00.000Z', '2027-01-05T23:30:00.000Z'));
    assert.deepEqual(second.map((s) => `${s.to}: ${s.headline}`), [
      'Alex Morgan: HC-2026-00001: Stage 1 acknowledgement 3 working days overdue',
      'Priya Shah: Missed deadline: HC-2026-00001',
    ]);
  });

  it('an action promised in a response and already past its date: its owner is reminded with Mark done, their manager told once', async () => {
    // Responded Mon 14 Dec 2026, promising action a1 for Wed 30 Dec, owned by Sam Okafor (an EM,
    // managed by Alex Morgan) rather than Alex, who handles the case. The bot was not running
    // then: it starts on Mon 4 Jan 2027, when a1 is 2 working days overdue (Fri 1 Jan is a bank holiday).
    r = await startReminderApp('2027-01-04T09:30:00.000Z');
    await r.driver.say(ALEX, 'help');
    await r.driver.say(SAM, 'help');
    const policy = findPreset('hos-2024')!;
    const audit = { at: '2026-11-30T10:00:00.000Z', by: 'alex.morgan' };
    const events = [
      { type: 'received', on: '2026-11-30' }, { type: 'assigned', on: '2026-11-30', officerId: 'alex.morgan' }, { type: 'acknowledged', on: '2026-12-01' },
      { type: 'responded', on: '2026-12-14', outcome: 'upheld', actions: [{ id: 'a1', kind: 'repair', description: 'Replace the kitchen window', due: '2026-12-30', ownerId: 'sam.okafor' }] },
    ].map((e, i) => ({ ...audit, id: `ev-${i}`, ...e })) as StoredEvent[];
    const derived = deriveCase(events, { policy, calendar: calendarForPolicy(policy) });
    assert.ok(derived.ok);
    const stored = await r.stores.cases.createCase({
      referenceYear: 2026, policyId: policy.id, events, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
      details: details({ complainant: { estate: 'Riverside' }, complaint: { receivedOn: '2026-11-30' } }), ...projectView(derived.view),
    });
    const ref = stored.reference;

    const sent = await sweepAt(r, halfHours('2027-01-04T10:00:00.000Z', '2027-01-05T23:30:00.000Z'));
    assert.deepEqual(sent.map((s) => `${s.at} ${s.to}: ${s.headline}`).sort(), [
      `2027-01-04T10:00:00.000Z Alex Morgan: Missed deadline: ${ref}`,
      `2027-01-04T10:00:00.000Z Sam Okafor: ${ref}: Action a1 2 working days overdue`,
      `2027-01-05T09:00:00.000Z Sam Okafor: ${ref}: Action a1 3 working days overdue`,
    ]);
    const cards = cardsSince(r.connector, 0);
    const notice = cards.find((c) => c.headline.startsWith('Missed deadline'))!;
    assert.match(notice.text, new RegExp(`The action a1 \\(Replace the kitchen window\\) for ${ref} was due Wed 30 Dec 2026 and has not been met \\(2 working days overdue\\)\\. Sam Okafor \\(EM\\) is responsible\\.`));
    const digests = r.graph.mail.filter((m) => m.subject.startsWith('Complaints digest'));
    assert.deepEqual(digests.map((m) => m.subject), ['Complaints digest Mon 4 Jan 2027: 1 overdue, 0 due today', 'Complaints digest Tue 5 Jan 2027: 1 overdue, 0 due today']);
    assert.match(digests[0]!.content, new RegExp(`${ref}.*Action a1: Replace the kitchen window.*Wed 30 Dec 2026.*2 working days overdue.*Sam Okafor`));

    // Sam's latest reminder: Mark done opens the form with the action chosen; done, nothing more is sent.
    r.setTime('2027-01-05T10:00:00.000Z');
    const last = cards.filter((c) => c.to === 'Sam Okafor').at(-1)!;
    assert.match(last.text, /What\s*Replace the kitchen window[\s\S]*Then press "Mark done"/);
    const current = (await r.stores.cases.getCase(stored.id))!;
    assert.deepEqual(actionData(last.card, 'case.action-done.form'), { caseId: stored.id, version: current.version, seen: current.events.length, actionId: 'a1' });
    const form = await r.driver.execute(SAM, 'case.action-done.form', actionData(last.card, 'case.action-done.form'));
    assert.equal(form.status, 200);
    assert.doesNotMatch(JSON.stringify(form.body), /not understood|changed since/i);
    const done = await r.driver.execute(SAM, 'case.action-done', { ...pressData(form.body.value, 'case.action-done'), on: '2027-01-05', text: 'Window fitted; works order WO-1234 closed' });
    assert.doesNotMatch(cardText(done.body.value), /not understood|changed since|need attention/i);
    const after = (await r.stores.cases.getCase(stored.id))!;
    assert.equal(after.deadlines.find((d) => d.id === 'a1')?.metOn, '2027-01-05');
    assert.deepEqual(await sweepAt(r, halfHours('2027-01-05T10:30:00.000Z', '2027-01-07T12:00:00.000Z')), []);
  });

  it('with sparse reminder points, sends a point that passed during an outage late, saying so, and only once', async () => {
    const dir = makeTempDir('policy');
    const policyFile = path.join(dir, 'sparse.json');
    writeFileSync(policyFile, JSON.stringify({ ...findPreset('hos-2024')!, id: 'hos-2024-sparse', reminders: { workingDaysBefore: [5], dailyWhenOverdue: false } }));
    r = await startReminderApp('2026-12-21T10:00:00.000Z', { policy: policyFile });
    await openCase();
    // The only point is Mon 21 Dec (5 working days before Wed 30 Dec); the first sweep is Thu 24 Dec.
    const sent = await sweepAt(r, halfHours('2026-12-24T10:00:00.000Z', '2027-01-05T12:00:00.000Z'));
    assert.deepEqual(sent.map((s) => `${s.at} ${s.to}: ${s.headline}`), [
      '2026-12-24T10:00:00.000Z Alex Morgan: HC-2026-00001: Stage 1 acknowledgement due in 2 working days',
      '2026-12-31T09:00:00.000Z Priya Shah: Missed deadline: HC-2026-00001',
    ]);
    assert.match(cardsSince(r.connector, 0).find((c) => c.headline.includes('due in 2'))!.text, /This reminder was due on Mon 21 Dec 2026 and is sent late\./);
  });
});
