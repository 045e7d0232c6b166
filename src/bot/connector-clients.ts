import { ConnectorFactory, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { BoundedMap } from '../bounded-map';

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
  private readonly clients = new BoundedMap<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly tokenClients = new BoundedMap<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  /** `inner` (the SDK's factory for requests to the bot `appId`), with the clients it makes kept here. */
  reuse(inner: ConnectorFactory, appId: string): ConnectorFactory {
    return new ReusingConnectorFactory(inner, appId, this.clients);
  }

  /**
   * The user-token client the SDK also makes on every turn (for sign-in cards, which this bot
   * does not use): one per app id the requests are addressed to, made by `make` the first time.
   */
  userTokenClient(appId: string, make: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return remembered(this.tokenClients, appId, make);
  }
}

/** The value kept under `key`, or `make`'s, kept unless it fails; the oldest go past MAX_CLIENTS. */
function remembered<T>(cache: BoundedMap<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const made = make();
  cache.set(key, made);
  made.catch(() => { if (cache.get(key) === made) cache.delete(key); });
  return made;
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly clients: BoundedMap<string, Promise<ConnectorClient>>) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return remembered(this.clients, JSON.stringify([this.appId, serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}
