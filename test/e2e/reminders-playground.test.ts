import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { actionData, cardText } from '../support/bot-driver';
import { freePort } from '../support/bot-process';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';

// What `npm run dev` shows: the demo complaint (due the next working day) gives Alex Morgan a
// reminder card in the Agents Playground once the chat is open, from the bot's own timer.
describe('e2e: the demo reminder in the Agents Playground', function () {
  this.timeout(90_000);
  const root = path.resolve(__dirname, '../..');
  let bot: ChildProcess | undefined;
  let playground: RunningPlayground | undefined;
  let chat: PlaygroundClient | undefined;
  let output = '';

  after(async () => {
    chat?.close();
    await playground?.stop();
    if (bot && bot.exitCode === null) await new Promise((resolve) => { bot!.once('exit', resolve); bot!.kill('SIGTERM'); });
  });

  it('sends Alex a reminder card with Acknowledge within seconds of the chat opening', async () => {
    const port = await freePort();
    bot = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/reminders/support/demo-bot-entry.ts')], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'reminders-e2e-')), PORT: String(port), REMINDER_SWEEP_SECONDS: '1', REMINDER_WORKING_HOURS: '00:00-24:00', LOG_LEVEL: 'info' },
    });
    bot.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    bot.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    const botUrl = `http://localhost:${port}`;
    for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 100))) {
      if (bot.exitCode !== null) throw new Error(`the bot exited:\n${output}`);
      if (await fetch(`${botUrl}/healthz`).then((r) => r.ok, () => false)) break;
      if (Date.now() - started > 30_000) throw new Error(`the bot did not start:\n${output}`);
    }
    assert.match(output, /SEEDED \{"seeded":true,"reference":"HC-\d{4}-00001"/);

    playground = await startPlayground({
      appEndpoint: `${botUrl}/api/messages`, configPath: path.join(root, '.m365agentsplayground.yml'),
      workDir: mkdtempSync(path.join(tmpdir(), 'playground-reminders-')), port: 0,
    });
    chat = new PlaygroundClient(playground.url);
    await chat.connect();
    await chat.install(); // opening the chat installs the app: the bot now has Alex's conversation

    const isReminder = (m: ChatMessage) => /Stage 1 acknowledgement due in 1 working day/.test(cardText(m.attachments[0]?.content));
    const deadline = Date.now() + 20_000;
    while (!chat.messages().some(isReminder) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const reminder = chat.messages().find(isReminder);
    assert.ok(reminder, `no reminder in the chat: ${chat.messages().map((m) => cardText(m.attachments[0]?.content).split('\n')[0]).join(' / ')}\n${output}`);
    const card = reminder.attachments[0]!.content;
    assert.match(cardText(card), /HC-\d{4}-00001: Stage 1 acknowledgement due in 1 working day[\s\S]*Jordan Example, Riverside/);

    // Acknowledge from the reminder: the card carries the case's current version.
    const after = await chat.press(reminder, 'case.acknowledge', actionData(card, 'case.acknowledge'));
    assert.doesNotMatch(cardText(after), /changed since|not understood/i);
    // Only one reminder, however many sweeps ran meanwhile.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(chat.messages().filter(isReminder).length, 1);
  });
});
