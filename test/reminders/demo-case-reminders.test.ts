import { strict as assert } from 'node:assert';
import type { NewCaseRecord } from '../../src/domain/case-record';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { actionData } from '../support/bot-driver';
import { FakeConnector } from '../support/fake-connector';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { bigDirectory, caseRecord, storeConversations, sweeperFor } from './support/many-cases';
import { VirtualTime } from './support/virtual-time';

/**
 * Demo cases (`details.demo`) and reminders. Decision (README, Reminders): the deployed bot
 * sends none for a demo case while the store also holds a real case, so invented cases loaded
 * into a live store never reach anyone; a store of demo cases only still gets them, and
 * `npm run dev` (demoCaseReminders: 'always') always does, since showing them is what its
 * demo case is for. Thu 24 Dec 2026 10:00: cases received Mon 21 Dec are due for their
 * "2 working days" reminder.
 */
const NOW = '2026-12-24T10:00:00.000Z';
const directory = bigDirectory(2, 1);
const demoCase = (n: number): NewCaseRecord => {
  const record = caseRecord('officer-0', '2026-12-21', n);
  return { ...record, details: { ...record.details, demo: true } };
};
const realCase = (n: number): NewCaseRecord => caseRecord('officer-1', '2026-12-21', n);

describe('reminders: demo cases', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  let dataDir: string;
  let stores: Stores;

  async function storeWith(records: NewCaseRecord[]): Promise<Map<string, string>> {
    const references = new Map<string, string>();
    for (const r of records) {
      const created = await stores.cases.createCase(r);
      references.set(created.id, created.reference);
    }
    await storeConversations(stores, directory, connector);
    return references;
  }
  const remindedCases = (references: Map<string, string>): string[] =>
    connector.cards().map((card) => references.get(String(actionData(card, 'case.view').caseId)) ?? '?').sort();

  beforeEach(async () => {
    connector = await new FakeConnector().start();
    dataDir = makeTempDir('demo-reminders');
    stores = await createStores({ kind: 'sqlite', dataDir });
  });
  afterEach(async () => {
    await stores.close();
    await connector.stop();
    removeTempDir(dataDir);
  });

  it('the deployed bot leaves demo cases out while the store also holds a real case', async () => {
    const refs = await storeWith([demoCase(1), realCase(2)]);
    const report = await sweeperFor(stores, directory, new VirtualTime(NOW)).run();
    assert.deepEqual(remindedCases(refs), ['HC-2026-00002']);
    assert.equal(report.counts.sent, 1);
    assert.equal(report.demoSkipped, 1);
    assert.equal(report.deadlines, 1);
  });

  it('a store of demo cases only still gets their reminders', async () => {
    const refs = await storeWith([demoCase(1), demoCase(2)]);
    const report = await sweeperFor(stores, directory, new VirtualTime(NOW)).run();
    assert.deepEqual(remindedCases(refs), ['HC-2026-00001', 'HC-2026-00002']);
    assert.equal(report.demoSkipped, 0);
  });

  it('npm run dev (demoCaseReminders: always) reminds demo cases beside real ones', async () => {
    const refs = await storeWith([demoCase(1), realCase(2)]);
    const report = await sweeperFor(stores, directory, new VirtualTime(NOW), { demoCaseReminders: 'always' }).run();
    assert.deepEqual(remindedCases(refs), ['HC-2026-00001', 'HC-2026-00002']);
    assert.equal(report.demoSkipped, 0);
  });
});
