import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { createStores } from '../../src/store/create-stores';
import { actionData, cardText } from '../support/bot-driver';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';

// The whole bot as a process, behind the Microsoft 365 Agents Playground (the local Teams
// emulator), driven through the playground's own HTTP and WebSocket routes as its web UI does.
describe('e2e: a complaint logged in the Agents Playground', function () {
  this.timeout(120_000);
  const root = path.resolve(__dirname, '../..');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-e2e-'));
  const today = londonDateOf(new Date());
  const complaint = { ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) };
  let port = 0;
  let bot: BotProcess;
  let playground: RunningPlayground;
  let chat: PlaygroundClient;

  before(async () => {
    port = await freePort();
    bot = await startBotProcess({ DATA_DIR: dataDir }, port);
    playground = await startPlayground({
      appEndpoint: `${bot.url}/api/messages`, configPath: path.join(root, '.m365agentsplayground.yml'),
      workDir: mkdtempSync(path.join(tmpdir(), 'playground-')), port: 0,
    });
    chat = new PlaygroundClient(playground.url);
    await chat.connect();
  });

  after(async () => {
    chat?.close();
    await playground?.stop();
    await bot?.stop();
  });

  const last = (messages: ChatMessage[]) => messages.at(-1)!;
  const card = (m: ChatMessage) => m.attachments[0]!.content;

  it('the chat opens with the welcome card', async () => {
    await chat.install();
    const [welcome] = await chat.waitForMessages(1);
    assert.match(cardText(card(welcome!)), /Hello Alex, I'm the complaints bot/);
  });

  it('logs a complaint through the cards; the confirmation, the officer\'s card and the stored case agree', async () => {
    await chat.say('new complaint');
    const form = last(await chat.waitForMessages(2));
    const intakeId = actionData(card(form), 'intake.next').intakeId;

    const step2 = await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    assert.match(cardText(step2), /step 2 of 3/);
    const review = await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...complaint });
    assert.match(cardText(review), /step 3 of 3[\s\S]*Robin Example/);
    const confirmation = await chat.press(form, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(confirmation), /Complaint logged: HC-\d{4}-00001[\s\S]*Alex Morgan \(AHM\)[\s\S]*Stage 1 acknowledgement/);

    const officerCard = card(last(await chat.waitForMessages(3)));
    assert.match(cardText(officerCard), /New complaint for you: HC-\d{4}-00001/);
    assert.ok(actionData(officerCard, 'case.acknowledge').caseId);

    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      const stored = (await stores.cases.openCasesByOfficer('alex.morgan'))[0];
      assert.equal(stored?.state, 'awaiting-acknowledgement');
      assert.equal(stored?.receivedOn, today);
      assert.equal(stored?.deadlines[0]?.kind, 'acknowledge');
      assert.match(cardText(confirmation), new RegExp(stored!.reference));
    } finally {
      await stores.close();
    }
  });

  it('a restart of the bot mid-intake loses nothing: the complaint is finished afterwards', async () => {
    const before = chat.messages().length;
    await chat.say('new complaint');
    const form = last(await chat.waitForMessages(before + 1));
    const intakeId = actionData(card(form), 'intake.next').intakeId;
    assert.match(cardText(await chat.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT })), /step 2 of 3/);

    await bot.stop('SIGKILL');
    bot = await startBotProcess({ DATA_DIR: dataDir }, port);

    assert.match(cardText(await chat.press(form, 'intake.next', { intakeId, step: 'complaint', ...complaint })), /step 3 of 3/);
    const confirmation = await chat.press(form, 'intake.submit', { intakeId, step: 'review' });
    assert.match(cardText(confirmation), /Complaint logged: HC-\d{4}-00002/);
  });
});
