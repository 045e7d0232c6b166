import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sleep } from '../../src/reminders/clock';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { ALEX, PRIYA, TENANT, type TeamsUser } from '../support/bot-driver';
import { makeTempDir } from '../support/temp-dir';
import { ConnectorFaults } from './support/connector-faults';
import { cardsSince, logComplaint, startReminderApp, type ReminderApp } from './support/reminder-app';

/**
 * When a reminder cannot simply be sent: Teams throttles (429 with Retry-After), fails (5xx),
 * refuses (403: blocked; the person is emailed instead), or the person never opened the bot
 * (the app is installed for them through Graph, and the reminder follows on a later sweep).
 * The whole app, a fake Bot Connector behind a fault proxy, and a fake Graph.
 * Thu 24 Dec 2026 10:00: a case received Mon 21 Dec is due for its "2 working days" reminder.
 */
const DAY = '2026-12-24T10:00:00.000Z';
const ALEX_CHAT = /^personal-00000000-0000-4000-8000-000000000001$/;
const HEADLINE = 'HC-2026-00001: Stage 1 acknowledgement due in 2 working days';

describe('reminders: failed sends, unreachable people and installs', function () {
  this.timeout(60_000);
  let r: ReminderApp;
  let faults: ConnectorFaults;
  let sleeps: number[];
  const sleep: Sleep = async (ms) => { sleeps.push(ms); };

  async function start(options: { config?: Parameters<typeof startReminderApp>[1]; talk?: TeamsUser[] } = {}) {
    sleeps = [];
    r = await startReminderApp('2026-12-21T10:00:00.000Z', options.config, { reminders: { sleep } });
    faults = await ConnectorFaults.install(r.connector);
    for (const user of options.talk ?? [ALEX, PRIYA]) await r.driver.say(user, 'help');
    const opened = await logComplaint(r, PRIYA, '2026-12-21'); // logged by Priya, handled by Alex
    r.setTime(DAY);
    return opened;
  }
  afterEach(async () => {
    await r?.stop().catch(() => undefined);
    await faults?.stop().catch(() => undefined);
  });

  const toAlex = (mark = 0) => cardsSince(r.connector, mark).filter((c) => c.to === 'Alex Morgan' && /working day|due today|overdue/.test(c.headline));
  const notes = async (caseId: string) => (await r.stores.cases.getCase(caseId))!.events.filter((e) => e.type === 'note' && e.by === 'system').map((e) => e.why ?? '');

  it('honours the connector\'s Retry-After on 429, then sends once', async () => {
    await start();
    // The connector client retries 429s itself (8 tries); when it gives up, the sweep waits
    // what the last answer's Retry-After says, and tries again.
    faults.failNext(ALEX_CHAT, ...Array.from({ length: 7 }, () => ({ status: 429, retryAfter: '0' })), { status: 429, retryAfter: '30' });
    const alexChat = ALEX_CHAT.source.slice(1, -1);
    const before = faults.attempts.get(alexChat) ?? 0;
    const report = await r.app.runReminders();
    assert.equal(report.counts.sent, 1);
    assert.ok(sleeps.includes(30_000), `slept ${sleeps.join(', ')}`);
    assert.equal(faults.attempts.get(alexChat)! - before, 9, 'eight refused, then the one after the wait');
    assert.deepEqual(toAlex().map((c) => c.headline), [HEADLINE]);
  });

  it('a send that keeps failing is noted on the case, left to its lease, then sent once', async () => {
    const { caseId } = await start();
    faults.failAlways(ALEX_CHAT, { status: 503, retryAfter: '0' });
    const failed = await r.app.runReminders();
    assert.equal(failed.counts.failed, 1);
    assert.deepEqual(toAlex(), []);
    const [note] = await notes(caseId);
    assert.match(note!, /^Reminder \(2 working days before\) of the stage 1 acknowledgement due Wed 30 Dec 2026 could not be delivered to Alex Morgan: 503.*after 4 attempts.*tried again after 2026-12-24 10:10 UTC/);

    // Teams is back, but within the lease nobody else may send it (the holder might still be).
    faults.clear();
    r.setTime('2026-12-24T10:05:00.000Z');
    assert.equal((await r.app.runReminders()).counts['handled-elsewhere'], 1);
    // Once the lease has run out, the next sweep sends it; the note is not repeated.
    r.setTime('2026-12-24T10:11:00.000Z');
    assert.equal((await r.app.runReminders()).counts.sent, 1);
    r.setTime('2026-12-24T11:00:00.000Z');
    assert.equal((await r.app.runReminders()).counts.sent, 0);
    assert.deepEqual(toAlex().map((c) => c.headline), [HEADLINE]);
    assert.equal((await notes(caseId)).length, 1);
  });

  it('emails the person when Teams refuses (403: they blocked the bot), once, and notes it on the case', async () => {
    const { caseId } = await start();
    faults.failAlways(ALEX_CHAT, { status: 403 });
    const report = await r.app.runReminders();
    assert.equal(report.counts.emailed, 1);
    const mail = r.graph.mail.filter((m) => m.to.includes('alex.morgan@example.org'));
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.subject, `Reminder: ${HEADLINE}`);
    assert.match(mail[0]!.content, /Due: Wed 30 Dec 2026[\s\S]*Teams could not deliver it/);
    assert.match((await notes(caseId))[0]!, /^Reminders of the stage 1 acknowledgement due Wed 30 Dec 2026 are emailed to Alex Morgan \(alex\.morgan@example\.org\): Teams refused them \(403/);
    r.setTime('2026-12-24T15:00:00.000Z');
    await r.app.runReminders();
    assert.equal(r.graph.mail.filter((m) => m.to.includes('alex.morgan@example.org')).length, 1);
    // The next day's reminder goes by email too; the case's history says so only once.
    r.setTime('2026-12-29T10:00:00.000Z');
    assert.equal((await r.app.runReminders()).counts.emailed, 1);
    assert.equal(r.graph.mail.filter((m) => m.to.includes('alex.morgan@example.org')).length, 2);
    assert.equal((await notes(caseId)).length, 1);
  });

  it('installs the app through Graph for someone who never opened the bot, and reminds them on a later sweep', async () => {
    await start({ config: { graph: { baseUrl: 'set by startReminderApp', teamsAppCatalogId: 'catalog-app-1' } }, talk: [PRIYA] });
    // Teams answers an install with an installationUpdate, which stores the conversation.
    let updated: Promise<void> | undefined;
    r.graph.onInstall = (aadObjectId) => { updated = installationUpdate(r, { name: 'Alex Morgan', aadObjectId }); };
    const first = await r.app.runReminders();
    assert.equal(first.counts['awaiting-install'], 1);
    assert.deepEqual(toAlex(), []);
    assert.deepEqual([...r.graph.installed.entries()], [[ALEX.aadObjectId, ['catalog-app-1']]]);
    // Teams' installationUpdate arrives on its own time, after Graph answered the install:
    // wait for the bot to have answered it.
    assert.ok(updated, 'Graph was asked to install the app');
    await updated;
    assert.ok(await r.stores.conversationRefs.getConversationRef(ALEX.aadObjectId), 'the installationUpdate stored the conversation');
    r.setTime('2026-12-24T10:05:00.000Z');
    const second = await r.app.runReminders();
    assert.equal(second.counts.sent, 1);
    assert.deepEqual(toAlex().map((c) => c.headline), [HEADLINE]);
    assert.equal(r.graph.requestsTo('POST', /installedApps$/).length, 1, 'installed once');
  });

  it('emails someone the bot cannot reach in Teams when mail is configured, and waits for them when it is not', async () => {
    await start({ talk: [PRIYA] });
    assert.equal((await r.app.runReminders()).counts.emailed, 1);
    assert.equal(r.graph.mail.filter((m) => m.to.includes('alex.morgan@example.org')).length, 1);
    await r.stop();
    await faults.stop();

    await start({ config: { mail: { sender: undefined, complaintsMailbox: undefined } }, talk: [PRIYA] });
    // Mail is only logged: that is not delivery, so nothing is claimed and Teams is waited for.
    assert.equal((await r.app.runReminders()).counts.unreachable, 1);
    await r.driver.say(ALEX, 'help');
    r.setTime('2026-12-24T10:01:00.000Z');
    assert.equal((await r.app.runReminders()).counts.sent, 1);
    assert.deepEqual(toAlex().map((c) => c.headline), [HEADLINE]);
  });

  it('asks Graph for the officer\'s manager when the directory names none', async () => {
    const dir = makeTempDir('directory');
    const file = path.join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify({
      estates: DEMO_DIRECTORY.estates,
      people: DEMO_DIRECTORY.people.map((p) => (p.id === 'alex.morgan' ? { ...p, managerId: null } : p)),
    }));
    await start({ config: { directoryFile: file } });
    r.graph.managers.set(ALEX.aadObjectId, { id: PRIYA.aadObjectId, displayName: 'Priya Shah', mail: 'priya.shah@example.org', userPrincipalName: 'priya.shah@example.org' });
    r.setTime('2026-12-31T10:00:00.000Z'); // the acknowledgement was due yesterday
    const report = await r.app.runReminders();
    assert.equal(report.counts.sent, 2);
    assert.deepEqual(cardsSince(r.connector, 0).filter((c) => c.to === 'Priya Shah' && c.headline.startsWith('Missed')).map((c) => c.headline), ['Missed deadline: HC-2026-00001']);
    assert.equal(r.graph.requestsTo('GET', /\/manager$/).length, 1);
  });
});

/** What Teams sends the bot when the app is installed for someone. */
async function installationUpdate(r: ReminderApp, user: TeamsUser): Promise<void> {
  await r.driver.post({
    type: 'installationUpdate', action: 'add', channelId: 'msteams', serviceUrl: r.connector.url, id: `install-${user.aadObjectId}`,
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId }, recipient: { id: '28:complaints-bot', name: 'Complaints' },
    conversation: { id: `personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } },
    timestamp: new Date().toISOString(),
  });
}
