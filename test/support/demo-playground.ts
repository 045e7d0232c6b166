import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/dev/start-playground';
import { startDemoBotProcess, type BotProcess } from './bot-process';
import { PlaygroundClient } from './playground-client';

const ROOT = path.resolve(__dirname, '../..');

export interface DemoChat { bot: BotProcess; playground: RunningPlayground; chat: PlaygroundClient; stop(): Promise<void> }

/**
 * The bot as `npm run dev` runs it (reminders every second, on any day), the committed
 * Playground config (Alex Morgan), and Alex's chat opened: connected, installed, welcomed.
 */
export async function openDemoChat(name: string, env: Record<string, string> = {}): Promise<DemoChat> {
  const bot = await startDemoBotProcess({ DATA_DIR: mkdtempSync(path.join(tmpdir(), `${name}-e2e-`)), LOG_LEVEL: 'warn', ...env });
  const playground = await startPlayground({
    appEndpoint: `${bot.url}/api/messages`, configPath: path.join(ROOT, '.m365agentsplayground.yml'),
    workDir: mkdtempSync(path.join(tmpdir(), `playground-${name}-`)), port: 0,
  }).catch(async (err: unknown) => { await bot.stop(); throw err; });
  const chat = new PlaygroundClient(playground.url);
  await chat.connect();
  await chat.install();
  await chat.waitForMessages(1);
  return {
    bot, playground, chat,
    stop: async () => {
      chat.close();
      await playground.stop();
      await bot.stop();
    },
  };
}
