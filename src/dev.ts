import path from 'node:path';
import { ConfigError, loadConfigFromEnvironment } from './config';
import type { StorySeed } from './dev/demo-story';
import { DEFAULT_OFFICER_ID, peopleFromArgs } from './dev/dev-people';
import { DEV_SWEEP_SECONDS, startDev, type DevWindow, type RunningDev } from './dev/start-dev';
import { findPerson, managersOf, type Directory } from './domain/directory';

/**
 * `npm run dev`: the bot on the embedded database with the demo directory and the demo story,
 * and one Microsoft 365 Agents Playground (a local Teams-like chat) per person, side by side
 * on consecutive ports from 56150: by default the officer, their manager, the AD and the PIM.
 * `npm run dev -- --people alex.morgan,sam.okafor` chooses; `--as priya.shah` is one chat.
 */
const FIRST_PORT = 56150;

async function main(): Promise<void> {
  const choice = peopleFromArgs(process.argv.slice(2));
  if (!choice.ok) throw new ConfigError(choice.message);
  const config = loadConfigFromEnvironment();
  const dev = await startDev({
    config, firstPort: FIRST_PORT, ...(choice.ids ? { people: choice.ids } : {}),
    committedConfig: { path: path.resolve('.m365agentsplayground.yml'), personId: DEFAULT_OFFICER_ID },
  });
  printWelcome(dev, config.store.kind === 'sqlite' ? `embedded database in ${config.store.dataDir}` : 'Cosmos DB', !config.bot);

  let stopping = false;
  const stop = (): void => {
    // A second Ctrl+C while the chats close: stop waiting.
    if (stopping) process.exit(1);
    stopping = true;
    void dev.stop().then(() => process.exit(0), (err: unknown) => {
      process.stderr.write(`stopping: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printWelcome(dev: RunningDev, store: string, local: boolean): void {
  const out: string[] = ['', `  Complaints bot:  ${dev.app.url}/api/messages  (${store})`, '  Open each person\'s chat in its own browser tab:'];
  const width = Math.max(...dev.windows.map((w) => w.person.name.length));
  for (const w of dev.windows) out.push(`    ${w.url}  ${w.person.name.padEnd(width)}  ${w.part}`);
  out.push(...storyLines(dev.story, dev.directory, dev.windows));
  if (local) out.push('  No MicrosoftAppId: an unauthenticated local trial, listening on 127.0.0.1 and taking local service URLs only.');
  out.push('  The README\'s "Try it" walks the story person by person. Ctrl+C stops the bot and every chat.', '');
  process.stdout.write(`${out.join('\n')}\n`);
}

function storyLines(story: StorySeed, directory: Directory, windows: readonly DevWindow[]): string[] {
  if (!story.seeded) return [`  The demo story was not added (into an empty store only): ${story.why}. Type "new complaint" to start a case.`];
  const officer = findPerson(directory, DEFAULT_OFFICER_ID);
  const manager = managersOf(directory, DEFAULT_OFFICER_ID)[0];
  const lines = [
    '  The demo story:',
    `    ${story.awaitingAcknowledgement} awaits ${officer?.name ?? 'the officer'}'s acknowledgement; its reminder arrives within ${DEV_SWEEP_SECONDS} s of opening the chat.`,
    `    ${story.extensionPending}: an extension waits for ${manager?.name ?? 'the manager'} ("my approvals").`,
    `    ${story.escalated}: escalated to stage 2, for the AD to acknowledge ("my cases").`,
    `    For the PIM: "log", and "report ${story.period.from}..${story.period.to}" (${story.closed.length} closed cases).`,
  ];
  if (!windows.some((w) => w.person.id === DEFAULT_OFFICER_ID)) lines.push(`    (${officer?.name ?? 'The officer'} has no chat open: cards for them wait until they open one.)`);
  return lines;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? '' : 'npm run dev failed: '}${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
