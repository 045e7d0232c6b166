import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import { playgroundConfigYaml } from '../../src/dev/playground-config';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { actionData, cardText, pressData } from '../support/bot-driver';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';

// Issue 21, as found: `npm run dev -- --as priya.shah`, then `npm run dev` as Alex on the same
// port. The Agents Playground knows only its own user's chat, so a card to Priya is answered
// 404 "Conversation not found". Alex is told so (not "has not opened the bot"), nothing is
// logged as an error, and Priya gets the card when she opens her chat again.
describe('e2e: a card the Agents Playground cannot deliver is said truly and sent later', function () {
  this.timeout(180_000);
  const today = londonDateOf(new Date());
  const complaint = { ...COMPLAINT, receivedOn: today, issueOccurredOn: addCalendarDays(today, -20) };
  let bot: BotProcess;
  let port = 0;
  let playground: RunningPlayground | undefined;
  let chat: PlaygroundClient | undefined;

  /** One Playground at a time on the same port, as `npm run dev -- --as <person>` runs it. */
  async function openAs(person: string): Promise<PlaygroundClient> {
    chat?.close();
    await playground?.stop();
    const dir = mkdtempSync(path.join(tmpdir(), `playground-${person}-`));
    const configPath = path.join(dir, '.m365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(DEMO_DIRECTORY, person));
    playground = await startPlayground({ appEndpoint: `${bot.url}/api/messages`, configPath, workDir: dir, port });
    chat = new PlaygroundClient(playground.url);
    await chat.connect();
    return chat;
  }

  before(async () => {
    bot = await startBotProcess({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'complaints-undelivered-')) });
    port = await freePort();
  });
  after(async () => {
    chat?.close();
    await playground?.stop();
    await bot?.stop();
  });

  const card = (m: ChatMessage) => m.attachments[0]!.content;

  it('Alex is told Priya could not be reached; Priya gets the request when she opens the chat again', async () => {
    const priya = await openAs('priya.shah');
    await priya.install();
    await priya.waitForMessages(1); // the bot now holds Priya's conversation in this Playground

    const alex = await openAs('alex.morgan');
    await alex.install();
    await alex.say('new complaint');
    const form = (await alex.waitForMessages(2)).at(-1)!;
    const intakeId = actionData(card(form), 'intake.next').intakeId;
    await alex.press(form, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
    await alex.press(form, 'intake.next', { intakeId, step: 'complaint', ...complaint });
    await alex.press(form, 'intake.submit', { intakeId, step: 'review' });
    const officerCard = (await alex.waitForMessages(3)).at(-1)!;
    const acknowledged = await alex.press(officerCard, 'case.acknowledge', { ...pressData(card(officerCard), 'case.acknowledge'), on: today, channel: 'email' });
    const extended = await alex.press(officerCard, 'case.extend', { ...actionData(acknowledged, 'case.extend.form'), workingDays: '5', reasonCategory: 'third-party', text: 'Waiting for the contractor' });
    const said = cardText(extended);
    assert.match(said, /Priya Shah could not be reached in Teams \(the conversation no longer exists\): please tell them; the card will be sent again when they next open the complaints bot\./);
    assert.match(said, /Casey Quinn could not be messaged in Teams \(they have not opened the complaints bot yet\)/);
    assert.doesNotMatch(said, /Priya Shah[^.]*not opened/);

    const again = await openAs('priya.shah');
    await again.say('help');
    // The Playground shows the line and the card as two messages (Teams, as one); then the reply to "help".
    const messages = await again.waitForMessages(3);
    assert.match(String(messages[0]!.text ?? ''), /^Sent again: this could not be delivered to you on /);
    assert.match(cardText(card(messages[1]!)), /Extension request: HC-\d{4}-00001/);
    assert.match(cardText(card(messages[2]!)), /What I can do/);

    const errors = bot.output().split('\n').filter((line) => /"level":(50|60)/.test(line));
    assert.deepEqual(errors, []);
    assert.match(bot.output(), /"level":40[^\n]*"status":404[^\n]*conversation is gone or refused/);
  });
});
