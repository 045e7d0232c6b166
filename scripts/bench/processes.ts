import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess { url: string; child: ChildProcess; peakRssMb(): number; stop(): Promise<void> }

/** Peak resident set size of a process so far (VmHWM), in MB. */
function peakRss(pid: number | undefined): number {
  if (!pid) return 0;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Starts a TypeScript entry point as its own process and waits until it answers. */
export async function startServer(entry: string, port: number, env: Record<string, string>, readyPath: string): Promise<ServerProcess> {
  const args = entry.endsWith('.js') ? [path.join(ROOT, entry)] : ['--import', 'tsx', path.join(ROOT, entry)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'],
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
