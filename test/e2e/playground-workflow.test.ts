import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { playgroundConfigYaml } from '../../src/dev/playground-config';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { actionData, cardText, pressData } from '../support/bot-driver';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';

// The workflow across people, each in their own Agents Playground (the playground has one
// user per instance; the bot reaches each through the conversation it stored for them).
describe('e2e: the case workflow across officer, managers and AD in the Agents Playground', function () {
  this.timeout(180_000);
  const today = londonDateOf(new Date());
  const complaint = { ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) };
  let bot: BotProcess;
  const playgrounds: RunningPlayground[] = [];
  const chats: Record<string, PlaygroundClient> = {};

  before(async () => {
    bot = await startBotProcess({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'complaints-wf-')) });
    for (const person of ['alex.morgan', 'priya.shah', 'casey.quinn']) {
      const dir = mkdtempSync(path.join(tmpdir(), `playground-${person}-`));
      const configPath = path.join(dir, '.m365agentsplayground.yml');
      writeFileSync(configPath, playgroundConfigYaml(DEMO_DIRECTORY, person));
      const playground = await startPlayground({ appEndpoint: `${bot.url}/api/messages`, configPath, workDir: dir, port: 0 });
      playgrounds.push(playground);
      const chat = new PlaygroundClient(playground.url);
      await chat.connect();
      await chat.install();
      await chat.waitForMessages(1); // the welcome card: the bot now knows this person's conversation
      chats[person] = chat;
    }
  });

  after(async () => {
    Object.values(chats).forEach((c) => c.close());
    for (const p of playgrounds) await p.stop();
    await bot?.stop();
  });

  const card = (m: ChatMessage) => m.attachments[0]!.content;
  const next = async (person: string, count: number) => card((await chats[person]!.waitForMessages(count)).at(-1)!);
  const latest = (person: string) => chats[person]!.messages().at(-1)!;

  it('officer logs and acknowledges; both managers approve an extension at once: one approval, one "already approved by"', async () => {
    const alex = chats['alex.morgan']!;
    await alex.say('new complaint');
    const form = (await alex.waitForMessages(2)).at(-1)!;
    const intakeId = actionData(card(form), 'intake.next').intakeId;
    await alex.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    await alex.press(form, 'intake.next', { intakeId, step: 'complaint', ...complaint });
    assert.match(cardText(await alex.press(form, 'intake.submit', { intakeId, step: 'review' })), /Complaint logged: HC-\d{4}-00001/);

    const officerCardMessage = (await alex.waitForMessages(3)).at(-1)!;
    const acknowledged = await alex.press(officerCardMessage, 'case.acknowledge', pressData(card(officerCardMessage), 'case.acknowledge'));
    assert.match(cardText(acknowledged), /under investigation/);

    const extended = await alex.press(officerCardMessage, 'case.extend', { ...actionData(acknowledged, 'case.extend.form'), workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor' });
    assert.match(cardText(extended), /Priya Shah and Casey Quinn were asked to decide/);

    await next('priya.shah', 2);
    await next('casey.quinn', 2);
    const priyaCard = latest('priya.shah');
    const caseyCard = latest('casey.quinn');
    const [a, b] = await Promise.all([
      chats['priya.shah']!.press(priyaCard, 'case.extension.approve', actionData(card(priyaCard), 'case.extension.approve')),
      chats['casey.quinn']!.press(caseyCard, 'case.extension.approve', actionData(card(caseyCard), 'case.extension.approve')),
    ]);
    const texts = [cardText(a), cardText(b)];
    assert.equal(texts.filter((t) => /Approved by you/.test(t)).length, 1, texts.join('\n---\n'));
    assert.equal(texts.filter((t) => /Already approved by (Priya Shah|Casey Quinn)/.test(t)).length, 1, texts.join('\n---\n'));
  });

  it('the officer responds; the resident\'s escalation goes to the AD, who accepts it', async () => {
    const alex = chats['alex.morgan']!;
    await alex.say('my cases');
    const list = (await alex.waitForMessages(alex.messages().length + 1)).at(-1)!;
    const view = await alex.press(list, 'case.view', { ...actionData(card(list), 'case.view'), refresh: true });
    const respondForm = await alex.press(list, 'case.respond.form', actionData(view, 'case.respond.form'));
    const responded = await alex.press(list, 'case.respond', {
      ...actionData(respondForm, 'case.respond'), outcome: 'partly-upheld', on: today,
      'item-stage': 'Stage 1', 'item-complaint-definition': 'Window repair not done', 'item-reasons': 'The repair was late',
      'item-remedy': 'Apology and £50', 'item-outstanding-actions': 'Fit the window (Repairs team)', 'item-how-to-escalate': 'Ask for stage 2',
    });
    assert.match(cardText(responded), /Response recorded/);

    const priyaBefore = chats['priya.shah']!.messages().length;
    const escalated = await alex.press(list, 'case.escalate', { ...actionData(responded, 'case.escalate.form'), on: today, text: '' });
    assert.match(cardText(escalated), /Escalated to stage 2, handled by Priya Shah/);

    const assigned = await next('priya.shah', priyaBefore + 1);
    assert.match(cardText(assigned), /New complaint for you: HC-\d{4}-00001/);
    const accepted = await chats['priya.shah']!.press(latest('priya.shah'), 'case.acknowledge', pressData(assigned, 'case.acknowledge'));
    assert.match(cardText(accepted), /Stage 2 response/);
  });
});
