import WebSocket from 'ws';
import { waitFor } from './wait-for';

/** A bot message as the playground's web UI receives it over its WebSocket. */
export interface ChatMessage {
  messageId: string;
  attachments: Array<{ contentType: string; content: Record<string, unknown> }>;
  text?: string;
}

interface WsEvent { action: string; actionConversationId?: string; message?: ChatMessage }

/**
 * Drives the Agents Playground through the same HTTP and WebSocket routes its web UI uses
 * (pinned version; these routes are not a public contract).
 */
export class PlaygroundClient {
  private ws?: WebSocket;
  private readonly events: WsEvent[] = [];
  conversationId = '';
  userId = '';

  constructor(readonly url: string) {}

  /** Connects before anything is sent: the playground flushes buffered events to the first client. */
  async connect(): Promise<void> {
    this.ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    this.ws.on('message', (d) => { this.events.push(JSON.parse(d.toString()) as WsEvent); });
    await new Promise<void>((resolve, reject) => { this.ws?.once('open', () => resolve()); this.ws?.once('error', reject); });
    const res = await fetch(`${this.url}/_internal/v1/testConfig`);
    const { config } = (await res.json()) as { config: { personalChat: { id: string }; currentUser: { id: string } } };
    this.conversationId = config.personalChat.id;
    this.userId = config.currentUser.id;
  }

  close(): void { this.ws?.close(); }

  /** Bot messages in the personal chat so far. */
  messages(): ChatMessage[] {
    return this.events.filter((e) => e.action === 'createMessage' && e.actionConversationId === this.conversationId && e.message).map((e) => e.message as ChatMessage);
  }

  async waitForMessages(count: number, timeoutMs = 15_000): Promise<ChatMessage[]> {
    await waitFor(() => this.messages().length >= count, { timeoutMs, what: () => `${count} bot messages in the chat (saw ${this.messages().length})` });
    return this.messages();
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** What the UI does when the chat opens: the app is installed for the user. */
  async install(): Promise<void> {
    await this.post(`/_debug/conversation/${encodeURIComponent(this.conversationId)}/installation`, {});
  }

  async say(text: string): Promise<void> {
    await this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.conversationId)}/messages`, { from: { id: this.userId }, text, textFormat: 'plain' });
  }

  /** Presses an Action.Execute button on a card message; returns the card that replaces it. */
  async press(message: ChatMessage, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = (await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action', from: { id: this.userId }, conversation: { id: this.conversationId }, replyToId: message.messageId,
      value: { action: { type: 'Action.Execute', title: verb, verb, data } },
    })) as { type: string; value: Record<string, unknown> };
    if (res.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${res.type}: ${JSON.stringify(res.value)}`);
    return res.value;
  }
}
