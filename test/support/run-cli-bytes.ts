import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the admin CLI in a child process and keeps stdout as bytes (a Word file), not text. */
export function runCliBytes(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}
