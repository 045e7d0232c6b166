import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { SETTINGS } from '../../src/config';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the admin CLI in a child process, as `npm run -s complaints -- ...` does. */
export function runCli(args: string[], input = '', env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same, without blocking this process (which may serve the fakes the CLI talks to: a
 * local Cosmos DB server, a fake identity endpoint), and with stdout as bytes too (a PDF).
 * Only the settings a test gives apply: the app's and Azure's own are taken out of the environment.
 */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stdoutBytes: Buffer; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: 'pipe' });
  child.stdin.end();
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { out.push(chunk); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`complaints ${args.join(' ')} timed out; stderr: ${stderr}`)); }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr });
    });
  });
}

/** This process's environment without the app's settings or any Azure sign-in ones, so that only those a test gives apply. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in SETTINGS) && !/^(AZURE_|IDENTITY_|MSI_|IMDS_)/.test(name)));
}
