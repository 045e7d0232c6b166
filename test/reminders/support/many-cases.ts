import { CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createAdapter } from '../../../src/bot/create-adapter';
import { ProactiveNotifier } from '../../../src/bot/proactive-notifier';
import { calendarForPolicy } from '../../../src/calendar/policy-calendar';
import type { CaseContext } from '../../../src/cases/case-context';
import { projectView } from '../../../src/domain/case-projection';
import { deriveCase } from '../../../src/domain/case-timeline';
import type { Directory, DirectoryPerson } from '../../../src/domain/directory';
import { findPreset } from '../../../src/policies/preset-registry';
import { LoggingMailSender } from '../../../src/graph/logging-mail-sender';
import type { MailMessage, MailSender } from '../../../src/graph/mail-sender.port';
import { ReminderSweeper, type SweepDeps } from '../../../src/reminders/reminder-sweep';
import type { CaseRecord, NewCaseRecord, StoredEvent } from '../../../src/domain/case-record';
import { toCaseDocument } from '../../../src/store/cosmos-case-documents';
import { CASES_CONTAINER } from '../../../src/store/cosmos-containers';
import type { CosmosStoreOptions } from '../../../src/store/cosmos-options';
import type { Stores } from '../../../src/store/stores';
import type { FakeConnector } from '../../support/fake-connector';
import { details } from '../../support/case-fixtures';
import type { VirtualTime } from './virtual-time';

/**
 * Fixtures for fan-out tests: an invented directory of officers and managers, cases whose
 * deadlines are due for reminders, conversations pointing at a fake Bot Connector, and
 * sweepers built as the app builds them (real adapter and ProactiveNotifier).
 */
export const policy = findPreset('hos-2024')!;
export const calendar = calendarForPolicy(policy);

export function bigDirectory(officers: number, managers: number): Directory {
  const person = (id: string, n: number, roles: string[], managerId: string | null): DirectoryPerson => ({
    id, name: `${id.replace('-', ' ')}`, email: `${id}@example.org`, aadObjectId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    roles, estates: ['*'], managerId,
  });
  const people = [
    ...Array.from({ length: managers }, (_, i) => person(`manager-${i}`, 10_000 + i, ['AD'], null)),
    ...Array.from({ length: officers }, (_, i) => person(`officer-${i}`, i, ['AHM'], `manager-${i % managers}`)),
  ];
  return { estates: ['Riverside'], people };
}

/** A case received on `receivedOn`, assigned to `officerId`, derived by the domain as the app would. */
export function caseRecord(officerId: string, receivedOn: string, n: number): NewCaseRecord {
  const audit = { at: `${receivedOn}T10:00:00.000Z`, by: 'manager-0' };
  const events = [
    { ...audit, id: `ev-${n}-1`, type: 'received', on: receivedOn },
    { ...audit, id: `ev-${n}-2`, type: 'assigned', on: receivedOn, officerId },
  ] as StoredEvent[];
  const derived = deriveCase(events, { policy, calendar });
  if (!derived.ok) throw new Error(derived.message);
  return {
    referenceYear: 2026, policyId: policy.id, events, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
    details: details({ intakeId: `intake-${n}`, complainant: { complainantName: `Resident ${n}`, estate: 'Riverside' }, complaint: { receivedOn }, loggedBy: 'manager-0' }),
    ...projectView(derived.view),
  };
}

/**
 * Writes the case documents straight into the Cosmos container (the store's own mapping),
 * many at a time: the local emulator takes ~20 ms per createCase (reference counter and
 * reference document), which for 1,000 cases would be most of the test's time. Reads, claims
 * and confirms in the test all go through the store.
 */
export async function seedCosmosCases(options: CosmosStoreOptions, records: NewCaseRecord[]): Promise<void> {
  const client = new CosmosClient({ endpoint: options.endpoint, key: options.key ?? 'local-test-key', ...(options.agent ? { agent: options.agent } : {}) });
  const container = client.database(options.databaseName ?? 'housing-complaints').container(CASES_CONTAINER.id ?? 'cases');
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < records.length) {
      const i = next++;
      const { referenceYear, ...rest } = records[i]!;
      const record: Omit<CaseRecord, 'version'> = { ...rest, id: randomUUID(), reference: `HC-${referenceYear}-${String(i + 1).padStart(5, '0')}` };
      await container.items.create(toCaseDocument(record, randomUUID()));
    }
  }));
  client.dispose();
}

/** Stores each person's personal conversation, as the bot does when they open it. */
export async function storeConversations(stores: Stores, directory: Directory, connector: FakeConnector): Promise<void> {
  await Promise.all(directory.people.map((p) => stores.conversationRefs.putConversationRef(p.aadObjectId, {
    channelId: 'msteams', serviceUrl: connector.url, locale: 'en-GB',
    user: { id: `29:${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId },
    bot: { id: '28:complaints-bot', name: 'Complaints' },
    conversation: { id: `personal-${p.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-demo-0001' },
  })));
}

export class RecordingMail implements MailSender {
  readonly delivers = true;
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> { this.sent.push(message); }
}

/** A sweeper as src/app.ts builds one: the real adapter and ProactiveNotifier, its own stores. */
export function sweeperFor(stores: Stores, directory: Directory, time: VirtualTime, overrides: Partial<SweepDeps> = {}): ReminderSweeper {
  const logger = pino({ level: 'silent' });
  const ctx: CaseContext = { policy, calendar, directory, now: time.now, newId: randomUUID };
  return new ReminderSweeper({
    stores, ctx, teams: new ProactiveNotifier(createAdapter(null, logger), '', stores.conversationRefs, logger),
    mail: new LoggingMailSender(logger), complaintsMailbox: undefined, workingHours: { start: '09:00', end: '17:00' },
    logger, sleep: time.sleep, ...overrides,
  });
}

/**
 * A closed case with follow-ups (issue 13), handled by `handlerId`: its stage 1 response
 * promised two actions due the same day (Wed 30 Dec 2026), a1 owned by `actionOwnerId` and a2
 * by nobody (so the handler's); the Ombudsman has since asked for information (r1, due Thu 24
 * Dec, the complaints team's) and ordered o1 (owned by `orderOwnerId`, due Tue 22 Dec).
 */
export function followUpCaseRecord(n: number, people: { handlerId: string; actionOwnerId: string; orderOwnerId: string }): NewCaseRecord {
  const audit = { at: '2026-11-02T10:00:00.000Z', by: 'manager-0' };
  const events = [
    { type: 'received', on: '2026-11-02' },
    { type: 'assigned', on: '2026-11-02', officerId: people.handlerId },
    { type: 'acknowledged', on: '2026-11-03' },
    {
      type: 'responded', on: '2026-11-20', outcome: 'upheld', actions: [
        { id: 'a1', kind: 'repair', description: `Replace the kitchen window at flat ${n}`, due: '2026-12-30', ownerId: people.actionOwnerId },
        { id: 'a2', kind: 'compensation', description: 'Pay for the delay', due: '2026-12-30', amountPence: 15000 },
      ],
    },
    { type: 'closed', on: '2026-11-23' },
    { type: 'ombudsman-referred', on: '2026-12-01', reference: `HOS-2026${String(n).padStart(5, '0')}` },
    { type: 'ombudsman-information-requested', on: '2026-12-02', requestId: 'r1', due: '2026-12-24' },
    { type: 'ombudsman-determined', on: '2026-12-08', findings: [{ finding: 'service-failure' }], orders: [{ id: 'o1', kind: 'apology', description: 'Apologise in writing', due: '2026-12-22', ownerId: people.orderOwnerId }] },
  ].map((e, i) => ({ ...audit, id: `fu-${n}-${i}`, ...e })) as StoredEvent[];
  const derived = deriveCase(events, { policy, calendar });
  if (!derived.ok) throw new Error(derived.message);
  return {
    referenceYear: 2026, policyId: policy.id, events, estate: 'Riverside', category: 'repairs', serviceArea: 'housing-management',
    details: details({ intakeId: `intake-fu-${n}`, complainant: { complainantName: `Resident ${n}`, estate: 'Riverside' }, complaint: { receivedOn: '2026-11-02' }, loggedBy: 'manager-0' }),
    ...projectView(derived.view),
  };
}
