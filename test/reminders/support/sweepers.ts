import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { SweepReport } from '../../../src/reminders/reminder-sweep';
import type { SweeperProcessSettings } from './sweeper-process';

/** A bot instance's sweep running in its own process (sweeper-process.ts). */
export interface SweeperProcess {
  child: ChildProcess;
  /** Case ids whose send it started. */
  claimed: string[];
  report: Promise<SweepReport>;
  output(): string;
}

export function startSweeperProcess(settings: SweeperProcessSettings): SweeperProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sweeper-process.ts'), JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const claimed: string[] = [];
  const report = new Promise<SweepReport>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      claimed.splice(0, claimed.length, ...[...out.matchAll(/^CLAIMED (\S+)$/gm)].map((m) => m[1]!));
      const r = /^REPORT (.+)$/m.exec(out);
      if (r) resolve(JSON.parse(r[1]!) as SweepReport);
    });
    child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code, signal) => reject(new Error(`sweeper ${settings.instanceId} exited (${code ?? signal}) without a report:\n${out}`)));
  });
  report.catch(() => undefined); // a killed sweeper never reports; callers that care await it
  return { child, claimed, report, output: () => out };
}

export async function killHard(p: SweeperProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGKILL');
  await exited;
}
