import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from './app';
import { ConfigError, loadConfigFromEnvironment, type AppConfig } from './config';
import { buildCore } from './core';
import type { Directory } from './domain/directory';
import { playgroundConfigYaml } from './dev/playground-config';
import { startPlayground } from './dev/start-playground';
import { seedDemoReminderCase, type DemoSeed } from './reminders/demo-reminder-case';

/**
 * `npm run dev`: the bot on the embedded database with the demo directory, and the
 * Microsoft 365 Agents Playground in front of it as a local Teams-like chat.
 * `npm run dev -- --as priya.shah` chats as another person from the directory.
 */
const PLAYGROUND_PORT = 56150;
const DEFAULT_USER = 'alex.morgan';
/** The demo's reminder sweep: every 20 s, at any hour and on any day, so a reminder shows within a minute. */
const DEV_SWEEP_SECONDS = 20;

async function main(): Promise<void> {
  const asIndex = process.argv.indexOf('--as');
  const personId = asIndex > 0 ? process.argv[asIndex + 1] ?? DEFAULT_USER : DEFAULT_USER;
  const config = loadConfigFromEnvironment();
  // npm run dev is the local trial: without an app id it runs unauthenticated, on loopback only.
  if (!config.bot) config.localUnauthenticated = true;
  config.reminders = { ...config.reminders, sweepSeconds: DEV_SWEEP_SECONDS, workingHours: { start: '00:00', end: '24:00' } };

  const { demo, directory } = await seedDemoCase(config);
  // Demo cases' reminders always go here: showing them is what the demo case is for.
  const app = await startApp(config, { reminders: { anyDay: true, demoCaseReminders: 'always' } });
  const workDir = path.resolve(config.store.kind === 'sqlite' ? config.store.dataDir : '.data', 'playground', personId);
  mkdirSync(workDir, { recursive: true });
  // The committed .m365agentsplayground.yml is the demo's; anyone else gets one made for them.
  let configPath = path.resolve('.m365agentsplayground.yml');
  if (personId !== DEFAULT_USER || config.directoryFile) {
    configPath = path.join(workDir, '.m365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(directory, personId));
  }
  const playground = await startPlayground({ appEndpoint: `${app.url}/api/messages`, configPath, workDir, port: PLAYGROUND_PORT });

  const person = directory.people.find((p) => p.id === personId);
  process.stdout.write(`\n  Complaints bot:  ${app.url}/api/messages  (embedded database in ${config.store.kind === 'sqlite' ? config.store.dataDir : 'Cosmos DB'})\n`);
  process.stdout.write(`  Local Teams chat: open ${playground.url} in your browser, as ${person?.name} (${person?.roles.join(', ')})\n`);
  if (demo.seeded) process.stdout.write(`  Demo case ${demo.reference} for Alex Morgan is due ${demo.due}: its reminder arrives within ${DEV_SWEEP_SECONDS} s of opening the chat.\n`);
  if (!config.bot) process.stdout.write('  No MicrosoftAppId: an unauthenticated local trial, listening on 127.0.0.1 and taking local service URLs only.\n');
  process.stdout.write('  Type "new complaint" to start. Ctrl+C stops both.\n\n');

  const stop = () => { void playground.stop().then(() => app.close()).then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? '' : 'npm run dev failed: '}${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/**
 * Into an empty store only: a complaint for Alex due on the next working day (see
 * demo-reminder-case.ts). Also returns the directory the app runs with (DIRECTORY_FILE, or the
 * demo directory), for the Playground's people.
 */
async function seedDemoCase(config: AppConfig): Promise<{ demo: DemoSeed; directory: Directory }> {
  const core = await buildCore(config);
  try {
    return { demo: await seedDemoReminderCase(core.stores.cases, core.ctx), directory: core.directory };
  } finally {
    await core.close();
  }
}
