import assert from 'node:assert/strict';
import type { CaseRecord } from '../../src/domain/case-record';
import { createStores } from '../../src/store/create-stores';
import { isStoreError } from '../../src/store/store-errors';
import type { Stores } from '../../src/store/stores';
import { event, newCase, withEvent } from '../support/case-fixtures';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/**
 * Saves that arrive together are committed by the save thread in one transaction (one
 * fsync). Each is still conditional on its own version and checked on its own: these are
 * the cases where the batch must not blur them.
 */
describe('SQLite case saves committed together', function () {
  this.timeout(30_000);
  let dataDir: string;
  let stores: Stores;
  beforeEach(async () => {
    dataDir = makeTempDir('group-commit');
    stores = await createStores({ kind: 'sqlite', dataDir });
  });
  afterEach(async () => {
    await stores.close();
    removeTempDir(dataDir);
  });

  it('lets exactly one of several writers of the same version win, tells each loser STALE_VERSION, and keeps every winner', async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, () => stores.cases.createCase(newCase())));
    // Three writers per case from the version each read, all sent in the same tick.
    const attempts = cases.flatMap((record) => [1, 2, 3].map((n) => ({ record, note: `writer ${n} on ${record.reference}` })));
    const results = await Promise.all(attempts.map((a) => stores.cases.saveCase(withEvent(a.record, event('note', '2026-03-05', { why: a.note })))));

    const winners = new Map<string, CaseRecord>();
    results.forEach((result, i) => {
      const attempt = attempts[i];
      assert.ok(attempt);
      if (result.ok) {
        assert.ok(!winners.has(result.record.id), `${attempt.record.reference} had two winners`);
        winners.set(result.record.id, result.record);
      }
    });
    assert.equal(winners.size, cases.length, 'every case has exactly one winner');
    results.forEach((result, i) => {
      if (result.ok) return;
      const attempt = attempts[i];
      assert.equal(result.code, 'STORE.STALE_VERSION');
      // The loser is told the case as the winner left it.
      assert.deepEqual(result.current, winners.get(attempt?.record.id ?? ''));
    });

    // Durable: a new connection to the file reads every winner, exactly once.
    await stores.close();
    stores = await createStores({ kind: 'sqlite', dataDir });
    for (const [id, won] of winners) {
      const stored = await stores.cases.getCase(id);
      assert.deepEqual(stored, won);
      assert.equal(stored?.events.length, 2);
    }
  });

  it('refuses a history rewrite in a batch without failing the saves committed with it', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => stores.cases.createCase(newCase())));
    assert.ok(a && b && c);
    const rewritten: CaseRecord = { ...a, events: [{ ...structuredClone(a.events[0]), on: '2026-03-03' } as CaseRecord['events'][number], event('note', '2026-03-05')] };
    const [before, rewrite, after] = await Promise.allSettled([
      stores.cases.saveCase(withEvent(b, event('note', '2026-03-05'))),
      stores.cases.saveCase(rewritten),
      stores.cases.saveCase(withEvent(c, event('note', '2026-03-05'))),
    ]);
    assert.equal(rewrite?.status, 'rejected');
    assert.ok(rewrite.status === 'rejected' && isStoreError(rewrite.reason, 'STORE.HISTORY_REWRITE'), String(rewrite.status === 'rejected' ? rewrite.reason : ''));
    assert.ok(before?.status === 'fulfilled' && before.value.ok);
    assert.ok(after?.status === 'fulfilled' && after.value.ok);
    assert.equal((await stores.cases.getCase(a.id))?.version, a.version, 'the refused case is unchanged');
    assert.equal((await stores.cases.getCase(b.id))?.events.length, 2);
    assert.equal((await stores.cases.getCase(c.id))?.events.length, 2);
  });

  it('commits who saw a case in the same batch as the saves, whatever becomes of them', async () => {
    const record = await stores.cases.createCase(newCase());
    const seen = { caseId: record.id, at: '2026-03-05T10:00:00.000Z', by: 'alex.morgan', what: 'case-card' as const };
    const [saved, stale, logged] = await Promise.all([
      stores.cases.saveCase(withEvent(record, event('note', '2026-03-05'))),
      stores.cases.saveCase(withEvent(record, event('note', '2026-03-05'))),
      stores.accessLog.record(seen),
    ]);
    assert.ok(saved.ok);
    assert.ok(!stale.ok);
    assert.equal(logged, undefined);
    await stores.close();
    stores = await createStores({ kind: 'sqlite', dataDir });
    assert.deepEqual(await stores.accessLog.list(record.id), [seen]);
  });

  it('answers a save of a case that is gone as stale with nothing current, beside saves that commit', async () => {
    const [kept, gone] = await Promise.all([1, 2].map(() => stores.cases.createCase(newCase())));
    assert.ok(kept && gone);
    const [ok, missing] = await Promise.all([
      stores.cases.saveCase(withEvent(kept, event('note', '2026-03-05'))),
      stores.cases.saveCase(withEvent({ ...gone, id: 'no-such-case' }, event('note', '2026-03-05'))),
    ]);
    assert.ok(ok?.ok);
    assert.ok(missing && !missing.ok);
    assert.equal(missing.code, 'STORE.STALE_VERSION');
    assert.equal(missing.current, undefined);
  });

  it('finishes the saves already sent before close() resolves', async () => {
    const record = await stores.cases.createCase(newCase());
    const saving = stores.cases.saveCase(withEvent(record, event('note', '2026-03-05')));
    await stores.close();
    const saved = await saving;
    assert.ok(saved.ok);
    stores = await createStores({ kind: 'sqlite', dataDir });
    assert.equal((await stores.cases.getCase(record.id))?.version, saved.record.version);
  });
});
