import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startBotProcess, type BotProcess } from '../../test/support/bot-process';
import { waitFor } from '../../test/support/wait-for';

/** The last this many characters of the bot's output are kept, for the checks and for a failure. */
const KEPT_OUTPUT = 256 * 1024;

export interface ProbeReading { p50Ms: number; p99Ms: number; maxMs: number; heapUsedMb: number }

/** The bot's process as the tests start it (test/support/bot-process.ts), with what the soak measures and does to it. */
export interface SoakBot extends BotProcess {
  /** Resident set size now, from /proc (MB). */
  rssMb(): number;
  /** The loop-delay probe's reading since the last one (SIGUSR2, see loop-delay-probe.ts). */
  probe(): Promise<ProbeReading>;
  /** kill -9: no shutdown, no flushing, as a crash or a pulled plug. */
  kill9(): Promise<void>;
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
  const user = options.asUser === undefined ? [] : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups'];
  // unshare without --fork execs in place: the child's pid is the bot's own, for signals and /proc.
  const namespace = options.namespacePrelude ? ['unshare', '-rm', 'sh', '-c', `${options.namespacePrelude} && exec "$0" "$@"`] : [];
  const bot = await startBotProcess({ LOG_LEVEL: 'warn', REMINDER_SWEEP_SECONDS: '0', ...options.env }, options.port, options.entry, {
    nodeArgs: ['--import', path.join(__dirname, 'loop-delay-probe.ts')], commandPrefix: [...namespace, ...user], keptOutput: KEPT_OUTPUT, startupTimeoutMs: 60_000,
  });
  // The probe answers only SIGUSR2, which is sent once the bot is up: listening from here misses none.
  const readings: ProbeReading[] = [];
  const read = (d: Buffer) => {
    for (const m of d.toString().matchAll(/^soak-probe (\{.*\})$/gm)) readings.push(JSON.parse(m[1] ?? '{}') as ProbeReading);
  };
  bot.process.stdout?.on('data', read);
  bot.process.stderr?.on('data', read);
  return {
    ...bot,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(bot.process.pid)}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    },
    probe: async () => {
      const before = readings.length;
      bot.process.kill('SIGUSR2');
      await waitFor(() => readings.length > before, { timeoutMs: 10_000, what: 'the loop-delay probe to answer SIGUSR2' });
      return readings[readings.length - 1] as ProbeReading;
    },
    kill9: () => bot.stop('SIGKILL'),
  };
}
