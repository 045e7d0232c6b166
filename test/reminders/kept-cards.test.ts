import { strict as assert } from 'node:assert';
import pino from 'pino';
import { ALEX, CASEY, PRIYA, cardText } from '../support/bot-driver';
import { ConnectorFaults } from './support/connector-faults';
import { cardsSince, logComplaint, startReminderApp, type ReminderApp } from './support/reminder-app';

/**
 * A workflow card Teams only failed to take (503, 429: not a refusal) is kept and retried by
 * the reminder sweep as well as on the person's next turn: after 5, 20 and 80 minutes, at
 * most 4 sends in all, then given up with a note on the case (src/reminders/kept-cards.ts).
 * The whole app over HTTP, a fake Bot Connector behind a fault proxy, a clock the test sets.
 * Mon 21 Dec 2026 10:00: Alex Morgan acknowledges, then asks his two managers for more time.
 */
const PRIYA_CHAT = /^personal-00000000-0000-4000-8000-000000000005$/;
const at = (hhmm: string) => `2026-12-21T${hhmm}:00.000Z`;

describe('kept cards: a failed (not refused) send is retried by the sweep, then given up', function () {
  this.timeout(60_000);
  let r: ReminderApp;
  let faults: ConnectorFaults;
  let logs: Array<{ level: number; msg: string }>;

  async function requestExtension(): Promise<{ caseId: string; said: string }> {
    logs = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => { logs.push(JSON.parse(line) as { level: number; msg: string }); } });
    r = await startReminderApp(at('10:00'), {}, { logger });
    faults = await ConnectorFaults.install(r.connector);
    for (const user of [ALEX, PRIYA, CASEY]) await r.driver.say(user, 'help');
    const { caseId } = await logComplaint(r, ALEX, '2026-12-21');
    const version = async () => (await r.stores.cases.getCase(caseId))!.version;
    await r.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), on: '2026-12-21', channel: 'email' });
    faults.failAlways(PRIYA_CHAT, { status: 503, retryAfter: '0' });
    const res = await r.driver.execute(ALEX, 'case.extend', { caseId, version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Report awaited' });
    return { caseId, said: cardText(res.body.value) };
  }
  afterEach(async () => {
    await r?.stop().catch(() => undefined);
    await faults?.stop().catch(() => undefined);
  });

  const toPriya = (mark = 0) => cardsSince(r.connector, mark).filter((c) => c.to === 'Priya Shah' && /Extension request/.test(c.headline));
  const notes = async (caseId: string) => (await r.stores.cases.getCase(caseId))!.events.filter((e) => e.type === 'note' && e.by === 'system').map((e) => e.why ?? '');
  const sweepAt = async (hhmm: string) => {
    r.setTime(at(hhmm));
    const report = await r.app.runReminders();
    assert.notEqual(report.keptCards, 'not-run');
    return report.keptCards;
  };

  it('says Teams did not take it, retries it on the sweep once the wait is over, and it arrives once', async () => {
    const { caseId, said } = await requestExtension();
    assert.match(said, /Casey Quinn was asked to decide\. Priya Shah could not be sent the card just now \(Teams did not accept it\): it will be tried again shortly, and when they next open the complaints bot; please tell them if it is urgent\./);
    assert.deepEqual(await notes(caseId), ['The card "Extension request HC-2026-00001" for Priya Shah (Mon 21 Dec 2026 at 10:00) could not be delivered in Teams: Teams did not accept it (503). It is kept, and it will be tried again shortly, and when they next open the complaints bot.']);
    assert.ok(await r.stores.conversationRefs.getConversationRef(PRIYA.aadObjectId), 'a 503 does not forget the conversation');

    assert.deepEqual(await sweepAt('10:03'), { delivered: 0, failed: 0, givenUp: 0 }, 'not before 5 minutes');
    faults.clear();
    assert.deepEqual(await sweepAt('10:06'), { delivered: 1, failed: 0, givenUp: 0 });
    assert.deepEqual(await sweepAt('10:40'), { delivered: 0, failed: 0, givenUp: 0 });
    await r.driver.say(PRIYA, 'help');
    const cards = toPriya();
    assert.equal(cards.length, 1, 'delivered once');
    assert.equal((await notes(caseId)).length, 1);
    assert.deepEqual(logs.filter((l) => l.level >= 50).map((l) => l.msg), []);
  });

  it('gives up after 4 sends in all, notes it on the case, and sends nothing more', async () => {
    const { caseId } = await requestExtension(); // send 1
    assert.deepEqual(await sweepAt('10:06'), { delivered: 0, failed: 1, givenUp: 0 }); // send 2; next not before 10:26
    assert.deepEqual(await sweepAt('10:20'), { delivered: 0, failed: 0, givenUp: 0 });
    assert.deepEqual(await sweepAt('10:27'), { delivered: 0, failed: 1, givenUp: 0 }); // send 3; next not before 11:47
    assert.deepEqual(await sweepAt('11:48'), { delivered: 0, failed: 1, givenUp: 1 }); // send 4: given up
    const [failed, givenUp, ...more] = await notes(caseId);
    assert.match(failed!, /could not be delivered in Teams: Teams did not accept it \(503\)/);
    assert.equal(givenUp, 'The card "Extension request HC-2026-00001" for Priya Shah (Mon 21 Dec 2026 at 10:00) was never delivered: 4 sends failed (the last: Teams did not accept it (503)). It is no longer kept.');
    assert.deepEqual(more, []);

    faults.clear();
    await r.driver.say(PRIYA, 'help');
    assert.deepEqual(toPriya(), [], 'given up: not sent when she next talks to the bot');
    assert.deepEqual(logs.filter((l) => l.level >= 50).map((l) => l.msg), []);
  });
});
