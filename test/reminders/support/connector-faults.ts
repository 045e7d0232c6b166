import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector } from '../../support/fake-connector';

/**
 * Sits between the bot and the fake Bot Connector and answers scripted failures (429 with
 * Retry-After, 403, 5xx) for the next matching posts to a conversation, as Teams does when a
 * bot is throttled, blocked or the service is down; everything else is forwarded. install()
 * points the connector's url (which the BotDriver puts in each activity's serviceUrl, so it is
 * what the bot stores and sends to) at the proxy.
 */
export interface ConnectorFault { status: number; retryAfter?: string }

export class ConnectorFaults {
  /** Posts per conversation id, failed or not. */
  readonly attempts = new Map<string, number>();
  private readonly rules: Array<{ conversation: RegExp; fault: ConnectorFault }> = [];
  private server!: http.Server;
  private target = '';

  static async install(connector: FakeConnector): Promise<ConnectorFaults> {
    const proxy = new ConnectorFaults();
    proxy.target = connector.url;
    proxy.server = http.createServer((req, res) => proxy.handle(req, res));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    connector.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** The next posts to a matching conversation get these answers, one each, in order. */
  failNext(conversation: RegExp, ...faults: ConnectorFault[]): void {
    for (const fault of faults) this.rules.push({ conversation, fault });
  }

  /** Every post to a matching conversation fails like this until cleared. */
  failAlways(conversation: RegExp, fault: ConnectorFault, times = 1000): void {
    this.failNext(conversation, ...Array.from({ length: times }, () => fault));
  }

  clear(): void {
    this.rules.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const conversation = decodeURIComponent(/^\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      if (req.method === 'POST' && conversation) this.attempts.set(conversation, (this.attempts.get(conversation) ?? 0) + 1);
      const i = req.method === 'POST' ? this.rules.findIndex((r) => r.conversation.test(conversation)) : -1;
      if (i >= 0) {
        const { fault } = this.rules.splice(i, 1)[0]!;
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}) });
        res.end(JSON.stringify({ error: { code: `Fault${fault.status}`, message: 'Scripted connector fault' } }));
        return;
      }
      const forward = http.request(`${this.target}${req.url ?? ''}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => { res.writeHead(502); res.end(); });
      forward.end(Buffer.concat(chunks));
    });
  }
}
