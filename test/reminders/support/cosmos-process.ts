import { spawn } from 'node:child_process';
import https from 'node:https';
import path from 'node:path';
import type { LocalCosmos } from '../../support/cosmos-server';

/**
 * The local Cosmos DB server (@vercel/cosmosdb-server) for the fan-out test, which makes
 * ~10,000 requests: in a child process, so the server and the @azure/cosmos clients do not
 * share one event loop, and with keep-alive (see cosmos-child-server.ts). Together about
 * half the time of test/support/cosmos-server.ts for this test.
 */
export async function startCosmosProcess(): Promise<LocalCosmos> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cosmos-child-server.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the local Cosmos DB server did not start: ${output}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /LISTENING (\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the local Cosmos DB server exited (${code}): ${output}`)); });
  });
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    agent,
    stop: () => new Promise<void>((resolve) => {
      agent.destroy();
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
