import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { cardText, pressData } from '../support/bot-driver';
import { startDemoBotProcess, type BotProcess } from '../support/bot-process';
import { PlaygroundClient, type ChatMessage } from '../support/playground-client';
import { waitFor } from '../support/wait-for';

interface SweepDone { startedAt: string; counts: { sent: number } }

/** The sweeps the bot has finished, from its log (pino lines: "reminder sweep done", at debug when it sent nothing). */
function sweepsDone(log: string): SweepDone[] {
  return log.split('\n').slice(0, -1) // whole lines only
    .filter((line) => line.includes('"msg":"reminder sweep done"'))
    .map((line) => (JSON.parse(line) as { reminders: SweepDone }).reminders);
}

// What `npm run dev` shows: the demo complaint (due the next working day) gives Alex Morgan a
// reminder card in the Agents Playground once the chat is open, from the bot's own timer.
describe('e2e: the demo reminder in the Agents Playground', function () {
  this.timeout(90_000);
  const root = path.resolve(__dirname, '../..');
  let bot: BotProcess | undefined;
  let playground: RunningPlayground | undefined;
  let chat: PlaygroundClient | undefined;

  after(async () => {
    chat?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('sends Alex a reminder card with Acknowledge within seconds of the chat opening', async () => {
    bot = await startDemoBotProcess({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'reminders-e2e-')), LOG_LEVEL: 'debug' });
    const botUrl = bot.url;
    const output = (): string => bot!.output();
    assert.match(output(), /SEEDED \{"seeded":true,"reference":"HC-\d{4}-00001"/);

    playground = await startPlayground({
      appEndpoint: `${botUrl}/api/messages`, configPath: path.join(root, '.m365agentsplayground.yml'),
      workDir: mkdtempSync(path.join(tmpdir(), 'playground-reminders-')), port: 0,
    });
    chat = new PlaygroundClient(playground.url);
    await chat.connect();
    await chat.install(); // opening the chat installs the app: the bot now has Alex's conversation

    const isReminder = (m: ChatMessage) => /Stage 1 acknowledgement due in 1 working day/.test(cardText(m.attachments[0]?.content));
    const reminder = await waitFor(() => chat!.messages().find(isReminder), {
      timeoutMs: 20_000, what: () => `a reminder in the chat; it has: ${chat!.messages().map((m) => cardText(m.attachments[0]?.content).split('\n')[0]).join(' / ')}\n${output()}`,
    });
    const card = reminder.attachments[0]!.content;
    assert.match(cardText(card), /HC-\d{4}-00001: Stage 1 acknowledgement due in 1 working day[\s\S]*Jordan Example, Riverside/);

    // Acknowledge from the reminder: the card carries the case's current version.
    const after = await chat.press(reminder, 'case.acknowledge', pressData(card, 'case.acknowledge'));
    assert.doesNotMatch(cardText(after), /changed since|not understood/i);
    // Only one reminder, however many sweeps ran meanwhile: the timer's next two sweeps, begun
    // after the acknowledgement, send nothing.
    const acknowledged = new Date().toISOString();
    const sweepsSince = () => sweepsDone(output()).filter((sweep) => sweep.startedAt >= acknowledged);
    const later = await waitFor(() => sweepsSince().length >= 2 && sweepsSince(), {
      timeoutMs: 10_000, what: () => `two sweeps from the bot's timer after ${acknowledged}:\n${output()}`,
    });
    assert.deepEqual(later.map((sweep) => sweep.counts.sent), later.map(() => 0), 'the later sweeps sent nothing');
    assert.equal(chat.messages().filter(isReminder).length, 1);
  });
});
