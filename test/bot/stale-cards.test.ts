import { strict as assert } from 'node:assert';
import { runCaseCommand } from '../../src/cases/run-case-command';
import { SYSTEM_ACTOR, systemNote } from '../../src/domain/commands/system-note';
import { ADMIN_CLI_ACTOR } from '../../src/domain/commands/record-evidence-pack';
import { recordSubjectAccess } from '../../src/domain/commands/record-subject-access';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findPreset } from '../../src/policies/preset-registry';
import { ACK_SENT, ALEX, PRIYA, SAM, actionData, cardText } from '../support/bot-driver';
import { logComplaint, MONDAY_23_NOV, startTestBot, type TestBot } from '../support/test-app';

// A card is stale when something a person must see has happened since it was drawn; the
// complaints bot's own notes (a card or reminder it could not deliver) are not such a thing.
describe('stale cards and the bot\'s own notes', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const policy = findPreset('hos-2024')!;
  const ctx = { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, now: () => MONDAY_23_NOV, newId: () => `note-${Math.random()}` };
  const botNote = async (text: string) => {
    const r = await runCaseCommand(bot.stores.cases, ctx, caseId, { seenVersion: null }, SYSTEM_ACTOR, systemNote, { text });
    assert.ok(r.ok);
  };

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, PRIYA, SAM]) await bot.driver.say(user, 'help');
    ({ caseId } = await logComplaint(bot, ALEX));
    await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: (await stored()).version, ...ACK_SENT });
  });
  after(async () => { await bot.stop(); });

  it('a manager\'s decision card still works after the bot noted a card it could not deliver', async () => {
    const asked = await bot.driver.execute(ALEX, 'case.extend', { caseId, version: (await stored()).version, seen: (await stored()).events.length, workingDays: '2', reasonCategory: 'third-party', text: 'Glazier' });
    assert.match(cardText(asked.body.value), /Extension requested/);
    const decision = bot.connector.cards().findLast((c) => /Extension request: /.test(cardText(c)));
    await botNote('A card to Casey Quinn could not be delivered');
    const approved = await bot.driver.execute(PRIYA, 'case.extension.approve', actionData(decision, 'case.extension.approve'));
    assert.match(cardText(approved.body.value), /Approved by you/);
  });

  it('a card drawn before a subject access export still works: handing the file out changes nothing in it', async () => {
    const card = (await bot.driver.execute(ALEX, 'case.refresh', { caseId })).body.value;
    const made = await runCaseCommand(bot.stores.cases, ctx, caseId, { seenVersion: null }, ADMIN_CLI_ACTOR, recordSubjectAccess, { format: 'pdf', cases: 1, why: 'Request SAR-1 (operating-system user admin)' });
    assert.ok(made.ok);
    const res = await bot.driver.execute(ALEX, 'case.pause', { ...actionData(card, 'case.pause.form'), on: '2026-11-23', text: 'Mediation', consent: 'true' });
    assert.match(cardText(res.body.value), /Paused: the deadlines are stopped/);
    await bot.driver.execute(ALEX, 'case.resume', { caseId, version: (await stored()).version, on: '2026-11-23' });
  });

  it('a card drawn before a person\'s change is still stale, and changes nothing', async () => {
    const card = (await bot.driver.execute(ALEX, 'case.refresh', { caseId })).body.value;
    await bot.driver.execute(PRIYA, 'case.note', { caseId, on: '2026-11-23', channel: 'phone', text: 'Resident rang' });
    const before = (await stored()).events.length;
    const res = await bot.driver.execute(ALEX, 'case.pause', { ...actionData(card, 'case.pause.form'), on: '2026-11-23', text: 'Mediation', consent: 'true' });
    assert.match(cardText(res.body.value), /This case has changed since this card was shown, so nothing was changed/);
    assert.equal((await stored()).events.length, before);
  });

  it('a forged count cannot pass an old card off as fresh', async () => {
    const res = await bot.driver.execute(ALEX, 'case.pause', { caseId, version: '"an-old-version"', seen: 9999, on: '2026-11-23', text: 'Mediation', consent: 'true' });
    assert.match(cardText(res.body.value), /This case has changed since this card was shown/);
  });
});
