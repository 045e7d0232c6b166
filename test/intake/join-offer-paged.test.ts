import assert from 'node:assert/strict';
import type { CalendarDate } from '../../src/domain/calendar-date';
import { findPerson } from '../../src/domain/directory';
import type { Policy } from '../../src/domain/policy';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { findJoinOffer } from '../../src/intake/join-offer';
import { findPreset } from '../../src/policies/preset-registry';
import { demoCases, testCaseContext } from '../reports/demo-store';
import { sqliteFactory, type StoreFixture } from '../support/store-fixtures';

const TODAY: CalendarDate = '2026-11-29';
const EMAIL = 'quinn.ashdown@example.org';
const RESIDENT = { complainantName: 'Quinn Ashdown', contactEmail: EMAIL, contactPhone: '', address: '' };
const NOBODY = { complainantName: 'Nobody Atall', contactEmail: 'nobody@example.invalid', contactPhone: '', address: '' };

// Intake's join offer reads the open cases a page at a time and stops at the first match: over
// many pages it must offer the same case as one page does, the resident's first received that
// is at stage 1 and open to a new matter, passing over their earlier stage 2 case.
describe('the join offer read a page at a time', function () {
  this.timeout(120_000);
  const policy = findPreset('hos-2024') as Policy;
  const ctx = testCaseContext(policy, TODAY);
  const morgan = findPerson(DEMO_DIRECTORY, 'morgan.lee');
  let fixture: StoreFixture;
  let expected: { stage2: string; first: string };

  before(async () => {
    fixture = await sqliteFactory();
    const cases = demoCases(policy, 300, 7, TODAY);
    const byReceived = (states: string[], stage: number) => cases
      .filter((c) => c.closedOn === null && c.stage === stage && states.includes(c.state) && c.receivedOn !== null)
      .sort((a, b) => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? ''));
    // The resident's: an open stage 2 case (responded, so open to escalation) received before two
    // open stage 1 cases.
    const stageOne = byReceived(['awaiting-acknowledgement', 'investigating'], 1).slice(-2);
    const stageTwo = byReceived(['responded'], 2).find((c) => (c.receivedOn ?? '') < (stageOne[0]?.receivedOn ?? ''));
    assert.ok(stageTwo && stageOne.length === 2);
    for (const c of [stageTwo, ...stageOne]) c.details.complainant.contactEmail = EMAIL;
    const created = await fixture.stores.cases.createCases(cases);
    const referenceOf = (c: typeof stageTwo) => created[cases.indexOf(c)]?.reference ?? '';
    expected = { stage2: referenceOf(stageTwo), first: referenceOf(stageOne[0] as typeof stageTwo) };
  });
  after(async () => { await fixture?.cleanup(); });

  it('offers the resident\'s first stage 1 case received, whatever the page size, and nothing to a resident with no open case', async () => {
    assert.ok(morgan);
    const open = await fixture.stores.cases.openCases();
    assert.ok(open.length > 40, `${open.length} open cases: many pages of 2`);
    const whole = await findJoinOffer(morgan, RESIDENT, fixture.stores.cases, ctx);
    assert.equal(whole?.reference, expected.first, `not the earlier stage 2 case ${expected.stage2}`);
    assert.equal(whole?.stage, 1);
    assert.deepEqual(whole?.reasons, ['email']);
    for (const pageSize of [1, 2, 3, 500]) {
      assert.deepEqual(await findJoinOffer(morgan, RESIDENT, fixture.stores.cases, ctx, { pageSize }), whole, `page size ${pageSize}`);
      assert.equal(await findJoinOffer(morgan, NOBODY, fixture.stores.cases, ctx, { pageSize }), null, `page size ${pageSize}`);
    }
  });
});
