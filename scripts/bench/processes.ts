import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess { url: string; child: ChildProcess; peakRssMb(): number; stop(): Promise<void> }

/** Peak resident set size of a process so far (VmHWM), in MB. */
function peakRss(pid: number | undefined): number {
  if (!pid) return 0;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * A one-file TypeScript server (the echo peer) as plain JavaScript in a temporary folder, so it
 * runs as our bot runs (compiled, `node file.js`) and its memory is not tsx's as well.
 */
export function compiledPeer(entry: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-peer-')), `${path.basename(entry, '.ts')}.js`);
  const source = readFileSync(path.join(ROOT, entry), 'utf8');
  writeFileSync(out, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText);
  return out;
}

/** Starts an entry point (compiled JavaScript, or TypeScript through tsx) as its own process and waits until it answers. */
export async function startServer(entry: string, port: number, env: Record<string, string>, readyPath: string): Promise<ServerProcess> {
  const args = entry.endsWith('.js') ? [path.resolve(ROOT, entry)] : ['--import', 'tsx', path.join(ROOT, entry)];
  const child = spawn(process.execPath, args, {
    // NODE_PATH: a compiled peer in a temporary folder finds the project's packages.
    cwd: ROOT, env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited: ${stderr}`);
    try {
      const res = await fetch(`${url}${readyPath}`, readyPath === '/api/messages' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } : {});
      if (res.status < 500 || readyPath === '/api/messages') break;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${entry} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let peak = 0;
  const sampler = setInterval(() => { try { peak = Math.max(peak, peakRss(child.pid)); } catch { /* exited */ } }, 250);
  return {
    url, child,
    peakRssMb: () => { try { peak = Math.max(peak, peakRss(child.pid)); } catch { /* exited */ } return peak; },
    stop: () => new Promise<void>((resolve) => {
      clearInterval(sampler);
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => { resolve(); });
      child.kill('SIGTERM');
    }),
  };
}
