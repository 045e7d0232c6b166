import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../test/support/bot-process';
import { waitFor } from '../../test/support/wait-for';

const ROOT = path.resolve(__dirname, '../..');
/** The last this many characters of the bot's output are kept, for the checks and for a failure. */
const KEPT_OUTPUT = 256 * 1024;

export interface ProbeReading { p50Ms: number; p99Ms: number; maxMs: number; rssMb: number; heapUsedMb: number; externalMb: number; arrayBuffersMb: number }

export interface SoakBot {
  url: string;
  port: number;
  /** What the bot wrote to stdout and stderr (the log), the latest part. */
  output(): string;
  /** Resident set size now, from /proc (MB). */
  rssMb(): number;
  /** The loop-delay probe's reading since the last one (SIGUSR2, see loop-delay-probe.ts). */
  probe(): Promise<ProbeReading>;
  /** kill -9: no shutdown, no flushing, as a crash or a pulled plug. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  readonly process: ChildProcess;
  /** Still running (not exited, not killed). */
  running(): boolean;
}

export interface SoakBotOptions {
  /** Settings on top of the soak's defaults (a local trial, warnings and errors logged, no reminder timer). */
  env: Record<string, string>;
  /** Listen here (a restart keeps its port); default a free one. */
  port?: number;
  /** The entry point; default the production one, src/index.ts. */
  entry?: string;
  /**
   * Shell commands run first in a private mount namespace of its own (`unshare -rm`), e.g. to
   * mount a small or read-only tmpfs as the data folder without being root.
   */
  namespacePrelude?: string;
  /** Run as this uid and gid (setpriv), e.g. a user that file permissions apply to, when the soak runs as root. */
  asUser?: number;
}

/**
 * The bot as its own process, the production entry point through tsx (no build, so the soak
 * runs on the sources as they are), with the loop-delay probe loaded.
 */
export async function startSoakBot(options: SoakBotOptions): Promise<SoakBot> {
  const port = options.port ?? await freePort();
  const nodeArgs = ['--import', 'tsx', '--import', path.join(__dirname, 'loop-delay-probe.ts'), path.join(ROOT, options.entry ?? 'src/index.ts')];
  const env = { ...process.env, LOG_LEVEL: 'warn', LOCAL_UNAUTHENTICATED: 'true', REMINDER_SWEEP_SECONDS: '0', ...options.env, PORT: String(port) };
  // unshare without --fork execs in place: the child's pid is the bot's own, for signals and /proc.
  const node = [process.execPath, ...nodeArgs];
  const user = options.asUser === undefined ? [] : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups'];
  const command = options.namespacePrelude ? ['unshare', '-rm', 'sh', '-c', `${options.namespacePrelude} && exec "$0" "$@"`, ...user, ...node] : [...user, ...node];
  const child = spawn(command[0] as string, command.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const readings: ProbeReading[] = [];
  const keep = (d: Buffer) => {
    const text = d.toString();
    for (const m of text.matchAll(/^soak-probe (\{.*\})$/gm)) readings.push(JSON.parse(m[1] ?? '{}') as ProbeReading);
    output = (output + text).slice(-KEPT_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  await waitFor(async () => {
    if (!running()) throw new Error(`the bot exited (${String(child.exitCode ?? child.signalCode)}):\n${output}`);
    return fetch(`${url}/healthz`).then((res) => res.ok, () => false);
  }, { timeoutMs: 60_000, intervalMs: 100, what: () => `the bot to answer /healthz:\n${output}` });
  const signal = async (name: NodeJS.Signals) => {
    if (!running()) return;
    child.kill(name);
    await exited;
  };
  return {
    url, port, process: child, running,
    output: () => output,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    },
    probe: async () => {
      const before = readings.length;
      child.kill('SIGUSR2');
      await waitFor(() => readings.length > before, { timeoutMs: 10_000, what: 'the loop-delay probe to answer SIGUSR2' });
      return readings[readings.length - 1] as ProbeReading;
    },
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
