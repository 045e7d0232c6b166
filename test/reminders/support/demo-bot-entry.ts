import { randomUUID } from 'node:crypto';
import { startApp } from '../../../src/app';
import { calendarForPolicy } from '../../../src/calendar/policy-calendar';
import { loadConfigFromEnvironment } from '../../../src/config';
import { DEMO_DIRECTORY } from '../../../src/directory/demo-directory';
import { findPreset } from '../../../src/policies/preset-registry';
import { seedDemoReminderCase } from '../../../src/reminders/demo-reminder-case';
import { createStores } from '../../../src/store/create-stores';

/**
 * The bot as `npm run dev` runs it, without the Playground (the e2e test starts its own on a
 * free port): the demo reminder case seeded into an empty store, and reminders on any day
 * (dev.ts's anyDay), so the test passes at weekends too, and for demo cases always (dev.ts's demoCaseReminders). Settings from the environment.
 */
async function main(): Promise<void> {
  const config = loadConfigFromEnvironment();
  if (config.store.kind !== 'sqlite') throw new Error('the demo entry runs on the embedded database');
  const policy = findPreset(config.policy);
  if (!policy) throw new Error(`no preset ${config.policy}`);
  const stores = await createStores({ kind: 'sqlite', dataDir: config.store.dataDir });
  const seeded = await seedDemoReminderCase(stores.cases, { policy, directory: DEMO_DIRECTORY, calendar: calendarForPolicy(policy), now: () => new Date(), newId: randomUUID });
  await stores.close();
  process.stdout.write(`SEEDED ${JSON.stringify(seeded)}\n`);
  const app = await startApp(config, { reminders: { anyDay: true, demoCaseReminders: 'always' } });
  process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
}

main().catch((err: unknown) => {
  process.stderr.write(`demo bot failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
