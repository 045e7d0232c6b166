import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

/** A running sqlite-worker.ts, with its stdout as lines. */
export interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Resolves once a line satisfying `predicate` has been printed (or rejects on exit). */
  waitFor(predicate: (lines: string[]) => boolean, timeoutMs: number): Promise<void>;
  exited: Promise<number | null>;
}

export function startWorker(args: string[]): Worker {
  const script = join(__dirname, 'sqlite-worker.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  let stderr = '';
  const listeners = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const l of listeners) l();
  });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    for (const l of listeners) l();
    resolve(code);
  }));
  return {
    child, lines, exited,
    waitFor: (predicate, timeoutMs) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`worker timed out after ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      const check = () => {
        if (predicate(lines)) done();
        else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`worker exited (${child.exitCode ?? child.signalCode}); stderr: ${stderr}`));
      };
      const done = (err?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (err) reject(err);
        else resolve();
      };
      listeners.add(check);
      check();
    }),
  };
}
