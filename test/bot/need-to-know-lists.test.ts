import { strict as assert } from 'node:assert';
import { ONLY_YOURS } from '../../src/bot/handlers/report-handler';
import { ALEX, cardText, PRIYA, SAM, STRANGER, type TeamsUser } from '../support/bot-driver';
import { receivedBy, seedCase } from '../support/seed-cases';
import { startTestBot, type TestBot } from '../support/test-app';
import { respond } from '../reports/fixtures';

const TAYLOR: TeamsUser = { name: 'Taylor Reed', aadObjectId: '00000000-0000-4000-8000-000000000004' }; // AHM, Hillside
const MORGAN: TeamsUser = { name: 'Morgan Lee', aadObjectId: '00000000-0000-4000-8000-000000000007' }; // the PIM and complaints team
const CHRIS: TeamsUser = { name: 'Chris Doyle', aadObjectId: '00000000-0000-4000-8000-000000000006' }; // an AD who manages none of these officers

// Issue 18: need-to-know reaches the lists. The `log`, the report's files and the dashboard name
// cases only to those who may see them (casesVisibleTo); the figures stay whole for the report
// roles. Through the real adapter over HTTP, with the clock on Monday 23 November 2026.
describe('need-to-know in the log, the report files and the dashboard', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let riverside: { caseId: string; reference: string };
  let hillside: { caseId: string; reference: string };
  let hillsideAnswered: { caseId: string; reference: string };

  async function sayCard(user: TeamsUser, text: string): Promise<string> {
    const before = bot.connector.sent.length;
    await bot.driver.say(user, text);
    await bot.connector.waitFor(before + 1);
    return cardText(bot.connector.cards().at(-1));
  }

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, TAYLOR, MORGAN, PRIYA, CHRIS, SAM, STRANGER]) await bot.driver.say(user, 'help');
    // Alex's team (Riverside) and Taylor's (Hillside): each an overdue acknowledgement; Taylor has also answered one, with a lesson.
    riverside = await seedCase(bot, { events: receivedBy('alex.morgan', '2026-11-02'), estate: 'Riverside', name: 'Rowan Riverside', loggedBy: 'alex.morgan' });
    hillside = await seedCase(bot, { events: receivedBy('taylor.reed', '2026-11-02'), estate: 'Hillside', name: 'Harper Hillside', loggedBy: 'taylor.reed' });
    hillsideAnswered = await seedCase(bot, {
      events: [...receivedBy('taylor.reed', '2026-11-02'), { type: 'acknowledged', on: '2026-11-03' }, respond('2026-11-16', 'upheld', 1, { 'lessons-learned': 'Check the Hillside gutters every autumn' })],
      estate: 'Hillside', name: 'Hollis Hillside', loggedBy: 'taylor.reed',
    });
  });
  after(async () => { await bot?.stop(); });

  it('an AHM\'s log lists their own team\'s cases, not another team\'s, and says so', async () => {
    const alex = await sayCard(ALEX, 'log');
    assert.match(alex, /all open cases · 1 open/);
    assert.ok(alex.includes(riverside.reference) && alex.includes('Rowan Riverside'));
    for (const other of [hillside.reference, hillsideAnswered.reference, 'Harper Hillside', 'Hollis Hillside']) assert.ok(!alex.includes(other), `Alex does not see ${other}`);
    assert.ok(alex.includes(ONLY_YOURS));

    const taylor = await sayCard(TAYLOR, 'log');
    assert.match(taylor, /all open cases · 2 open/);
    assert.ok(taylor.includes(hillside.reference) && taylor.includes(hillsideAnswered.reference));
    assert.ok(!taylor.includes(riverside.reference) && !taylor.includes('Rowan Riverside'));

    // A filter cannot reach past the rule, nor can a page button.
    assert.match(await sayCard(ALEX, 'log estate Hillside'), /estate "Hillside" · 0 open/);
    const paged = cardText((await bot.driver.execute(ALEX, 'log.page', { page: 1, estate: 'Hillside' })).body.value);
    assert.match(paged, /estate "Hillside" · 0 open/);
    assert.ok(!paged.includes(hillside.reference));
  });

  it('the PIM sees every case, and so does the AD who manages both teams; an AD who manages neither sees none', async () => {
    for (const user of [MORGAN, PRIYA]) {
      const text = await sayCard(user, 'log');
      assert.match(text, /all open cases · 3 open/, user.name);
      for (const ref of [riverside.reference, hillside.reference, hillsideAnswered.reference]) assert.ok(text.includes(ref), `${user.name} sees ${ref}`);
    }
    assert.ok(!(await sayCard(MORGAN, 'log')).includes(ONLY_YOURS), 'the complaints team is not told the list is partial');
    const chris = await sayCard(CHRIS, 'log');
    assert.match(chris, /all open cases · 0 open/);
    assert.ok(chris.includes(ONLY_YOURS));
  });

  it('the report\'s figures count every case; its CSV log and its lessons only the cases the person may see', async () => {
    const before = bot.connector.sent.length;
    await bot.driver.say(ALEX, 'report 2026-Q4');
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1)!;
    assert.match(cardText(card), /Complaints received\n3\n/, 'the figures are the whole landlord\'s');
    const [html, csv] = ((card.actions ?? []) as Array<{ type: string; url: string }>).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
    const log = await (await fetch(csv!)).text();
    assert.ok(log.includes(riverside.reference));
    assert.ok(!log.includes(hillside.reference) && !log.includes(hillsideAnswered.reference), 'no other team\'s row in the CSV');
    const report = await (await fetch(html!)).text();
    assert.ok(!report.includes('Check the Hillside gutters') && !report.includes(hillsideAnswered.reference), 'no other team\'s lesson in the HTML report');

    // Taylor, whose case it is, has the lesson.
    const mark = bot.connector.sent.length;
    await bot.driver.say(TAYLOR, 'report 2026-Q4');
    await bot.connector.waitFor(mark + 1);
    const taylorLinks = ((bot.connector.cards().at(-1)!.actions ?? []) as Array<{ type: string; url: string }>).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url);
    assert.ok((await (await fetch(taylorLinks[0]!)).text()).includes('Check the Hillside gutters every autumn'));
    assert.ok(!(await (await fetch(taylorLinks[1]!)).text()).includes(riverside.reference));
  });

  it('the dashboard counts every case but lists only the AHM\'s own overdue cases, and says how many it leaves out', async () => {
    const alex = await (await fetch(`${bot.app.url}/dashboard?as=alex.morgan`)).text();
    assert.match(alex, /id="overdue-count">2</, 'both overdue acknowledgements are counted');
    assert.ok(alex.includes(riverside.reference));
    assert.ok(!alex.includes(hillside.reference), 'the other team\'s overdue case is not listed');
    assert.match(alex, /1 other case overdue is counted above but not listed: it is handled outside your team/);

    const morgan = await (await fetch(`${bot.app.url}/dashboard?as=morgan.lee`)).text();
    assert.match(morgan, /id="overdue-count">2</);
    assert.ok(morgan.includes(riverside.reference) && morgan.includes(hillside.reference));
    assert.ok(!morgan.includes('counted above but not listed'));
  });

  it('someone outside a case gets the same answer for its reference as for a reference that does not exist', async () => {
    const existing = await sayCard(SAM, `case ${hillside.reference}`);
    const missing = await sayCard(SAM, 'case HC-2026-99999');
    assert.match(existing, /^Not yours to see/);
    assert.equal(existing, missing);
    assert.equal(await sayCard(ALEX, `case ${hillside.reference}`), missing, 'an AHM of another team likewise');
  });
});
