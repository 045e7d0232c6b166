import assert from 'node:assert/strict';
import type { ReminderClaimStore, ReminderKey } from '../../src/store/reminder-claim-store.port';
import { isStoreError } from '../../src/store/store-errors';
import type { StoreFactory, StoreFixture } from '../support/store-fixtures';

const key: ReminderKey = { caseId: 'case-larkspur-14', stage: 1, kind: 'respond', point: '2026-03-30:due-minus-2' };
const NINE = '2026-03-26T09:00:00.000Z';
const NINE_05 = '2026-03-26T09:05:00.000Z';
const TEN = '2026-03-26T10:00:00.000Z';
const TEN_05 = '2026-03-26T10:05:00.000Z';

/** The ReminderClaimStore contract; run against every adapter. */
export function reminderClaimsContract(factory: StoreFactory): void {
  describe('ReminderClaimStore', () => {
    let fixture: StoreFixture;
    let claims: ReminderClaimStore;
    beforeEach(async () => {
      fixture = await factory();
      claims = fixture.stores.reminderClaims;
    });
    afterEach(async () => fixture.cleanup());

    const claimAll = (holders: string[], leaseUntil: string, now: string) =>
      Promise.all(holders.map(async (h) => [h, await claims.claimReminder(key, h, leaseUntil, now)] as const));

    it('gives a key to exactly one of eight concurrent claimants', async () => {
      const results = await claimAll(['bot-a', 'bot-b', 'bot-c', 'bot-d', 'bot-e', 'bot-f', 'cli-g', 'cli-h'], TEN, NINE);
      const winners = results.filter(([, won]) => won).map(([h]) => h);
      assert.equal(winners.length, 1);
      const claim = await claims.getReminderClaim(key);
      assert.equal(claim?.holder, winners[0]);
      assert.equal(claim?.leaseUntil, TEN);
      assert.equal(claim?.confirmedAt, null);
    });

    it('refuses a key under a live lease, then lets exactly one claimant take over an expired one', async () => {
      assert.equal(await claims.claimReminder(key, 'bot-a', TEN, NINE), true);
      assert.equal(await claims.claimReminder(key, 'bot-b', '2026-03-26T11:00:00.000Z', NINE_05), false);
      const before = await claims.getReminderClaim(key);
      const results = await claimAll(['bot-b', 'bot-c', 'bot-d', 'bot-e'], '2026-03-26T11:00:00.000Z', TEN_05);
      const winners = results.filter(([, won]) => won).map(([h]) => h);
      assert.equal(winners.length, 1);
      const after = await claims.getReminderClaim(key);
      assert.equal(after?.holder, winners[0]);
      assert.notEqual(after?.version, before?.version);
      // The old holder lost it: it may not confirm.
      assert.equal(await claims.confirmReminder(key, 'bot-a', TEN_05), false);
    });

    it('never hands out a confirmed key again, even after its lease', async () => {
      assert.equal(await claims.claimReminder(key, 'bot-a', TEN, NINE), true);
      assert.equal(await claims.confirmReminder(key, 'bot-a', NINE_05), true);
      assert.equal(await claims.confirmReminder(key, 'bot-a', NINE_05), true); // idempotent
      assert.equal(await claims.claimReminder(key, 'bot-b', '2026-03-27T10:00:00.000Z', '2026-03-27T09:00:00.000Z'), false);
      const claim = await claims.getReminderClaim(key);
      assert.equal(claim?.holder, 'bot-a');
      assert.equal(claim?.confirmedAt, NINE_05);
    });

    it('lets a holder confirm after its lease ran out if nobody took over, but not a non-holder', async () => {
      assert.equal(await claims.claimReminder(key, 'bot-a', TEN, NINE), true);
      assert.equal(await claims.confirmReminder(key, 'bot-z', NINE_05), false);
      assert.equal(await claims.confirmReminder(key, 'bot-a', TEN_05), true);
      assert.equal(await claims.confirmReminder({ ...key, point: 'other' }, 'bot-a', TEN_05), false);
    });

    it('treats different reminder points, deadlines and cases as different keys', async () => {
      assert.equal(await claims.claimReminder(key, 'bot-a', TEN, NINE), true);
      assert.equal(await claims.claimReminder({ ...key, point: '2026-03-30:due-today' }, 'bot-b', TEN, NINE), true);
      assert.equal(await claims.claimReminder({ ...key, kind: 'acknowledge' }, 'bot-b', TEN, NINE), true);
      assert.equal(await claims.claimReminder({ ...key, caseId: 'case-other' }, 'bot-b', TEN, NINE), true);
      assert.equal(await claims.getReminderClaim({ ...key, stage: 2 }), undefined);
    });

    it('deletes every claim of a case', async () => {
      await claims.claimReminder(key, 'bot-a', TEN, NINE);
      await claims.claimReminder({ ...key, point: 'p2' }, 'bot-a', TEN, NINE);
      await claims.claimReminder({ ...key, caseId: 'case-other' }, 'bot-a', TEN, NINE);
      assert.equal(await claims.deleteRemindersForCase(key.caseId), 2);
      assert.equal(await claims.getReminderClaim(key), undefined);
      assert.ok(await claims.getReminderClaim({ ...key, caseId: 'case-other' }));
    });

    it('rejects instants that would not compare correctly as strings', async () => {
      await assert.rejects(claims.claimReminder(key, 'bot-a', '2026-03-26T10:00:00+01:00', NINE), (err) => isStoreError(err, 'STORE.INVALID_INPUT'));
      await assert.rejects(claims.claimReminder(key, 'bot-a', TEN, '2026-03-26'), (err) => isStoreError(err, 'STORE.INVALID_INPUT'));
    });
  });
}
