import assert from 'node:assert/strict';
import type { CaseStore } from '../../src/store/case-store.port';
import { isStoreError } from '../../src/store/store-errors';
import { event, newCase, withEvent } from '../support/case-fixtures';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

/**
 * The CaseStore contract: create, read, conditional save, append-only history and unique
 * references. Run against every adapter (sqlite-stores.test.ts, cosmos-stores.test.ts).
 */
export function caseStoreContract(factory: StoreFactory): void {
  describe('CaseStore: create, read and save', () => {
    let fixture: StoreFixture;
    let cases: CaseStore;
    beforeEach(async () => {
      fixture = await factory();
      cases = fixture.stores.cases;
    });
    afterEach(async () => fixture.cleanup());

    it('creates a case with an allocated id, reference and version, and reads it back unchanged', async () => {
      const input = newCase();
      const created = await cases.createCase(input);
      assert.equal(created.reference, 'HC-2026-00001');
      assert.ok(created.id.length > 0);
      assert.ok(created.version.length > 0);
      assert.equal(created.policyId, 'riverside-homes-2024');
      assert.deepEqual(created.events, input.events);
      assert.deepEqual(created.details, input.details);
      assert.equal('referenceYear' in created, false);
      assert.deepEqual(await cases.getCase(created.id), created);
      assert.deepEqual(await cases.getCaseByReference('HC-2026-00001'), created);
    });

    it('creates a case under a chosen id at most once: a second create, even at once, returns the stored case; a repeat uses no reference', async () => {
      const id = 'case-from-intake-7f3a';
      const [a, b] = await Promise.all([cases.createCaseOnce(id, newCase()), cases.createCaseOnce(id, newCase())]);
      assert.deepEqual([a.created, b.created].sort(), [false, true], 'one created it, the other found it');
      assert.equal(a.record.id, id);
      assert.deepEqual(a.record, b.record);
      // A repeat once the case exists uses no number (two at once on Cosmos DB may leave a gap).
      const before = await cases.createCase(newCase());
      const again = await cases.createCaseOnce(id, newCase());
      assert.deepEqual(again, { record: a.record, created: false });
      assert.deepEqual(await cases.getCase(id), a.record);
      const after = await cases.createCase(newCase());
      const n = (ref: string) => Number(ref.slice(-5));
      assert.equal(n(after.reference), n(before.reference) + 1);
    });

    it('numbers references per year', async () => {
      const a = await cases.createCase(newCase());
      const b = await cases.createCase(newCase());
      const c = await cases.createCase(newCase({ referenceYear: 2027 }));
      assert.deepEqual([a.reference, b.reference, c.reference], ['HC-2026-00001', 'HC-2026-00002', 'HC-2027-00001']);
    });

    it('returns undefined for an unknown id or reference', async () => {
      await cases.createCase(newCase());
      assert.equal(await cases.getCase('no-such-case'), undefined);
      assert.equal(await cases.getCaseByReference('HC-2026-09999'), undefined);
    });

    it('rejects a reference year that is not a four-digit year', async () => {
      await assert.rejects(cases.createCase(newCase({ referenceYear: 26 })), (err) => isStoreError(err, 'STORE.INVALID_INPUT'));
    });

    it('saves an appended event and gives the case a new version', async () => {
      const created = await cases.createCase(newCase());
      const next = withEvent(created, event('acknowledged', '2026-03-03'), { state: 'investigating' });
      const result = await cases.saveCase(next);
      assert.ok(result.ok);
      assert.notEqual(result.record.version, created.version);
      assert.equal(result.record.events.length, 2);
      const reread = await cases.getCase(created.id);
      assert.deepEqual(reread, result.record);
      assert.equal(reread?.state, 'investigating');
    });

    it('lets exactly one of two concurrent saves of the same version win', async () => {
      const created = await cases.createCase(newCase());
      const first = withEvent(created, event('acknowledged', '2026-03-03'));
      const second = withEvent(created, event('note', '2026-03-03', { why: 'Called Ms Threlkeld back' }));
      const results = await Promise.all([cases.saveCase(first), cases.saveCase(second)]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      assert.equal(winners.length, 1);
      assert.equal(losers.length, 1);
      const [loser] = losers;
      const [winner] = winners;
      assert.ok(loser && !loser.ok && winner?.ok);
      assert.equal(loser.code, 'STORE.STALE_VERSION');
      assert.deepEqual(loser.current, winner.record);
      assert.deepEqual(await cases.getCase(created.id), winner.record);
    });

    it('refuses a save from a stale version and returns the current record', async () => {
      const created = await cases.createCase(newCase());
      const saved = await cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
      assert.ok(saved.ok);
      const late = await cases.saveCase(withEvent(created, event('note', '2026-03-04')));
      assert.equal(late.ok, false);
      assert.ok(!late.ok);
      assert.equal(late.code, 'STORE.STALE_VERSION');
      assert.equal(late.current?.version, saved.record.version);
      assert.equal(late.current?.events.length, 2);
    });

    it('reports a save of a case that does not exist as stale with no current record', async () => {
      const created = await cases.createCase(newCase());
      const result = await cases.saveCase({ ...created, id: 'never-created' });
      assert.ok(!result.ok);
      assert.equal(result.current, undefined);
    });

    it('throws when a save changes a past event, and stores nothing', async () => {
      const created = await cases.createCase(newCase());
      const tampered = structuredClone(created);
      const firstEvent = tampered.events[0];
      assert.ok(firstEvent);
      firstEvent.on = '2026-02-20';
      await assert.rejects(cases.saveCase(tampered), (err) => isStoreError(err, 'STORE.HISTORY_REWRITE'));
      assert.deepEqual(await cases.getCase(created.id), created);
    });

    it('throws when a save drops a past event', async () => {
      const created = await cases.createCase(newCase());
      const saved = await cases.saveCase(withEvent(created, event('acknowledged', '2026-03-03')));
      assert.ok(saved.ok);
      const dropped = { ...saved.record, events: saved.record.events.slice(1) };
      await assert.rejects(cases.saveCase(dropped), (err) => isStoreError(err, 'STORE.HISTORY_REWRITE'));
      assert.equal((await cases.getCase(created.id))?.events.length, 2);
    });

    it('does not mistake a past event with its keys in another order for a change', async () => {
      const created = await cases.createCase(newCase());
      const reordered = structuredClone(created);
      reordered.events = reordered.events.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e);
      const result = await cases.saveCase(withEvent(reordered, event('acknowledged', '2026-03-03')));
      assert.ok(result.ok);
    });

    it('throws when a save changes the reference', async () => {
      const created = await cases.createCase(newCase());
      await assert.rejects(cases.saveCase({ ...created, reference: 'HC-2026-00777' }), (err) => isStoreError(err, 'STORE.INVALID_INPUT'));
    });

    it('gives 20 parallel creations 20 distinct consecutive references', async function () {
      this.timeout(30_000);
      const created = await Promise.all(Array.from({ length: 20 }, () => cases.createCase(newCase())));
      const references = created.map((c) => c.reference).sort();
      const expected = Array.from({ length: 20 }, (_, i) => `HC-2026-${String(i + 1).padStart(5, '0')}`);
      assert.deepEqual(references, expected);
      assert.equal(new Set(created.map((c) => c.id)).size, 20);
      for (const c of created) assert.equal((await cases.getCaseByReference(c.reference))?.id, c.id);
    });
  });
}
