import { strict as assert } from 'node:assert';
import { missedPointKey, reminderPointKey } from '../../src/domain/reminder-schedule';
import { createStores } from '../../src/store/create-stores';
import type { NewCaseRecord } from '../../src/domain/case-record';
import type { Stores } from '../../src/store/stores';
import { actionData, cardText } from '../support/bot-driver';
import type { LocalCosmos } from '../support/cosmos-server';
import { FakeConnector } from '../support/fake-connector';
import { localCosmosOptions } from '../support/store-fixtures';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';
import { startCosmosProcess } from './support/cosmos-process';
import type { Directory } from '../../src/domain/directory';
import { bigDirectory, caseRecord, followUpCaseRecord, RecordingMail, seedCosmosCases, storeConversations, sweeperFor } from './support/many-cases';
import type { SweeperProcessSettings } from './support/sweeper-process';
import { killHard, startSweeperProcess, type SweeperProcess } from './support/sweepers';
import { VirtualTime } from './support/virtual-time';

/**
 * Several bot instances sharing one store sweep at the same moment: every reminder must reach
 * the fake Bot Connector exactly once. Each instance has its own store connection, adapter and
 * ProactiveNotifier, as separate App Service instances would (in one test process, to keep the
 * run short). Thu 24 Dec 2026, 10:00: 800 cases received Mon 21 Dec (acknowledgement due Wed
 * 30 Dec: "2 working days" today) and 200 received Mon 14 Dec (due Mon 21 Dec, overdue: a
 * reminder, and a notice to the officer's manager). Then an instance, this time its own
 * process, is killed (SIGKILL) between claim and send.
 */
const NOW = '2026-12-24T10:00:00.000Z';
const CASES = 1000;
const OVERDUE = 200;
const OFFICERS = 50;
const MANAGERS = 5;
const directory = bigDirectory(OFFICERS, MANAGERS);
const records = Array.from({ length: CASES }, (_, i) => caseRecord(`officer-${i % OFFICERS}`, i < OVERDUE ? '2026-12-14' : '2026-12-21', i));

/** A fresh shared store holding `cases`, as child processes and the test reach it. */
interface SharedStore { settings: SweeperProcessSettings['store']; open(): Promise<Stores> }
interface Backend { start(): Promise<void>; fresh(cases: NewCaseRecord[]): Promise<SharedStore>; stop(): Promise<void> }

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    async start() { /* nothing to start */ },
    async fresh(cases) {
      const dataDir = makeTempDir('exactly-once');
      dirs.push(dataDir);
      const stores = await createStores({ kind: 'sqlite', dataDir });
      for (const r of cases) await stores.cases.createCase(r);
      await stores.close();
      return { settings: { kind: 'sqlite', dataDir }, open: () => createStores({ kind: 'sqlite', dataDir }) };
    },
    async stop() { dirs.forEach(removeTempDir); },
  };
}

function cosmosBackend(): Backend {
  let server: LocalCosmos | undefined;
  return {
    async start() { server = await startCosmosProcess(); },
    async fresh(cases) {
      const options = localCosmosOptions(server!); // a new database each time
      const stores = await createStores({ kind: 'cosmos', ...options });
      await stores.close();
      await seedCosmosCases(options, cases);
      return {
        settings: { kind: 'cosmos', endpoint: options.endpoint, key: options.key ?? '', databaseName: options.databaseName ?? '' },
        open: () => createStores({ kind: 'cosmos', ...options }),
      };
    },
    async stop() { await server?.stop(); },
  };
}

/** What the connector received, as "<caseId> <officer|manager>" per card. */
function deliveries(connector: FakeConnector): string[] {
  return connector.cards().map((card) => `${actionData(card, 'case.view').caseId} ${/^Missed deadline/.test(cardText(card)) ? 'manager' : 'officer'}`);
}

function duplicates(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
}

for (const [name, backend] of [['SQLite', sqliteBackend()], ['Cosmos DB (local server)', cosmosBackend()]] as const) {
  describe(`reminders: exactly once across instances sharing one store (${name})`, function () {
    this.timeout(120_000);
    let connector: FakeConnector;
    const opened: Stores[] = [];
    const processes: SweeperProcess[] = [];
    const connect = async (shared: SharedStore) => { const s = await shared.open(); opened.push(s); return s; };
    const sweeperProcess = (shared: SharedStore, instanceId: string, extra: Partial<SweeperProcessSettings> = {}) => {
      const p = startSweeperProcess({ store: shared.settings, now: NOW, instanceId, officers: OFFICERS, managers: MANAGERS, ...extra });
      processes.push(p);
      return p;
    };

    before(async () => backend.start());
    after(async () => backend.stop());
    beforeEach(async () => { connector = await new FakeConnector().start(); });
    afterEach(async () => {
      await Promise.all(processes.splice(0).map(killHard));
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await connector.stop();
    });

    it(`three instances sweep ${CASES} cases at once: ${CASES} reminders and ${OVERDUE} manager notices, each sent once`, async () => {
      const shared = await backend.fresh(records);
      const instances = await Promise.all([1, 2, 3].map(() => connect(shared)));
      const stores = instances[0]!;
      await storeConversations(stores, directory, connector);
      const time = new VirtualTime(NOW); // pacing waits pass in virtual time

      const reports = await Promise.all(instances.map((s, i) => sweeperFor(s, directory, time, { instanceId: `instance-${i + 1}` }).run()));

      const got = deliveries(connector);
      assert.deepEqual(duplicates(got), [], 'no reminder twice');
      assert.equal(got.filter((d) => d.endsWith('officer')).length, CASES);
      assert.equal(got.filter((d) => d.endsWith('manager')).length, OVERDUE);
      assert.equal(reports.reduce((n, r) => n + r.counts.sent, 0), CASES + OVERDUE, JSON.stringify(reports.map((r) => r.counts)));
      assert.ok(reports.every((r) => r.counts.failed === 0), JSON.stringify(reports.map((r) => r.counts)));
      assert.ok(reports.filter((r) => r.counts.sent > 0).length >= 2, `the instances shared the work: ${reports.map((r) => r.counts.sent).join(', ')}`);
      assert.equal(reports.filter((r) => r.digest === 'sent').length, 1, 'one daily digest');

      // Every claim is confirmed, so a later sweep (by any instance) sends nothing more.
      const due = await stores.cases.deadlinesDueBy('2026-12-31');
      for (const d of due.filter((_, i) => i % 20 === 0)) {
        const point = reminderPointKey(d.due, { id: d.due === '2026-12-30' ? 'before-2' : 'overdue-3' });
        assert.ok((await stores.reminderClaims.getReminderClaim({ caseId: d.caseId, stage: d.stage, kind: d.kind, point }))?.confirmedAt, `${d.reference} ${point}`);
        if (d.due === '2026-12-21') assert.ok((await stores.reminderClaims.getReminderClaim({ caseId: d.caseId, stage: d.stage, kind: d.kind, point: missedPointKey(d.due) }))?.confirmedAt);
      }
      time.set('2026-12-24T11:00:00.000Z');
      const again = await sweeperFor(instances[1]!, directory, time, { instanceId: 'later' }).run();
      assert.equal(again.counts.sent, 0);
      assert.equal(again.counts['handled-elsewhere'], CASES + OVERDUE);
      assert.equal(connector.sent.length, CASES + OVERDUE);
    });

    it('an instance killed (SIGKILL) between claim and send: the reminders still go out, once, after the lease', async () => {
      const shared = await backend.fresh(records.slice(OVERDUE, OVERDUE + 5)); // due in 2 working days
      const stores = await connect(shared);
      await storeConversations(stores, directory, connector);
      const cases = (await stores.cases.deadlinesDueBy('2026-12-31')).map((d) => d.caseId).sort();
      const keyOf = (caseId: string) => ({ caseId, stage: 1, kind: 'acknowledge', point: reminderPointKey('2026-12-30', { id: 'before-2' }) });

      // It claims all five (10-minute leases), starts sending, and is killed before any send returns.
      const dying = sweeperProcess(shared, 'dying', { hangOnSend: true });
      await waitFor(() => {
        if (dying.claimed.length < 5 && dying.child.exitCode !== null) throw new Error(`the sweeper exited (${dying.child.exitCode}) before claiming all five:\n${dying.output()}`);
        return dying.claimed.length >= 5;
      }, { timeoutMs: 30_000, what: () => `the sweeper to claim all five (it claimed ${dying.claimed.length}):\n${dying.output()}` });
      assert.deepEqual([...dying.claimed].sort(), cases, dying.output());
      await killHard(dying);
      for (const c of cases) assert.equal((await stores.reminderClaims.getReminderClaim(keyOf(c)))?.confirmedAt, null);

      // Within the lease another instance leaves them alone: the holder might still be sending.
      const time = new VirtualTime('2026-12-24T10:05:00.000Z');
      const rescuer = sweeperFor(stores, directory, time, { instanceId: 'rescuer' });
      const during = await rescuer.run();
      assert.equal(during.counts['handled-elsewhere'], 5);
      assert.deepEqual(deliveries(connector), []);

      // After the lease: taken over, sent once each, and confirmed by the instance that sent.
      time.set('2026-12-24T10:11:00.000Z');
      assert.equal((await rescuer.run()).counts.sent, 5);
      assert.deepEqual(deliveries(connector).sort(), cases.map((c) => `${c} officer`));
      for (const c of cases) {
        const claim = await stores.reminderClaims.getReminderClaim(keyOf(c));
        assert.equal(claim?.holder, 'rescuer#2');
        assert.ok(claim?.confirmedAt);
      }
      time.set('2026-12-24T12:00:00.000Z');
      await rescuer.run();
      assert.equal(deliveries(connector).length, 5, 'not again');
    });

    it('follow-ups of closed cases (two actions due the same day, an Ombudsman request and order): each once per point, to its owner', async () => {
      // Each case is closed; a1 is another officer's, a2 the handler's (no owner), r1 the
      // complaints team's (the PIM), o1 a third officer's and overdue (so also their manager's notice).
      const HANDLERS = 10;
      const FOLLOW_UP_CASES = 30;
      const base = bigDirectory(HANDLERS, MANAGERS);
      const pim = { id: 'pim-0', name: 'pim 0', email: 'pim-0@example.org', aadObjectId: '00000000-0000-4000-9000-000000099999', roles: ['PIM'], estates: ['*'], managerId: 'manager-1' };
      const dir: Directory = { ...base, people: [...base.people, pim] };
      const owners = (n: number) => ({ handler: `officer-${n % HANDLERS}`, action: `officer-${(n + 1) % HANDLERS}`, order: `officer-${(n + 2) % HANDLERS}` });
      const shared = await backend.fresh(Array.from({ length: FOLLOW_UP_CASES }, (_, n) => {
        const o = owners(n);
        return followUpCaseRecord(n, { handlerId: o.handler, actionOwnerId: o.action, orderOwnerId: o.order });
      }));
      const instances = await Promise.all([1, 2].map(() => connect(shared)));
      const stores = instances[0]!;
      await storeConversations(stores, dir, connector);
      const time = new VirtualTime(NOW);
      const mail = new RecordingMail();
      const sweep = (s: Stores, instanceId: string) => sweeperFor(s, dir, time, { instanceId, mail, complaintsMailbox: 'complaints@example.org' }).run();

      const reports = await Promise.all(instances.map((s, i) => sweep(s, `instance-${i + 1}`)));

      // Who got what, as "<person>: <headline>", against what each case owes.
      const personOf = new Map(dir.people.map((p) => [`personal-${p.aadObjectId}`, p.id]));
      const got = connector.sent.flatMap((s) => (s.activity.attachments ?? []).map((a) => `${personOf.get(s.conversationId)}: ${cardText(a.content).split('\n')[0]}`));
      const due = await stores.cases.deadlinesDueBy('2026-12-31');
      const caseIds = [...new Set(due.map((d) => d.caseId))];
      assert.equal(caseIds.length, FOLLOW_UP_CASES, 'closed cases stay in the due index while their follow-ups run');
      const expected: string[] = [];
      const orderOwnerOf = new Map<string, string>();
      for (const caseId of caseIds) {
        const record = (await stores.cases.getCase(caseId))!;
        const o = owners(Number(record.details.intakeId.replace('intake-fu-', '')));
        const ref = record.reference;
        orderOwnerOf.set(ref, o.order);
        assert.equal(record.state, 'closed');
        expected.push(
          `${o.action}: ${ref}: Action a1 due in 2 working days`,
          `${o.handler}: ${ref}: Action a2 due in 2 working days`,
          `pim-0: ${ref}: Information for the Ombudsman (r1) due today`,
          `${o.order}: ${ref}: Ombudsman order o1 2 working days overdue`,
          `${dir.people.find((p) => p.id === o.order)!.managerId}: Missed deadline: ${ref}`,
        );
      }
      assert.deepEqual(duplicates(got), [], 'no reminder twice');
      assert.deepEqual([...got].sort(), expected.sort());
      assert.equal(reports.reduce((n, r) => n + r.counts.sent, 0), 5 * FOLLOW_UP_CASES, JSON.stringify(reports.map((r) => r.counts)));
      assert.ok(reports.every((r) => r.counts.failed === 0 && r.counts['no-recipient'] === 0), JSON.stringify(reports.map((r) => r.counts)));
      assert.ok(reports.every((r) => r.counts.sent + r.counts['handled-elsewhere'] === 5 * FOLLOW_UP_CASES), 'both instances went for every reminder');

      // The cards say what each item is, with its button; the manager's names the order and its owner.
      const cards = connector.cards();
      const a1 = cards.find((c) => /Action a1 due/.test(cardText(c)))!;
      assert.match(cardText(a1), /What\s*Replace the kitchen window at flat \d+/);
      assert.equal(actionData(a1, 'case.action-done.form').actionId, 'a1');
      assert.equal(actionData(cards.find((c) => /Ombudsman order o1 2 working/.test(cardText(c)))!, 'case.order-complied.form').orderId, 'o1');
      assert.equal(actionData(cards.find((c) => /\(r1\) due today/.test(cardText(c)))!, 'case.ombudsman-sent.form').requestId, 'r1');
      for (const notice of cards.filter((c) => /^Missed deadline/.test(cardText(c)))) {
        const m = /The Ombudsman order o1 \(Apologise in writing\) for (HC-2026-\d+) was due Tue 22 Dec 2026 and has not been met \(2 working days overdue\)\. officer (\d) \(AHM\) is responsible/.exec(cardText(notice));
        assert.ok(m, cardText(notice));
        assert.equal(`officer-${m[2]}`, orderOwnerOf.get(m[1]!), 'the order\'s owner is responsible, not the handler');
      }

      // One claim per item and point, each confirmed: the point names the item.
      for (const caseId of caseIds.slice(0, 5)) {
        for (const [kind, point] of [['action', `a1@${reminderPointKey('2026-12-30', { id: 'before-2' })}`], ['action', `a2@${reminderPointKey('2026-12-30', { id: 'before-2' })}`],
          ['ombudsman-information', `r1@${reminderPointKey('2026-12-24', { id: 'before-0' })}`], ['ombudsman-order', `o1@${reminderPointKey('2026-12-22', { id: 'overdue-2' })}`],
          ['ombudsman-order', `o1@${missedPointKey('2026-12-22')}`]] as const) {
          assert.ok((await stores.reminderClaims.getReminderClaim({ caseId, stage: 1, kind, point }))?.confirmedAt, `${caseId} ${point}`);
        }
      }

      // One digest: what is overdue or due today, each follow-up with what it is and its owner.
      assert.equal(reports.filter((r) => r.digest === 'sent').length, 1, 'one daily digest');
      assert.equal(mail.sent.length, 1);
      assert.match(mail.sent[0]!.text, /Complaints digest Thu 24 Dec 2026: 30 overdue, 30 due today/);
      assert.match(mail.sent[0]!.text, /HC-2026-\d+ · Ombudsman order o1: Apologise in writing · due Tue 22 Dec 2026 · 2 working days overdue · officer \d/);
      assert.match(mail.sent[0]!.text, /HC-2026-\d+ · Information for the Ombudsman \(r1\) · due Thu 24 Dec 2026 · due today · pim 0/);

      // A later sweep, by either instance, sends nothing more.
      time.set('2026-12-24T11:00:00.000Z');
      const again = await sweep(instances[1]!, 'later');
      assert.equal(again.counts.sent, 0);
      assert.equal(again.counts['handled-elsewhere'], 5 * FOLLOW_UP_CASES);
      assert.equal(connector.sent.length, 5 * FOLLOW_UP_CASES);
    });
  });
}
