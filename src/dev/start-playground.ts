import { spawn, type ChildProcess } from 'node:child_process';
import { systemEnvironment } from '../config';

/**
 * Starts the Microsoft 365 Agents Playground (the `teamsapptester` CLI of
 * @microsoft/teams-app-test-tool, pinned: its HTTP routes are not a public contract) in
 * front of the bot. Telemetry off, no browser opened, and no outbound connections.
 */
export interface PlaygroundOptions {
  appEndpoint: string;
  configPath: string;
  /** Folder for its log file (it writes devTools/ under its working directory). */
  workDir: string;
  /** 0 for any free port. */
  port: number;
}

export interface RunningPlayground {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = require.resolve('@microsoft/teams-app-test-tool/cli.js');
  const child = spawn(process.execPath, [cli, 'start', '--app-endpoint', options.appEndpoint, '--channel-id', 'msteams', '--port', String(options.port), '--disable-telemetry'], {
    cwd: options.workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // What the Playground is given of ours: the OS basics, never the app's settings (config.ts).
      ...systemEnvironment(),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
      TEAMSAPPTESTER_BROWSER: 'none',
      // Without this its Application Insights library probes Azure hosts even with telemetry off.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    },
  });
  // With stdout not a terminal it prints only "Listening on <port>"; the rest goes to its log.
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => { reject(new Error(`The Agents Playground did not start within 30 s: ${output}`)); }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The Agents Playground exited (${code}); see ${options.workDir}/devTools/m365agentsplayground.log. ${output}`)); });
  });
  const url = `http://localhost:${port}`;
  // A bad config file makes it exit just after "Listening"; wait until it answers, or fails.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`The Agents Playground stopped; see ${options.workDir}/devTools/m365agentsplayground.log`);
    try {
      if ((await fetch(`${url}/_debug/ping`)).ok) break;
    } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return {
    url, port, process: child,
    stop: () => new Promise<void>((resolve) => {
      // Ctrl+C in a terminal reaches it too (one process group): it may have gone by a signal already.
      if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
      child.once('exit', () => { resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
