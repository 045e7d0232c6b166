import autocannon from 'autocannon';

export interface LoadResult { rps: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number }

/**
 * Drives POST /api/messages at a fixed number of connections for a while, each sending its
 * next request as soon as the last is answered. `body(i, n)` gives
 * the JSON for the n-th request on connection i, so each connection is its own conversation.
 */
export async function load(url: string, connections: number, seconds: number, body: (connection: number, n: number) => object): Promise<LoadResult> {
  let nextConnection = 0;
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req, context: object) => {
        const c = context as { connection?: number; n?: number };
        c.connection ??= nextConnection++;
        c.n = (c.n ?? 0) + 1;
        return { ...req, body: JSON.stringify(body(c.connection, c.n)) };
      },
    }],
  });
  return { rps: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}
