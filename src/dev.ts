import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from './app';
import { ConfigError, loadConfigFromEnvironment } from './config';
import { DEMO_DIRECTORY } from './directory/demo-directory';
import { loadDirectory } from './directory/load-directory';
import { playgroundConfigYaml } from './dev/playground-config';
import { startPlayground } from './dev/start-playground';

/**
 * `npm run dev`: the bot on the embedded database with the demo directory, and the
 * Microsoft 365 Agents Playground in front of it as a local Teams-like chat.
 * `npm run dev -- --as priya.shah` chats as another person from the directory.
 */
const PLAYGROUND_PORT = 56150;
const DEFAULT_USER = 'alex.morgan';

async function main(): Promise<void> {
  const asIndex = process.argv.indexOf('--as');
  const personId = asIndex > 0 ? process.argv[asIndex + 1] ?? DEFAULT_USER : DEFAULT_USER;
  const config = loadConfigFromEnvironment();
  const directory = config.directoryFile ? loadDirectory(config.directoryFile) : DEMO_DIRECTORY;

  const app = await startApp(config);
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
  process.stdout.write('  Type "new complaint" to start. Ctrl+C stops both.\n\n');

  const stop = () => { void playground.stop().then(() => app.close()).then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? '' : 'npm run dev failed: '}${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
