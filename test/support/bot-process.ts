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

export interface BotProcess {
  url: string;
  port: number;
  process: ChildProcess;
  /** What the bot wrote to stdout and stderr (the log); with keptOutput, only the latest part. */
  output(): string;
  /** Still running (not exited, not killed). */
  running(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** How the process is run, beyond its settings; the tests need none of it, the soak (scripts/soak/soak-bot.ts) does. */
export interface BotProcessOptions {
  /** Node arguments after `--import tsx` and before the entry point, e.g. another `--import`. */
  nodeArgs?: string[];
  /**
   * A command node is run through, which ends by exec'ing it in place (unshare, setpriv), so
   * the child's pid is the bot's own, for signals and /proc.
   */
  commandPrefix?: string[];
  /** Keep only the last this many characters of the output, for a long run; default all of it. */
  keptOutput?: number;
  /** How long to wait for /healthz; default 30 s. */
  startupTimeoutMs?: number;
}

/** Starts the bot as its own process, the production entry point, with the given settings. */
export async function startBotProcess(env: Record<string, string>, fixedPort?: number, entry = 'src/index.ts', options: BotProcessOptions = {}): Promise<BotProcess> {
  const port = fixedPort ?? await freePort();
  let output = '';
  const command = [...(options.commandPrefix ?? []), process.execPath, '--import', 'tsx', ...(options.nodeArgs ?? []), path.join(ROOT, entry)];
  const child = spawn(command[0] as string, command.slice(1), {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', LOCAL_UNAUTHENTICATED: 'true', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    output += d.toString();
    if (options.keptOutput !== undefined) output = output.slice(-options.keptOutput);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const running = () => child.exitCode === null && child.signalCode === null;
  // A local trial listens on 127.0.0.1 (not ::1, which localhost may mean).
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (!running()) throw new Error(`the bot exited (${String(child.exitCode ?? child.signalCode)}):\n${output}`);
    return fetch(`${url}/healthz`).then((res) => res.ok, () => false); // false: not listening yet
  }, { timeoutMs: options.startupTimeoutMs ?? 30_000, intervalMs: 100, what: () => `the bot to answer /healthz:\n${output}` });
  return {
    url, port, process: child, output: () => output, running,
    stop: (signal = 'SIGTERM') => new Promise<void>((resolve) => {
      if (!running()) { resolve(); return; }
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
