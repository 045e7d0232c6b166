import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import { FolderFileStore } from '../../src/files/folder-file-store';
import type { FileStore } from '../../src/files/file-store.port';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { actionData, BotDriver, TENANT, type TeamsUser } from './bot-driver';
import { FakeConnector } from './fake-connector';

/** Monday 23 November 2026, 10:00 in London (GMT). */
export const MONDAY_23_NOV = new Date('2026-11-23T10:00:00Z');

export interface TestBot {
  app: RunningApp;
  connector: FakeConnector;
  driver: BotDriver;
  dataDir: string;
  /** A second connection to the app's database, to check what was stored. */
  stores: Stores;
  /** The app's file store (the folder in dataDir), to check what was kept. */
  files: FileStore;
  stop(): Promise<void>;
}

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0, bot: null, localUnauthenticated: true, tenantId: TENANT, store: { kind: 'sqlite', dataDir }, files: { kind: 'folder', dir: path.join(dataDir, 'files') }, policy: 'hos-2024', directoryFile: undefined, letters: { landlordFile: undefined, templateFile: undefined }, logLevel: 'silent',
    reminders: { sweepSeconds: 0, workingHours: { start: '09:00', end: '17:00' }, runSecret: undefined },
    graph: { baseUrl: 'http://127.0.0.1:9/v1.0', teamsAppCatalogId: undefined },
    mail: { complaintsMailbox: undefined, sender: undefined },
    ...overrides,
  };
}

/** Starts the real app (adapter, bot, HTTP server, SQLite store) on loopback with a fixed clock. */
export async function startTestBot(options: { dataDir?: string; now?: Date; config?: Partial<AppConfig>; app?: Partial<AppOptions> } = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'complaints-bot-'));
  const now = options.now ?? MONDAY_23_NOV;
  const connector = await new FakeConnector().start();
  const app = await startApp(testConfig(dataDir, options.config), { now: () => now, logger: pino({ level: 'silent' }), ...options.app });
  const stores = await createStores({ kind: 'sqlite', dataDir });
  return {
    app, connector, dataDir, stores, files: new FolderFileStore({ dir: path.join(dataDir, 'files') }),
    driver: new BotDriver(app.url, connector),
    stop: async () => {
      await stores.close();
      await app.close();
      await connector.stop();
    },
  };
}

/** Valid answers for each intake step, as a card would submit them. */
export const COMPLAINANT = {
  complainantName: 'Robin Example', contactEmail: 'robin@example.net', contactPhone: '', preferredContact: 'email',
  address: 'Flat 4, 1 Invented Row', estate: 'Riverside', hasRepresentative: 'false', representativeName: '',
  representativeConsent: 'false', vulnerabilities: 'Hearing loss', adjustments: 'Write rather than phone',
};

export const COMPLAINT = {
  channel: 'phone', receivedOn: '2026-11-23', issueOccurredOn: '2026-11-02', category: 'repairs', serviceArea: 'housing-management',
  aboutStaff: 'false', staffRole: '', staffName: '', description: 'The kitchen window has not closed since October.',
  complaintDefinition: 'Robin complains that a reported window repair has not been done after three weeks.',
  outcomeSought: 'Window repaired and an apology.', lateAcceptanceReason: '', refuseReason: '',
};

/** Logs a complaint through the intake cards as `user` (a Riverside repair, so Alex Morgan handles it). */
export async function logComplaint(bot: TestBot, user: TeamsUser): Promise<{ caseId: string; reference: string }> {
  const before = bot.connector.sent.length;
  await bot.driver.say(user, 'new complaint');
  await bot.connector.waitFor(before + 1);
  const intakeId = String(actionData(bot.connector.cards().at(-1), 'intake.next').intakeId);
  await bot.driver.execute(user, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT });
  await bot.driver.execute(user, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT });
  const done = await bot.driver.execute(user, 'intake.submit', { intakeId, step: 'review' });
  const view = actionData(done.body.value, 'case.view');
  const record = await bot.stores.cases.getCase(String(view.caseId));
  if (!record) throw new Error('the complaint was not stored');
  return { caseId: record.id, reference: record.reference };
}
