import { strict as assert } from 'node:assert';
import { ACK_SENT, actionData, ALEX, cardText, CASEY, pressData, PRIYA, SAM } from '../support/bot-driver';
import { logComplaint, startTestBot, type TestBot } from '../support/test-app';

// The case workflow on cards, through the real adapter over HTTP: each action is an event with
// who, when and why; the card changes in place; stale, repeated and unauthorised actions change nothing.
describe('case workflow on Adaptive Cards', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let caseId = '';
  const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
  const stored = async () => (await bot.stores.cases.getCase(caseId))!;
  const press = (user: typeof ALEX, verb: string, data: Record<string, unknown> = {}) => bot.driver.execute(user, verb, { caseId, ...data });

  before(async () => {
    bot = await startTestBot();
    for (const user of [ALEX, PRIYA, CASEY, SAM]) await bot.driver.say(user, 'help'); // each has opened the bot
    ({ caseId } = await logComplaint(bot, ALEX));
    const ack = await press(ALEX, 'case.acknowledge', { version: await version(), ...ACK_SENT });
    assert.match(cardText(ack.body.value), /under investigation/);
  });
  after(async () => { await bot.stop(); });

  it('the handler sees the actions open to them; someone else sees only what they may do', async () => {
    const alex = (await press(ALEX, 'case.refresh')).body.value;
    assert.deepEqual((alex.actions as Array<{ title: string }>).map((a) => a.title), ['Record response', 'Request extension', 'Pause', 'Add note', 'Unacceptable behaviour', 'Withdraw', 'Refresh']);
    // Sam, an Estate Manager with no part in this case, is told nothing about it: the same answer as for no case at all.
    const sam = (await press(SAM, 'case.refresh')).body.value;
    assert.match(cardText(sam), /^Not yours to see/);
    assert.equal(cardText(sam), cardText((await bot.driver.execute(SAM, 'case.refresh', { caseId: 'no-such-case' })).body.value));
    assert.ok((alex as { refresh?: { userIds?: string[] } }).refresh?.userIds?.includes(PRIYA.aadObjectId), 'managers see the card refresh');
  });

  it('someone who may see the case can log correspondence, with date and channel; someone outside it cannot', async () => {
    const refused = await press(SAM, 'case.note', { version: await version(), on: '2026-11-23', channel: 'phone', text: 'Outsider note' });
    assert.match(cardText(refused.body.value), /Not yours to see/);
    const form = await press(CASEY, 'case.note.form');
    assert.match(cardText(form.body.value), /Log correspondence or a note/);
    const res = await press(CASEY, 'case.note', { version: await version(), on: '2026-11-23', channel: 'phone', text: 'Resident rang to ask for an update' });
    assert.match(cardText(res.body.value), /Saved\./);
    const last = (await stored()).events.at(-1)!;
    assert.deepEqual([last.type, last.by, last.on, last.why], ['note', 'casey.quinn', '2026-11-23', 'Phone: Resident rang to ask for an update']);
  });

  it('two notes added at once are both recorded, even from cards shown before the other', async () => {
    const before = (await stored()).events.length;
    const v = await version();
    const [a, b] = await Promise.all([
      press(CASEY, 'case.note', { version: v, on: '2026-11-23', channel: 'email', text: 'Email from the resident' }),
      press(ALEX, 'case.note', { version: v, on: '2026-11-23', channel: 'internal', text: 'Spoke to the contractor' }),
    ]);
    assert.match(cardText(a.body.value), /Saved\./);
    assert.match(cardText(b.body.value), /Saved\./);
    assert.equal((await stored()).events.length, before + 2);
  });

  it('someone who is not the handler cannot respond, and nothing changes', async () => {
    const before = (await stored()).events.length;
    const res = await press(CASEY, 'case.respond', { version: await version(), outcome: 'upheld', on: '2026-11-23' });
    assert.match(cardText(res.body.value), /You cannot do that on HC-2026-00001 now/);
    assert.equal((await stored()).events.length, before);
  });

  it('an extension over the cap is refused with the cap named, and nothing is stored', async () => {
    const res = await press(ALEX, 'case.extend', { version: await version(), workingDays: '11', reasonCategory: 'third-party', text: 'Contractor report' });
    assert.match(cardText(res.body.value), /capped at 10 working days/);
    assert.equal((await stored()).events.filter((e) => e.type === 'extension-requested').length, 0);
  });

  it('the handler asks for an extension; both managers above are sent the request', async () => {
    const before = bot.connector.sent.length;
    const res = await press(ALEX, 'case.extend', { version: await version(), workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor\'s report' });
    assert.match(cardText(res.body.value), /Extension requested\. Priya Shah and Casey Quinn were asked to decide/);
    assert.match(cardText(res.body.value), /Extension of 5 working days asked for by Alex Morgan/);
    await bot.connector.waitFor(before + 2);
    const sentTo = bot.connector.sent.slice(before).map((s) => s.conversationId).sort();
    assert.deepEqual(sentTo, [`personal-${PRIYA.aadObjectId}`, `personal-${CASEY.aadObjectId}`].sort());
    assert.match(cardText(bot.connector.cards().at(-1)), /Extension request: HC-2026-00001[\s\S]*Mon 7 Dec 2026[\s\S]*Mon 14 Dec 2026/);
  });

  it('the handler cannot approve their own extension', async () => {
    const res = await press(ALEX, 'case.extension.approve', { version: await version() });
    assert.match(cardText(res.body.value), /Only the handler's managers can decide this request/);
    assert.equal((await stored()).events.filter((e) => e.type === 'extended').length, 0);
  });

  it('two managers pressing Approve at once: exactly one approval, and one "already approved by"', async () => {
    const v = await version();
    const [a, b] = await Promise.all([press(PRIYA, 'case.extension.approve', { version: v }), press(CASEY, 'case.extension.approve', { version: v })]);
    const texts = [cardText(a.body.value), cardText(b.body.value)];
    assert.equal(texts.filter((t) => /Approved by you/.test(t)).length, 1, texts.join('\n---\n'));
    assert.equal(texts.filter((t) => /Already approved by (Priya Shah|Casey Quinn)/.test(t)).length, 1, texts.join('\n---\n'));
    const record = await stored();
    const approvals = record.events.filter((e) => e.type === 'extended');
    assert.equal(approvals.length, 1);
    // Approving tells nobody: the record says the resident is still to be told.
    assert.match(approvals[0]!.why ?? '', /The resident is to be told the reason, the new date \(Mon 14 Dec 2026\) and the Ombudsman's details \(Housing Ombudsman Service/);
    assert.deepEqual(record.deadlines.find((d) => d.kind === 'respond')?.due, '2026-12-14');
  });

  it('a response missing what the policy requires comes back with what is missing', async () => {
    const form = await press(ALEX, 'case.respond.form', { version: await version() });
    assert.match(cardText(form.body.value), /Record the stage 1 response/);
    const res = await press(ALEX, 'case.respond', { version: await version(), outcome: 'partly-upheld', on: '2026-11-23', 'item-stage': 'Stage 1', 'item-reasons': 'The repair was late' });
    assert.match(cardText(res.body.value), /must include: complaint definition, remedy, outstanding actions, how to escalate\./);
    assert.equal((await stored()).state, 'investigating');
  });

  it('a complete response is recorded with its contents', async () => {
    const res = await press(ALEX, 'case.respond', {
      version: await version(), outcome: 'partly-upheld', on: '2026-11-23',
      'item-stage': 'Stage 1', 'item-complaint-definition': 'Window repair not done', 'item-reasons': 'The repair was late',
      'item-remedy': 'Apology and £50', 'item-outstanding-actions': 'Fit the window by 4 Dec (Repairs team)', 'item-how-to-escalate': 'Ask for stage 2',
    });
    assert.match(cardText(res.body.value), /Response recorded \(partly upheld\)/);
    const record = await stored();
    assert.equal(record.state, 'responded');
    const response = record.events.at(-1)!;
    assert.equal(response.type === 'responded' && response.content?.remedy, 'Apology and £50');
  });

  it('escalation goes to the stage 2 handler (not the stage 1 handler), who accepts it', async () => {
    const before = bot.connector.sent.length;
    const res = await press(ALEX, 'case.escalate', { version: await version(), on: '2026-11-23', text: '' });
    assert.match(cardText(res.body.value), /Escalated to stage 2, handled by Priya Shah/);
    let record = await stored();
    assert.deepEqual([record.stage, record.state, record.responsibleOfficerId], [2, 'awaiting-acknowledgement', 'priya.shah']);
    await bot.connector.waitFor(before + 1);
    const card = bot.connector.cards().at(-1);
    assert.match(cardText(card), /New complaint for you: HC-2026-00001/);
    const accepted = await bot.driver.execute(PRIYA, 'case.acknowledge', pressData(card, 'case.acknowledge'));
    assert.match(cardText(accepted.body.value), /Stage 2 response/);
    record = await stored();
    assert.equal(record.state, 'investigating');
  });

  it('a stale card changes nothing and shows the case as it is now', async () => {
    const res = await press(PRIYA, 'case.pause', { version: '"an-old-version"', on: '2026-11-23', text: 'Mediation', consent: 'true' });
    assert.match(cardText(res.body.value), /This case has changed since this card was shown, so nothing was changed/);
    assert.equal((await stored()).state, 'investigating');
  });

  it('pausing needs the complainant\'s consent; resuming restarts the clock', async () => {
    const noConsent = await press(PRIYA, 'case.pause', { version: await version(), on: '2026-11-23', text: 'Mediation', consent: 'false' });
    assert.match(cardText(noConsent.body.value), /needs the complainant's agreement/);
    const paused = await press(PRIYA, 'case.pause', { version: await version(), on: '2026-11-23', text: 'Referred to mediation', consent: 'true' });
    assert.match(cardText(paused.body.value), /Paused: the deadlines are stopped/);
    assert.deepEqual((((await press(PRIYA, 'case.refresh')).body.value).actions as Array<{ title: string }>).map((a) => a.title), ['Resident told', 'Resume', 'Add note', 'Unacceptable behaviour', 'Withdraw', 'Refresh']);
    const resumed = await press(PRIYA, 'case.resume', { version: await version() });
    assert.match(cardText(resumed.body.value), /Resumed/);
    assert.equal((await stored()).state, 'investigating');
  });

  it('unacceptable behaviour: proposed with evidence, decided by the AD; the complaint goes on', async () => {
    const proposed = await press(PRIYA, 'case.behaviour', { version: await version(), text: 'Abusive voicemails on 20 and 21 November, saved to the file' });
    assert.match(cardText(proposed.body.value), /Reported to the Assistant Director/);
    const noRestrictions = await press(PRIYA, 'case.behaviour.decide', { version: await version(), decision: 'restrict', text: 'Repeated abuse', restrictions: '' });
    assert.match(cardText(noRestrictions.body.value), /Say what the restrictions are/);
    const decided = await press(PRIYA, 'case.behaviour.decide', { version: await version(), decision: 'restrict', text: 'Repeated abuse', restrictions: 'Email contact only', reviewOn: '2027-05-23' });
    assert.match(cardText(decided.body.value), /Decision recorded/);
    const record = await stored();
    const decision = record.events.at(-1)!;
    assert.equal(decision.type === 'behaviour-decided' && decision.restrictions, 'Email contact only');
    assert.equal(record.state, 'investigating');
  });

  it('a withdrawal needs the evidence; then the case is withdrawn and every action is recorded with who and why', async () => {
    const empty = await press(PRIYA, 'case.withdraw', { version: await version(), on: '2026-11-23', text: ' ' });
    assert.match(cardText(empty.body.value), /The evidence is required/);
    await press(PRIYA, 'case.withdraw', { version: await version(), on: '2026-11-23', text: 'Resident emailed on 23 Nov to withdraw; email saved' });
    const record = await stored();
    assert.equal(record.state, 'withdrawn');
    const trail = record.events.map((e) => `${e.type}:${e.by}`);
    // The two notes written at the same moment may be stored in either order.
    assert.deepEqual(trail.splice(5, 2).sort(), ['note:alex.morgan', 'note:casey.quinn']);
    assert.deepEqual(trail, [
      // Intake recorded a vulnerability and an adjustment: they are kept under review from the start.
      'received:alex.morgan', 'assigned:alex.morgan', 'adjustments-recorded:alex.morgan', 'acknowledged:alex.morgan', 'note:casey.quinn', 'extension-requested:alex.morgan',
      `extended:${record.events.find((e) => e.type === 'extended')!.by}`, 'responded:alex.morgan', 'escalation-requested:alex.morgan', 'assigned:alex.morgan',
      'acknowledged:priya.shah', 'paused:priya.shah', 'resumed:priya.shah', 'behaviour-proposed:priya.shah', 'behaviour-decided:priya.shah', 'withdrawn:priya.shah',
    ]);
  });
});

describe('case workflow: draft-response steps (seed 004 policy)', function () {
  this.timeout(60_000);
  it('the draft, the comment window and the final decision are separate steps with their own deadlines', async () => {
    const bot = await startTestBot({ config: { policy: 'council-draft-response' } });
    try {
      await bot.driver.say(ALEX, 'help');
      const { caseId } = await logComplaint(bot, ALEX); // received Mon 23 Nov
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      const drafted = await bot.driver.execute(ALEX, 'case.draft', { caseId, version: await version() });
      const text = cardText(drafted.body.value);
      assert.match(text, /Draft recorded/);
      // Draft sent Mon 23 Nov: comments until Mon 30 Nov, final decision by Mon 7 Dec.
      assert.match(text, /Stage 1 resident's comments on the draft\nMon 30 Nov 2026/);
      assert.match(text, /Stage 1 final decision\nMon 7 Dec 2026/);
      const comments = await bot.driver.execute(ALEX, 'case.comments', { caseId, version: await version() });
      assert.match(cardText(comments.body.value), /Stage 1 resident's comments on the draft\nMon 30 Nov 2026\nmet Mon 23 Nov 2026/);
    } finally {
      await bot.stop();
    }
  });
});

describe('case workflow: refusing an escalation needs a reason and the manager\'s approval', function () {
  this.timeout(60_000);
  it('the handler proposes, the manager is sent the card and approves; the escalation is then refused', async () => {
    const bot = await startTestBot();
    try {
      for (const user of [ALEX, PRIYA, CASEY]) await bot.driver.say(user, 'help');
      const { caseId } = await logComplaint(bot, ALEX);
      const version = async () => (await bot.stores.cases.getCase(caseId))!.version;
      await bot.driver.execute(ALEX, 'case.acknowledge', { caseId, version: await version(), ...ACK_SENT });
      await bot.driver.execute(ALEX, 'case.respond', {
        caseId, version: await version(), outcome: 'not-upheld', on: '2026-11-23',
        'item-stage': 'Stage 1', 'item-complaint-definition': 'd', 'item-reasons': 'r', 'item-remedy': 'None', 'item-outstanding-actions': 'None', 'item-how-to-escalate': 'Ask',
      });
      const noReason = await bot.driver.execute(ALEX, 'case.refuse-escalation', { caseId, version: await version(), text: '' });
      assert.match(cardText(noReason.body.value), /The reason is required/);

      const before = bot.connector.sent.length;
      const proposed = await bot.driver.execute(ALEX, 'case.refuse-escalation', { caseId, version: await version(), text: 'The matter is already in court' });
      assert.match(cardText(proposed.body.value), /Refusal proposed\. Priya Shah and Casey Quinn were asked to decide/);
      await bot.connector.waitFor(before + 1);
      const card = bot.connector.sent.find((s, i) => i >= before && s.conversationId === `personal-${PRIYA.aadObjectId}`)!.activity.attachments![0]!.content;
      assert.match(cardText(card), /Refuse escalation: HC-2026-00001[\s\S]*The matter is already in court/);

      const self = await bot.driver.execute(ALEX, 'case.escalation-refusal.approve', actionData(card, 'case.escalation-refusal.approve'));
      assert.match(cardText(self.body.value), /Only the handler's managers can decide this/);
      const approved = await bot.driver.execute(PRIYA, 'case.escalation-refusal.approve', actionData(card, 'case.escalation-refusal.approve'));
      assert.match(cardText(approved.body.value), /Refusal approved by you/);
      const record = (await bot.stores.cases.getCase(caseId))!;
      assert.match(record.events.at(-1)!.why ?? '', /Refusal approved by Priya Shah\. The resident is to be told the reason and the Ombudsman's details \(Housing Ombudsman Service/);
      const view = await bot.driver.execute(ALEX, 'case.refresh', { caseId });
      assert.ok(!(view.body.value.actions as Array<{ title: string }>).some((a) => /escalat/i.test(a.title)), 'no escalation action once refused');
    } finally {
      await bot.stop();
    }
  });
});
