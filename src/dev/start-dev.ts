import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp, type RunningApp } from '../app';
import { ConfigError, type AppConfig } from '../config';
import { buildCore } from '../core';
import type { Directory, DirectoryPerson } from '../domain/directory';
import type { Policy } from '../domain/policy';
import { seedDemoStory, StoryError, type StorySeed } from './demo-story';
import { checkPeople, defaultPeople, DEFAULT_OFFICER_ID, partOf } from './dev-people';
import { playgroundConfigYaml } from './playground-config';
import { startPlayground, type RunningPlayground } from './start-playground';

/**
 * `npm run dev` as a function, so the browser test starts exactly what a visitor gets: the
 * bot on the embedded database (or the configured store) with the demo story seeded into an
 * empty store, and one Microsoft 365 Agents Playground per person, all posting to the one bot.
 * Each Playground is its own Bot Framework channel: it sends its own address as the service
 * URL, the bot keeps each person's conversation reference (by their Entra object id) with
 * it, so a card for the manager is posted to the manager's Playground.
 */
export interface DevOptions {
  config: AppConfig;
  /** Directory ids, one chat each; undefined: the officer, their manager, the AD and the PIM (dev-people.ts). */
  people?: readonly string[];
  /** The first chat's port; the others follow it. 0: any free port for each (tests). */
  firstPort: number;
  /** The committed Playground config and whose it is: used for that person with the demo directory. */
  committedConfig?: { path: string; personId: string };
}

export interface DevWindow { person: DirectoryPerson; part: string; url: string }

export interface RunningDev {
  app: RunningApp;
  directory: Directory;
  windows: DevWindow[];
  story: StorySeed;
  stop(): Promise<void>;
}

/** The demo's reminder sweep: every 20 s, at any hour and on any day, so a reminder shows within a minute. */
export const DEV_SWEEP_SECONDS = 20;

/** The settings `npm run dev` runs with: without an app id an unauthenticated loopback trial, and a fast reminder sweep. */
function devConfig(config: AppConfig): AppConfig {
  return {
    ...config,
    localUnauthenticated: config.bot ? config.localUnauthenticated : true,
    reminders: { ...config.reminders, sweepSeconds: DEV_SWEEP_SECONDS, workingHours: { start: '00:00', end: '24:00' } },
  };
}

export async function startDev(options: DevOptions): Promise<RunningDev> {
  const config = devConfig(options.config);
  const { story, directory, policy } = await seedStory(config);
  const chosen = checkPeople(options.people ?? defaultPeople(directory, policy), directory);
  if (!chosen.ok) throw new ConfigError(chosen.message);

  // Demo cases' reminders always go out here: showing them is what the demo story is for.
  const app = await startApp(config, { reminders: { anyDay: true, demoCaseReminders: 'always' } });
  const dataDir = config.store.kind === 'sqlite' ? config.store.dataDir : '.data';
  // All at once: each takes a few seconds to start, and they do not depend on each other.
  const started = await Promise.allSettled(chosen.people.map((person, i) => {
    const workDir = path.resolve(dataDir, 'playground', person.id);
    mkdirSync(workDir, { recursive: true });
    return startPlayground({
      appEndpoint: `${app.url}/api/messages`, configPath: configFor(person, directory, workDir, config, options.committedConfig),
      workDir, port: options.firstPort === 0 ? 0 : options.firstPort + i,
    });
  }));
  const playgrounds = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(playgrounds.map((p) => p.stop()));
    await app.close();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  }
  const windows = chosen.people.map((person, i) => ({ person, part: partOf(person, directory, policy, DEFAULT_OFFICER_ID), url: (playgrounds[i] as RunningPlayground).url }));
  return { app, directory, windows, story, stop };
}

/** The committed .m365agentsplayground.yml is the demo's; anyone else (or another directory) gets one made for them. */
function configFor(person: DirectoryPerson, directory: Directory, workDir: string, config: AppConfig, committed: DevOptions['committedConfig']): string {
  if (committed && committed.personId === person.id && !config.directoryFile) return committed.path;
  const configPath = path.join(workDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, playgroundConfigYaml(directory, person.id));
  return configPath;
}

/** Into an empty store only (demo-story.ts); also the directory and policy the app runs with. */
async function seedStory(config: AppConfig): Promise<{ story: StorySeed; directory: Directory; policy: Policy }> {
  const core = await buildCore(config);
  try {
    // Another policy or directory may not fit the story: the chats still start, and dev.ts says why.
    const story = await seedDemoStory(core.stores.cases, core.ctx).catch((err: unknown): StorySeed => {
      if (err instanceof StoryError) return { seeded: false, why: `it stopped part way (${err.message})` };
      throw err;
    });
    return { story, directory: core.directory, policy: core.policy };
  } finally {
    await core.close();
  }
}
