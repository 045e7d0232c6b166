import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * A fault-injecting HTTPS proxy for the local Cosmos DB server, on loopback only. Tests
 * queue faults (throttling, unavailability, refused credentials, broken connections) for
 * the next matching requests; everything else is forwarded untouched. Every fault is
 * queued with a count, so no test can make the proxy misbehave forever.
 */
export type Fault =
  /** Answer with this status and a Cosmos-style JSON error body, without forwarding. */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** Close the connection without forwarding: the request certainly did not land. */
  | { kind: 'drop' }
  /** Forward, then close the connection instead of answering: it landed, the answer is lost. */
  | { kind: 'drop-after-forward' }
  /** Never answer; the connection stays open until the client gives up or the proxy stops. */
  | { kind: 'stall' };

export interface RequestInfo { method: string; path: string; headers: IncomingHttpHeaders }

export type RequestMatcher = (req: RequestInfo) => boolean;

interface Rule { fault: Fault; left: number; match: RequestMatcher }

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized', 403: 'Forbidden', 408: 'RequestTimeout', 429: 'TooManyRequests', 503: 'ServiceUnavailable',
};

/** Document writes (create, replace, upsert, delete), not queries. */
export const documentWrites: RequestMatcher = (req) =>
  /\/docs(\/|$)/.test(req.path) && req.method !== 'GET' && req.headers['x-ms-documentdb-isquery'] !== 'true';

/** Document writes to one container, e.g. 'cases'. */
export const writesTo = (container: string): RequestMatcher => (req) =>
  documentWrites(req) && req.path.includes(`/colls/${container}/docs`);

/** Point reads of documents. */
export const documentReads: RequestMatcher = (req) => req.method === 'GET' && /\/docs\/[^/]+$/.test(req.path);

export const everything: RequestMatcher = () => true;

export class FaultProxy {
  readonly stats = { forwarded: 0, faulted: 0 };
  private rules: Rule[] = [];

  private constructor(private readonly server: https.Server, readonly port: number, private readonly targetPort: number, private readonly agent: https.Agent) {}

  static async start(targetPort: number): Promise<FaultProxy> {
    const certDir = join(dirname(require.resolve('@vercel/cosmosdb-server')), '..');
    const server = https.createServer({ cert: readFileSync(join(certDir, 'cert.pem')), key: readFileSync(join(certDir, 'key.pem')) });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const proxy = new FaultProxy(server, port, targetPort, new https.Agent({ rejectUnauthorized: false }));
    server.on('request', (req, res) => void proxy.handle(req, res));
    return proxy;
  }

  get endpoint(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** Applies `fault` to the next `times` requests that `match` (default: all requests). */
  inject(fault: Fault, times: number, match: RequestMatcher = everything): void {
    this.rules.push({ fault, left: times, match });
  }

  clear(): void {
    this.rules = [];
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const info: RequestInfo = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/', headers: req.headers };
    const rule = this.rules.find((r) => r.left > 0 && r.match(info));
    if (rule) {
      rule.left -= 1;
      this.stats.faulted += 1;
      if (rule.fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (rule.fault.kind === 'stall') return;
      if (rule.fault.kind === 'status') {
        const { status, retryAfterMs } = rule.fault;
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-ms-activity-id': 'fault-proxy' };
        if (retryAfterMs !== undefined) headers['x-ms-retry-after-ms'] = String(retryAfterMs);
        res.writeHead(status, headers);
        res.end(JSON.stringify({ code: STATUS_TEXT[status] ?? 'Error', message: `Injected by the test fault proxy (${status})` }));
        return;
      }
    }
    try {
      const upstream = await this.forward(req, info, body);
      if (rule?.fault.kind === 'drop-after-forward') {
        req.socket.destroy();
        return;
      }
      this.stats.forwarded += 1;
      res.writeHead(upstream.status, upstream.headers);
      res.end(upstream.body);
    } catch {
      req.socket.destroy();
    }
  }

  private forward(req: IncomingMessage, info: RequestInfo, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = https.request({
        host: '127.0.0.1', port: this.targetPort, method: info.method, path: req.url, agent: this.agent,
        headers: { ...req.headers, host: `127.0.0.1:${this.targetPort}` },
      }, (res) => {
        void readAll(res).then((raw) => {
          let out = raw;
          const headers = { ...res.headers };
          if (info.method === 'GET' && info.path === '/') {
            // The account document names the server's own address as the write/read
            // location; point it at the proxy, or the SDK would route around us.
            out = Buffer.from(raw.toString('utf8').split(`:${this.targetPort}/`).join(`:${this.port}/`));
            headers['content-length'] = String(out.length);
          }
          resolve({ status: res.statusCode ?? 502, headers, body: out });
        }, reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
