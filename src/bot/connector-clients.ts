import { ConnectorFactory, type ConnectorClient } from 'botframework-connector';

/** Service URLs are a handful per region in Teams; more than this means something odd, and the oldest go. */
const MAX_CLIENTS = 64;

/**
 * The SDK builds a new ConnectorClient (its HTTP pipeline and credentials) for every turn and
 * every proactive message, a few percent of a card reply's CPU. A client depends only on the
 * bot's app id, the service URL and the audience, and holds no per-request state, so one per
 * such triple is kept and handed out again; reusing the credentials also reuses their token
 * cache. A failed creation is not kept.
 */
export class ConnectorClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** `inner`, with the clients it makes kept here. */
  reuse(inner: ConnectorFactory): ConnectorFactory {
    const appId = (inner as { appId?: unknown }).appId;
    return new ReusingConnectorFactory(inner, typeof appId === 'string' ? appId : '', this.clients);
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly clients: Map<string, Promise<ConnectorClient>>) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    const known = this.clients.get(key);
    if (known) return known;
    const made = this.inner.create(serviceUrl, audience);
    this.clients.set(key, made);
    made.catch(() => { if (this.clients.get(key) === made) this.clients.delete(key); });
    for (const oldest of this.clients.keys()) {
      if (this.clients.size <= MAX_CLIENTS) break;
      this.clients.delete(oldest);
    }
    return made;
  }
}
