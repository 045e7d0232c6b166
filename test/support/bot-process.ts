import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { waitFor } from './wait-for';

const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BotProcess { url: string; process: ChildProcess; output(): string; stop(signal?: NodeJS.Signals): Promise<void> }

/** Starts the bot as its own process, the production entry point, with the given settings. */
export async function startBotProcess(env: Record<string, string>, fixedPort?: number, entry = 'src/index.ts'): Promise<BotProcess> {
  const port = fixedPort ?? await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', LOCAL_UNAUTHENTICATED: 'true', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  // A local trial listens on 127.0.0.1 (not ::1, which localhost may mean).
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}):\n${output}`);
    return fetch(`${url}/healthz`).then((res) => res.ok, () => false); // false: not listening yet
  }, { timeoutMs: 30_000, intervalMs: 100, what: () => `the bot to answer /healthz:\n${output}` });
  return {
    url, process: child, output: () => output,
    stop: (signal = 'SIGTERM') => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}

/**
 * The bot as `npm run dev` runs it, without the Playground: the demo case seeded, reminders
 * every second on any day and at any hour (test/reminders/support/demo-bot-entry.ts).
 */
export function startDemoBotProcess(env: Record<string, string>): Promise<BotProcess> {
  return startBotProcess({ REMINDER_SWEEP_SECONDS: '1', REMINDER_WORKING_HOURS: '00:00-24:00', ...env }, undefined, 'test/reminders/support/demo-bot-entry.ts');
}
