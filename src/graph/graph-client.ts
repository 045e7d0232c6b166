import type { TokenCredential } from '@azure/identity';
import {
  Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware,
} from '@microsoft/microsoft-graph-client';

/**
 * The Microsoft Graph client the app uses, authenticated as the app itself (the bot's
 * identity: client secret or managed identity, see graph-credential.ts).
 *
 * Built with an explicit middleware chain rather than the SDK default for two reasons:
 * - the SDK's AuthenticationHandler only attaches the token to https:// Graph hosts, so a
 *   GRAPH_BASE_URL pointing at a local fake server would never see one; ours attaches it to
 *   exactly the configured origin, and to nothing else (no token to a foreign nextLink);
 * - every request gets a time limit, so a silent Graph cannot hold a reminder sweep.
 * The SDK's RetryHandler stays: it retries 429, 503 and 504, honouring Retry-After.
 */
export interface GraphClientOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0 (the last path segment is the version). */
  baseUrl: string;
  credential: TokenCredential;
  /** Base delay between retries when Graph gives no Retry-After, in seconds. Default 2. */
  retryDelaySeconds?: number;
  /** Retries of a 429/503/504 answer. Default 3. */
  maxRetries?: number;
  /** Time limit for one call, retries included, in ms. Default 30 s. */
  timeoutMs?: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const url = new URL(options.baseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const host = `${url.origin}${segments.length ? `/${segments.join('/')}` : ''}`;
  return Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    middleware: [
      new BearerTokenHandler(options.credential, `${url.origin}/.default`, url.origin, options.timeoutMs ?? 30_000),
      new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 2, options.maxRetries ?? 3)),
      new HTTPMessageHandler(),
    ],
  });
}

/** Sets "Authorization: Bearer <token>" for requests to the Graph origin, and a time limit. */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scope: string,
    private readonly origin: string,
    private readonly timeoutMs: number,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    // Context.request is the DOM's RequestInfo, which this project's lib (ES2023, no DOM) does not
    // declare: at run time it is the URL or a fetch Request.
    const request = context.request as string | { url: string };
    const url = typeof request === 'string' ? request : request.url;
    context.options = { ...context.options };
    if (new URL(url).origin === this.origin) {
      const token = await this.credential.getToken(this.scope);
      if (!token) throw new Error(`No access token for ${this.scope}: check the bot's identity (MicrosoftAppId and its secret or managed identity)`);
      context.options.headers = withHeader(context.options.headers, 'Authorization', `Bearer ${token.token}`);
    }
    context.options.signal ??= AbortSignal.timeout(this.timeoutMs);
    if (!this.next) throw new Error('BearerTokenHandler must not be the last middleware');
    await this.next.execute(context);
  }
}

type HeaderBag = NonNullable<NonNullable<Context['options']>['headers']>;

function withHeader(headers: HeaderBag | undefined, name: string, value: string): HeaderBag {
  if (headers instanceof Headers) {
    headers.set(name, value);
    return headers;
  }
  if (Array.isArray(headers)) return [...headers.filter(([n]) => n?.toLowerCase() !== name.toLowerCase()), [name, value]];
  return { ...(headers as Record<string, string> | undefined), [name]: value };
}
