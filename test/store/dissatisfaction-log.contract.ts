import assert from 'node:assert/strict';
import type { DissatisfactionRecord } from '../../src/domain/dissatisfaction';
import type { Stores } from '../../src/store/stores';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

const entry = (id: string, receivedOn: string, extra: Partial<DissatisfactionRecord> = {}): DissatisfactionRecord => ({
  id, receivedOn, channel: 'phone', summary: 'Bin store door left open again', kind: 'service-request', reason: 'service-request-raised',
  reasonNote: '', recordedBy: 'alex.morgan', recordedAt: `${receivedOn}T10:00:00.000Z`, ...extra,
});

/** The dissatisfaction log's contract; run against every adapter. */
export function dissatisfactionLogContract(factory: StoreFactory): void {
  let fixture: StoreFixture;
  let stores: Stores;
  beforeEach(async () => {
    fixture = await factory();
    stores = fixture.stores;
  });
  afterEach(async () => fixture.cleanup());

  it('keeps a record and reads it back by the day it was received, oldest first', async () => {
    await stores.dissatisfaction.record(entry('d-2', '2026-11-20', { kind: 'expression-of-dissatisfaction', reason: 'other', reasonNote: 'Told about the new rota' }));
    await stores.dissatisfaction.record(entry('d-1', '2026-11-02'));
    await stores.dissatisfaction.record(entry('d-3', '2026-12-01'));
    const november = await stores.dissatisfaction.receivedBetween('2026-11-01', '2026-11-30');
    assert.deepEqual(november.map((r) => r.id), ['d-1', 'd-2']);
    assert.deepEqual(november[1], entry('d-2', '2026-11-20', { kind: 'expression-of-dissatisfaction', reason: 'other', reasonNote: 'Told about the new rota' }));
    assert.deepEqual((await stores.dissatisfaction.receivedBetween('2026-12-01', '2026-12-01')).map((r) => r.id), ['d-3'], 'both ends of the range count');
    assert.deepEqual(await stores.dissatisfaction.receivedBetween('2027-01-01', '2027-12-31'), []);
  });

  it('keeps a record once: the same id again changes nothing and says so', async () => {
    assert.deepEqual(await stores.dissatisfaction.record(entry('d-1', '2026-11-02')), { created: true });
    assert.deepEqual(await stores.dissatisfaction.record(entry('d-1', '2026-11-02', { summary: 'pressed twice' })), { created: false });
    const all = await stores.dissatisfaction.receivedBetween('2026-01-01', '2026-12-31');
    assert.equal(all.length, 1);
    assert.equal(all[0]?.summary, 'Bin store door left open again');
  });

  it('retention: counts, then deletes, only the records received before the date', async () => {
    await stores.dissatisfaction.record(entry('d-old', '2019-03-31', { summary: 'Resident at 4 Elm Row upset about the lift' }));
    await stores.dissatisfaction.record(entry('d-older', '2018-07-01'));
    await stores.dissatisfaction.record(entry('d-on', '2019-04-01'));
    await stores.dissatisfaction.record(entry('d-new', '2026-11-02'));

    assert.equal(await stores.dissatisfaction.deleteReceivedBefore('2019-04-01', { dryRun: true }), 2);
    assert.equal((await stores.dissatisfaction.receivedBetween('2000-01-01', '2099-12-31')).length, 4, 'a dry run changes nothing');

    assert.equal(await stores.dissatisfaction.deleteReceivedBefore('2019-04-01', { dryRun: false }), 2);
    assert.deepEqual((await stores.dissatisfaction.receivedBetween('2000-01-01', '2099-12-31')).map((r) => r.id), ['d-on', 'd-new'], 'the date itself is kept');
    assert.equal(await stores.dissatisfaction.deleteReceivedBefore('2019-04-01', { dryRun: false }), 0, 'nothing left to delete');
    assert.deepEqual(await stores.dissatisfaction.record(entry('d-old', '2019-03-31')), { created: true }, 'the deleted record is gone, not hidden');
  });

  it('refuses a record that is not one (a reason the reports do not know)', async () => {
    await assert.rejects(stores.dissatisfaction.record({ ...entry('d-9', '2026-11-02'), reason: 'because' as never }));
    assert.deepEqual(await stores.dissatisfaction.receivedBetween('2026-01-01', '2026-12-31'), []);
  });
}
