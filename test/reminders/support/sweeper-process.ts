import https from 'node:https';
import type { StoreOptions } from '../../../src/store/create-stores';
import { createStores } from '../../../src/store/create-stores';
import { bigDirectory, sweeperFor } from './many-cases';
import { VirtualTime } from './virtual-time';

/**
 * One bot instance's reminder sweep as its own process (sweepers.ts starts it), so a test can
 * kill it outright. Settings come as one JSON argument. It prints "CLAIMED <caseId>" for each
 * send it starts, and at the end "REPORT <json>". With hangOnSend, sends never return: the
 * process sits between claim and confirm until the test SIGKILLs it.
 */
export interface SweeperProcessSettings {
  store: { kind: 'sqlite'; dataDir: string } | { kind: 'cosmos'; endpoint: string; key: string; databaseName: string };
  now: string;
  instanceId: string;
  officers: number;
  managers: number;
  hangOnSend?: boolean;
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2] ?? '{}') as SweeperProcessSettings;
  const agent = settings.store.kind === 'cosmos' ? new https.Agent({ rejectUnauthorized: false, keepAlive: true }) : undefined;
  const options: StoreOptions = settings.store.kind === 'sqlite' ? settings.store : { ...settings.store, agent, connectTimeoutMs: 20_000, requestTimeoutMs: 20_000 };
  const stores = await createStores(options);
  const directory = bigDirectory(settings.officers, settings.managers);
  const time = new VirtualTime(settings.now);
  const sweeper = sweeperFor(stores, directory, time, {
    instanceId: settings.instanceId,
    ...(settings.hangOnSend ? {
      teams: {
        sendCard: (_person, card) => {
          process.stdout.write(`CLAIMED ${JSON.stringify(card).match(/"caseId":"([^"]+)"/)?.[1] ?? '?'}\n`);
          return new Promise(() => undefined);
        },
      },
    } : {}),
  });
  const report = await sweeper.run();
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  await stores.close();
  agent?.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`sweeper process failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
