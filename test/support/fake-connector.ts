import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait-for';

/** An activity the bot sent to the Bot Connector, as the connector received it. */
export interface SentActivity {
  conversationId: string;
  replyToId: string | null;
  activity: Record<string, unknown> & { type?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
}

/**
 * A local stand-in for the Bot Connector service (what Teams runs): the bot posts its
 * replies and proactive messages here over real HTTP, because each activity's serviceUrl
 * points at it. Records everything so tests can check what a person would see.
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** Posts answered with a refusal (see refuse), not recorded in `sent`. */
  readonly refused: Array<{ conversationId: string; status: number }> = [];
  private readonly refusing = new Map<string, number>();
  private readonly delays = new Map<string, number>();
  private server!: http.Server;
  url = '';

  /**
   * Answers every post to this conversation as Teams does when it cannot deliver: 404 (the
   * conversation no longer exists: left, uninstalled, or a Playground restarted) or 403 (the
   * person blocked the bot). accept() ends it.
   */
  refuse(conversationId: string, status: 403 | 404 = 404): void {
    this.refusing.set(conversationId, status);
  }

  accept(conversationId: string): void {
    this.refusing.delete(conversationId);
  }

  /** Answers posts to this conversation only after `ms`, as a slow connection would (0 ends it). */
  slow(conversationId: string, ms: number): void {
    if (ms > 0) this.delays.set(conversationId, ms);
    else this.delays.delete(conversationId);
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
      req.on('end', () => {
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        const refusal = m?.[1] ? this.refusing.get(decodeURIComponent(m[1])) : undefined;
        if (req.method === 'POST' && m?.[1] && refusal) {
          this.refused.push({ conversationId: decodeURIComponent(m[1]), status: refusal });
          const error = refusal === 404 ? { code: 'ConversationNotFound', message: 'Conversation not found.' } : { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' };
          res.writeHead(refusal, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error }));
          return;
        }
        if (req.method === 'POST' && m?.[1]) {
          this.sent.push({ conversationId: decodeURIComponent(m[1]), replyToId: m[2] ? decodeURIComponent(m[2]) : null, activity: JSON.parse(body || '{}') });
        }
        const id = `sent-${this.sent.length}`;
        const answer = () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
        };
        const delay = m?.[1] ? this.delays.get(decodeURIComponent(m[1])) : undefined;
        if (delay) setTimeout(answer, delay);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Waits (bounded) until at least `count` activities have been received in all. */
  async waitFor(count: number, timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.sent.length >= count, { timeoutMs, what: () => `${count} activities from the bot (got ${this.sent.length})` });
  }

  cards(): Array<Record<string, unknown>> {
    return this.sent.flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
