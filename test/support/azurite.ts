import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTempDir, removeTempDir } from './temp-dir';

/** Azurite's well-known development account (public, documented; it guards nothing). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const azuriteConnectionString = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;

export interface LocalAzurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Azurite's Blob service (the Azure Storage emulator, from npm) as a child process on a free
 * loopback port, keeping its data in a temporary folder removed on stop. Telemetry is off.
 */
export async function startAzurite(): Promise<LocalAzurite> {
  const dir = makeTempDir('azurite');
  const child = spawn(process.execPath, [
    require.resolve('azurite/dist/src/blob/main.js'),
    '--blobHost', '127.0.0.1', '--blobPort', '0', '--location', dir, '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--loose',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start in 30 s: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}): ${output}`));
    });
  });
  return {
    port,
    connectionString: azuriteConnectionString(port),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      removeTempDir(dir);
    },
  };
}

/**
 * A plain HTTP proxy in front of Azurite that, while `loseAnswers` is above zero, forwards a
 * PUT and then closes the client's connection instead of answering: the write landed, the
 * answer was lost.
 */
export class LostAnswerProxy {
  loseAnswers = 0;
  private constructor(private readonly server: http.Server, readonly port: number) {}

  static async start(targetPort: number): Promise<LostAnswerProxy> {
    const state: { proxy?: LostAnswerProxy } = {};
    const server = http.createServer((req, res) => {
      const upstream = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const proxy = state.proxy;
        if (req.method === 'PUT' && proxy && proxy.loseAnswers > 0) {
          proxy.loseAnswers -= 1;
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    state.proxy = new LostAnswerProxy(server, (server.address() as AddressInfo).port);
    return state.proxy;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
