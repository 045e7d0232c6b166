import pino from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../../src/app';
import type { AppConfig } from '../../../src/config';
import { DEMO_DIRECTORY } from '../../../src/directory/demo-directory';
import { addCalendarDays } from '../../../src/domain/calendar-date';
import { createStores } from '../../../src/store/create-stores';
import type { Stores } from '../../../src/store/stores';
import { actionData, BotDriver, cardText, type TeamsUser } from '../../support/bot-driver';
import { FakeConnector } from '../../support/fake-connector';
import { FakeGraph, fakeCredential } from '../../support/fake-graph';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';
import { COMPLAINANT, COMPLAINT, testConfig } from '../../support/test-app';

/**
 * The whole app (adapter, bot, SQLite store, reminder sweep, Graph mail) on loopback, with a
 * clock the test sets, a fake Bot Connector for Teams and a fake Graph for mail. The sweep is
 * run by the test (REMINDER_SWEEP_SECONDS 0), as an outside scheduler would.
 */
export interface ReminderApp {
  app: RunningApp;
  connector: FakeConnector;
  graph: FakeGraph;
  driver: BotDriver;
  /** A second connection to the app's database. */
  stores: Stores;
  setTime(iso: string): void;
  now(): Date;
  stop(): Promise<void>;
}

export const MAILBOX = 'complaints@example.org';

/** `config.graph.baseUrl` is always the fake Graph's; its teamsAppCatalogId is kept. */
export async function startReminderApp(start: string, config: Partial<AppConfig> = {}, options: AppOptions = {}): Promise<ReminderApp> {
  const dataDir = makeTempDir('reminders');
  let clock = new Date(start);
  const connector = await new FakeConnector().start();
  const graph = await new FakeGraph().start();
  const app = await startApp(testConfig(dataDir, {
    mail: { sender: 'complaints-bot@example.org', complaintsMailbox: MAILBOX },
    ...config,
    graph: { baseUrl: graph.baseUrl, teamsAppCatalogId: config.graph?.teamsAppCatalogId },
  }), { now: () => clock, logger: pino({ level: 'silent' }), graphCredential: fakeCredential, ...options });
  const stores = await createStores({ kind: 'sqlite', dataDir });
  return {
    app, connector, graph, stores,
    driver: new BotDriver(app.url, connector),
    setTime: (iso) => { clock = new Date(iso); },
    now: () => clock,
    stop: async () => {
      await stores.close();
      await app.close();
      await connector.stop();
      await graph.stop();
      removeTempDir(dataDir);
    },
  };
}

/**
 * Logs a Riverside repair complaint received on `receivedOn` through the intake cards; Alex
 * Morgan handles it. `complainant` changes intake's answers (COMPLAINANT records a
 * vulnerability and an adjustment, which are then kept under review with reminders of their own).
 */
export async function logComplaint(r: ReminderApp, user: TeamsUser, receivedOn: string, complainant: Partial<typeof COMPLAINANT> = {}): Promise<{ caseId: string; reference: string }> {
  const before = r.connector.sent.length;
  await r.driver.say(user, 'new complaint');
  await r.connector.waitFor(before + 1);
  const intakeId = String(actionData(r.connector.cards().at(-1), 'intake.next').intakeId);
  await r.driver.execute(user, 'intake.next', { intakeId, step: 'complainant', ...COMPLAINANT, ...complainant });
  await r.driver.execute(user, 'intake.next', { intakeId, step: 'complaint', ...COMPLAINT, receivedOn, issueOccurredOn: addCalendarDays(receivedOn, -14) });
  const done = await r.driver.execute(user, 'intake.submit', { intakeId, step: 'review' });
  const caseId = String(actionData(done.body.value, 'case.view').caseId);
  const record = await r.stores.cases.getCase(caseId);
  if (!record) throw new Error('the complaint was not stored');
  return { caseId, reference: record.reference };
}

/** Who a conversation belongs to, by the BotDriver's "personal-<aadObjectId>" ids. */
function personOf(conversationId: string): string {
  const aad = conversationId.replace(/^personal-/, '');
  return DEMO_DIRECTORY.people.find((p) => p.aadObjectId === aad)?.name ?? conversationId;
}

export interface SeenCard { to: string; card: Record<string, unknown>; text: string; headline: string }

/** Cards the bot sent since `mark` (an index into connector.sent), with who they went to. */
export function cardsSince(connector: FakeConnector, mark: number): SeenCard[] {
  return connector.sent.slice(mark).flatMap((s) => (s.activity.attachments ?? []).map((a) => {
    const text = cardText(a.content);
    return { to: personOf(s.conversationId), card: a.content, text, headline: text.split('\n')[0] ?? '' };
  }));
}
