import { createHttpsServer } from '@vercel/cosmosdb-server';
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * An in-memory Cosmos DB (@vercel/cosmosdb-server) on a free loopback port, spoken to
 * through the real @azure/cosmos client. It serves HTTPS with a self-signed certificate,
 * hence the agent that does not verify it. It checks no keys, supports no TTL, GROUP BY,
 * change feed or transactional batch, and loses everything when stopped.
 */
export interface LocalCosmos {
  endpoint: string;
  port: number;
  agent: https.Agent;
  stop(): Promise<void>;
}

export async function startLocalCosmos(): Promise<LocalCosmos> {
  const server = createHttpsServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ rejectUnauthorized: false });
  return {
    endpoint: `https://127.0.0.1:${port}`,
    port,
    agent,
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A database name no earlier run or other test has used. */
export function freshDatabaseName(label: string): string {
  return `hc-test-${label}-${randomUUID().slice(0, 8)}`;
}
