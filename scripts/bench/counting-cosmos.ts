import { createHttpsServer } from '@vercel/cosmosdb-server';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the bot asked of Cosmos DB, by kind, on the documents of each container. */
export interface CosmosRequestCounts { pointReads: number; replaces: number; creates: number; queries: number; other: number; byContainer: Record<string, number> }

export interface CountingCosmos {
  endpoint: string;
  agent: https.Agent;
  /** Counts since the last reset. */
  counts(): CosmosRequestCounts;
  reset(): void;
  stop(): Promise<void>;
}

const empty = (): CosmosRequestCounts => ({ pointReads: 0, replaces: 0, creates: 0, queries: 0, other: 0, byContainer: {} });

/**
 * The local Cosmos DB server (as test/support/cosmos-server.ts starts it), counting every
 * request it serves, so the bench can say how many a card submit costs: the target is one
 * point read and one conditional write of the case. The count is the server's, so it sees
 * what the SDK really sent, retries and metadata reads included.
 */
export async function startCountingCosmos(): Promise<CountingCosmos> {
  const server = createHttpsServer();
  let counts = empty();
  server.prependListener('request', (req) => {
    const url = req.url ?? '';
    const doc = /\/colls\/([^/]+)\/docs(\/[^/?]+)?/.exec(url);
    if (!doc) { counts.other++; return; }
    const container = decodeURIComponent(doc[1] ?? '');
    counts.byContainer[container] = (counts.byContainer[container] ?? 0) + 1;
    const one = Boolean(doc[2]);
    if (req.method === 'GET' && one) counts.pointReads++;
    else if (req.method === 'PUT' && one) counts.replaces++;
    else if (req.method === 'POST' && req.headers['x-ms-documentdb-isquery']) counts.queries++;
    else if (req.method === 'POST') counts.creates++;
    else counts.other++;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { resolve(); });
  });
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ rejectUnauthorized: false });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent,
    counts: () => ({ ...counts, byContainer: { ...counts.byContainer } }),
    reset: () => { counts = empty(); },
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    },
  };
}
