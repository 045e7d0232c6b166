import type { FakeConnector } from './fake-connector';

export interface TeamsUser { name: string; aadObjectId: string }

export const ALEX: TeamsUser = { name: 'Alex Morgan', aadObjectId: '00000000-0000-4000-8000-000000000001' };
export const SAM: TeamsUser = { name: 'Sam Okafor', aadObjectId: '00000000-0000-4000-8000-000000000002' };
export const PRIYA: TeamsUser = { name: 'Priya Shah', aadObjectId: '00000000-0000-4000-8000-000000000005' };
export const CASEY: TeamsUser = { name: 'Casey Quinn', aadObjectId: '00000000-0000-4000-8000-000000000008' };
export const STRANGER: TeamsUser = { name: 'Pat Nobody', aadObjectId: '99999999-0000-4000-8000-000000000099' };
export const TENANT = 'tenant-demo-0001';

let counter = 0;

/**
 * Sends activities to the bot's /api/messages over HTTP as the Teams channel would: each in
 * the user's personal conversation, with serviceUrl pointing at the fake connector.
 */
export class BotDriver {
  /** `connector`: where the bot is to send its replies (the activities' serviceUrl). */
  constructor(private readonly botUrl: string, private readonly connector: Pick<FakeConnector, 'url'>, private readonly tenant = TENANT) {}

  /**
   * An activity from `user` in their personal conversation, with its own id, as Teams posts it;
   * `extra` (its type and the rest) goes on top. For a caller that posts it itself and needs
   * its id (the soak's client finds the replies to it by replyToId).
   */
  activity<T extends object>(user: TeamsUser, extra: T) {
    return {
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:complaints-bot', name: 'Complaints' },
      conversation: { id: `personal-${user.aadObjectId}`, conversationType: 'personal', tenantId: this.tenant },
      channelData: { tenant: { id: this.tenant } },
      id: `act-${++counter}`,
      timestamp: new Date().toISOString(),
      ...extra,
    };
  }

  async post(activity: object, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A typed message; resolves once the bot has replied (the turn is complete). */
  async say(user: TeamsUser, text: string, value?: unknown, attachments?: unknown[]): Promise<{ status: number }> {
    return this.post(this.activity(user, { type: 'message', text, ...(value !== undefined ? { value } : {}), ...(attachments ? { attachments } : {}) }));
  }

  /** A press of an Action.Execute button: the invoke's HTTP response carries the new card. */
  async execute(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<{ status: number; body: InvokeBody }> {
    const res = await this.post(this.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }));
    return res as { status: number; body: InvokeBody };
  }

  async rawInvoke(user: TeamsUser, value: unknown): Promise<{ status: number; body: InvokeBody }> {
    return (await this.post(this.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value }))) as { status: number; body: InvokeBody };
  }

  /**
   * A press of Allow or Decline on a file consent card: Teams sends `fileConsent/invoke`
   * with the card's context, and on Allow where to upload (uploadInfo); replyToId is the
   * consent card's message.
   */
  async fileConsent(user: TeamsUser, value: unknown, replyToId?: string): Promise<{ status: number; body: unknown }> {
    return this.post(this.activity(user, { type: 'invoke', name: 'fileConsent/invoke', value, ...(replyToId ? { replyToId } : {}) }));
  }

  async install(user: TeamsUser): Promise<{ status: number }> {
    return this.post(this.activity(user, { type: 'conversationUpdate', membersAdded: [{ id: '28:complaints-bot' }, { id: `29:${user.aadObjectId}` }] }));
  }
}

export interface InvokeBody { statusCode: number; type: string; value: Record<string, unknown> & { body?: unknown[]; actions?: unknown[] } }

/**
 * All the text a card shows (TextBlocks, facts, input labels and values), to assert on, as a
 * person reads it: the zero-width spaces that keep typed text from being markdown are not seen.
 */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    for (const k of ['text', 'title', 'value', 'label']) if (typeof o[k] === 'string') out.push(o[k] as string);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out.join('\n').replace(/\u200B/g, '');
}

/** Finds an input by id in a card. */
export function input(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const o = n as Record<string, unknown>;
    if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) { found = o; return; }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The data of the action with this verb in a card (what a button press would send). */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const o = n as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) { found = (o.data ?? {}) as Record<string, unknown>; return; }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} action on the card:\n${cardText(card)}`);
  return found;
}

/**
 * What pressing the button with this verb sends from a real client: the action's data plus
 * every input on the card with the value it shows (Action.Execute gathers the card's inputs).
 */
export function pressData(card: unknown, verb: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const o = n as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string' && o.value !== undefined) values[o.id] = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return { ...values, ...actionData(card, verb) };
}

/** The acknowledgement as the officer records it in the tests: sent by email on the test's Monday 23 November 2026. */
export const ACK_SENT = { on: '2026-11-23', channel: 'email' } as const;

/** The URLs of a card's Action.OpenUrl buttons, by title. */
export function openUrls(card: unknown): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl') found.push({ title: String(o.title), url: String(o.url) });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
