import { strict as assert } from 'node:assert';
import { ACK_SENT, ALEX, cardText, PRIYA, SAM } from '../support/bot-driver';
import { COMPLAINANT, COMPLAINT, logComplaint, startTestBot, type TestBot } from '../support/test-app';

// The case record a handler can work from (issue 21), through the real adapter over HTTP:
// nothing typed on a card is lost, what intake and each response recorded is on the case card,
// and nothing in the history says the resident was told unless a person recorded telling them.
describe('the case record on the cards', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const press = async (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) =>
    bot.driver.execute(user, verb, { caseId, version: (await stored()).version, ...data });
  const caseCard = async (user: typeof ALEX) => cardText((await bot.driver.execute(user, 'case.refresh', { caseId })).body.value);

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, PRIYA, SAM]) await bot.driver.say(user, 'help');
    ({ caseId } = await logComplaint(bot, ALEX));
    await press(ALEX, 'case.acknowledge', ACK_SENT);
  });
  after(async () => { await bot.stop(); });

  it('the case card shows what intake recorded; contact details and vulnerabilities only to those who act on the case', async () => {
    const alex = await caseCard(ALEX);
    for (const recorded of [COMPLAINT.complaintDefinition, COMPLAINT.outcomeSought, COMPLAINT.description, COMPLAINANT.contactEmail, COMPLAINANT.address, COMPLAINANT.vulnerabilities, COMPLAINANT.adjustments]) {
      assert.ok(alex.includes(recorded), `the handler's card shows "${recorded}"`);
    }
    assert.match(alex, /Preferred contact\nEmail/);
    const sam = await caseCard(SAM); // an Estate Manager with no part in this case: nothing at all (issue 18)
    assert.match(sam, /^Not yours to see/);
    for (const anything of [COMPLAINT.complaintDefinition, COMPLAINANT.complainantName, COMPLAINANT.contactEmail, COMPLAINANT.address, COMPLAINANT.vulnerabilities]) {
      assert.ok(!sam.includes(anything), `someone outside the case does not see "${anything}"`);
    }
  });

  it('a manager\'s comment on a rejected extension is kept in the event and shown on the case card', async () => {
    await press(ALEX, 'case.extend', { workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor\'s report' });
    const rejected = await press(PRIYA, 'case.extension.reject', { text: 'Chase the contractor first; ask again on Friday if nothing comes.' });
    assert.match(cardText(rejected.body.value), /Rejected by you/);
    const event = (await stored()).events.findLast((e) => e.type === 'extension-rejected');
    assert.equal(event?.why, 'Rejected by Priya Shah: "Chase the contractor first; ask again on Friday if nothing comes."');
    assert.match(await caseCard(ALEX), /Extension rejected\nby Priya Shah[^\n]*\nRejected by Priya Shah: "Chase the contractor first; ask again on Friday if nothing comes\."/);
  });

  it('an approved extension says the resident is still to be told until the handler records telling them', async () => {
    await press(ALEX, 'case.extend', { workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor\'s report' });
    await press(PRIYA, 'case.extension.approve', { text: '' });
    let card = await caseCard(ALEX);
    assert.match(card, /The resident is still to be told of the extension decided Mon 23 Nov 2026: nobody has recorded telling them/);
    assert.match(card, /Stage 1 telling the resident of a decision\nTue 24 Nov 2026\n1 working day left/);
    const form = await press(ALEX, 'case.resident-told.form');
    assert.match(cardText(form.body.value), /Record that the resident was told[\s\S]*The extension \(decided Mon 23 Nov 2026\)/);
    const told = await press(ALEX, 'case.resident-told', { on: '2026-11-23', reasonCategory: 'extension', channel: 'letter', text: 'Letter with the new date' });
    assert.match(cardText(told.body.value), /Recorded: the resident was told of the extension by letter on Mon 23 Nov 2026/);
    card = await caseCard(ALEX);
    assert.doesNotMatch(card, /still to be told/);
    assert.match(card, /Stage 1 telling the resident of a decision\nTue 24 Nov 2026\nmet Mon 23 Nov 2026/);
    const last = (await stored()).events.at(-1)!;
    assert.deepEqual([last.type, last.by, last.type === 'resident-told' && last.method, last.why], ['resident-told', 'alex.morgan', 'letter', 'Letter with the new date']);
  });

  it('each response\'s contents are on the case card, so stage 2 can read what stage 1 said', async () => {
    await press(ALEX, 'case.respond', {
      outcome: 'partly-upheld', on: '2026-11-23', 'item-stage': 'Stage 1', 'item-complaint-definition': 'Window repair not done',
      'item-reasons': 'The repair was booked late', 'item-remedy': 'Apology and £50 for the delay', 'item-outstanding-actions': 'Fit the window by 4 Dec (Repairs team)',
      'item-how-to-escalate': 'Ask for stage 2 within 20 working days',
    });
    await press(ALEX, 'case.escalate', { on: '2026-11-23', text: 'Not happy with £50' });
    const priya = await caseCard(PRIYA);
    assert.match(priya, /Stage 1 response, Mon 23 Nov 2026: Partly upheld/);
    assert.match(priya, /Reasons\nThe repair was booked late/);
    assert.match(priya, /Remedy\nApology and £50 for the delay/);
    assert.match(priya, /Outstanding actions\nFit the window by 4 Dec \(Repairs team\)/);
  });

  it('nothing in the stored history says the resident was told, except what a person recorded', async () => {
    const record = await stored();
    const claims = record.events.filter((e) => e.type !== 'resident-told' && /\b(is|was|were|been) told\b/i.test(e.why ?? ''));
    assert.deepEqual(claims.map((e) => `${e.type}: ${e.why}`), []);
    assert.equal(record.events.filter((e) => e.type === 'resident-told').length, 1);
  });
});
