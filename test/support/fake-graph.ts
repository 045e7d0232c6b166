import type { AccessToken, TokenCredential } from '@azure/identity';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Microsoft Graph on 127.0.0.1, spoken to by the real
 * @microsoft/microsoft-graph-client: the routes the app uses (install the Teams app for a
 * user, a user's manager, sendMail), a bearer token check, and scripted faults (403, 404,
 * 429 with Retry-After, 5xx) for the next matching requests.
 */
export const FAKE_GRAPH_TOKEN = 'fake-graph-token';

/** A TokenCredential that needs no Entra ID (token acquisition cannot run offline). */
export const fakeCredential: TokenCredential & { scopes: string[] } = {
  scopes: [],
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    fakeCredential.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: FAKE_GRAPH_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

export interface GraphRequestRecord { method: string; path: string; body: unknown; authorization: string | undefined; at: number }
export interface Fault { status: number; retryAfter?: string; body?: unknown }
export interface SentMail { sender: string; to: string[]; subject: string; contentType: string; content: string; attachments: Array<{ name: string; contentType: string; bytes: Buffer }> }

export class FakeGraph {
  readonly requests: GraphRequestRecord[] = [];
  readonly mail: SentMail[] = [];
  /** aadObjectId -> catalog app ids installed for them. */
  readonly installed = new Map<string, string[]>();
  /** aadObjectId -> their manager as Graph returns it. */
  readonly managers = new Map<string, { id: string; displayName: string; mail: string | null; userPrincipalName: string }>();
  /** Called after an install succeeds (201): a test can play Teams' installationUpdate here. */
  onInstall: ((aadObjectId: string) => Promise<void> | void) | undefined;
  private readonly faults: Array<{ method: string; pattern: RegExp; fault: Fault }> = [];
  private server!: http.Server;
  url = '';

  /** The base URL the app is configured with (GRAPH_BASE_URL). */
  get baseUrl(): string {
    return `${this.url}/v1.0`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
      req.on('end', () => { void this.handle(req, raw, res); });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next `faults.length` requests matching method and path answer these, in order. */
  failNext(method: string, pattern: RegExp, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ method, pattern, fault });
  }

  requestsTo(method: string, pattern: RegExp): GraphRequestRecord[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(new URL(req.url ?? '/', this.url).pathname);
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    this.requests.push({ method, path, body, authorization: req.headers.authorization, at: Date.now() });
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      // As Graph does: a 202 from sendMail has no body and no content type.
      res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      send(status, { error: { code, message, innerError: { 'request-id': `req-${this.requests.length}`, date: new Date().toISOString() } } }, headers);

    if (req.headers.authorization !== `Bearer ${FAKE_GRAPH_TOKEN}`) return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const i = this.faults.findIndex((f) => f.method === method && f.pattern.test(path));
    if (i >= 0) {
      const { fault } = this.faults.splice(i, 1)[0]!;
      return error(fault.status, `Fault${fault.status}`, 'Scripted fault', fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
    }

    let m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (m && method === 'POST') {
      const user = m[1]!;
      const bind = String((body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? '');
      const appId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1];
      if (!appId || !bind.startsWith(this.baseUrl)) return error(400, 'BadRequest', `Bad teamsApp@odata.bind: ${bind}`);
      const apps = this.installed.get(user) ?? [];
      if (apps.includes(appId)) return error(409, 'Conflict', 'App is already installed for this user.');
      this.installed.set(user, [...apps, appId]);
      send(201, { id: `installed-${user}-${appId}` });
      await this.onInstall?.(user);
      return;
    }
    m = /^\/v1\.0\/users\/([^/]+)\/manager$/.exec(path);
    if (m && method === 'GET') {
      const manager = this.managers.get(m[1]!);
      return manager ? send(200, { '@odata.type': '#microsoft.graph.user', ...manager }) : error(404, 'Request_ResourceNotFound', `Resource 'manager' does not exist.`);
    }
    m = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(path);
    if (m && method === 'POST') {
      type GraphAttachment = { '@odata.type': string; name: string; contentType: string; contentBytes: string };
      const message = (body as { message: { subject: string; body: { contentType: string; content: string }; toRecipients: Array<{ emailAddress: { address: string } }>; attachments?: GraphAttachment[] } }).message;
      const attachments = message.attachments ?? [];
      if (attachments.some((a) => a['@odata.type'] !== '#microsoft.graph.fileAttachment')) return error(400, 'ErrorInvalidRequest', 'Only file attachments are taken inline.');
      this.mail.push({
        sender: m[1]!, subject: message.subject, contentType: message.body.contentType, content: message.body.content,
        to: message.toRecipients.map((r) => r.emailAddress.address),
        attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, bytes: Buffer.from(a.contentBytes, 'base64') })),
      });
      return send(202);
    }
    error(404, 'NotFound', `No fake route for ${method} ${path}`);
  }
}
