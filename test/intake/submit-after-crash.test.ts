import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseContext } from '../../src/cases/case-context';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { caseIdForIntake, IntakeFlow, SUBMIT_CLAIM_MS } from '../../src/intake/intake-flow';
import { findPreset } from '../../src/policies/preset-registry';
import type { CaseStore } from '../../src/store/case-store.port';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { COMPLAINANT, COMPLAINT } from '../support/test-app';

const ALEX = DEMO_DIRECTORY.people.find((p) => p.id === 'alex.morgan')!;

// Issue 18: a bot killed mid-submit left the form "submitting" with no case, and every later
// Submit said "Already being submitted": the complaint could never be logged. Now the case's id
// comes from the form's, and a claim older than a minute is taken over, so every form ends as
// exactly one case. The crash is played by a store that dies before or after writing the case.
describe('a submit cut short by a crash', function () {
  this.timeout(30_000);
  let stores: Stores;
  let now = new Date('2026-11-23T10:00:00Z');
  const policy = findPreset('hos-2024')!;
  const ctx: CaseContext = { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, now: () => now, newId: randomUUID };

  beforeEach(async () => {
    stores = await createStores({ kind: 'sqlite', dataDir: mkdtempSync(path.join(tmpdir(), 'intake-crash-')) });
    now = new Date('2026-11-23T10:00:00Z');
  });
  afterEach(async () => { await stores.close(); });

  /** A form filled in up to review, as the cards would leave it. */
  async function filledForm(flow: IntakeFlow): Promise<string> {
    const started = await flow.start(ALEX);
    const intakeId = started.kind === 'step' ? started.draft.intakeId : '';
    await flow.next(ALEX, intakeId, 'complainant', { ...COMPLAINANT, tenure: 'social-or-affordable-rent' });
    await flow.next(ALEX, intakeId, 'complaint', COMPLAINT);
    return intakeId;
  }

  /** The case store, dying at the moment given: before the case is written, or after it is written but before anyone hears. */
  function dying(when: 'before-write' | 'after-write'): CaseStore {
    return Object.assign(Object.create(stores.cases) as CaseStore, {
      async createCaseOnce(id: string, input: Parameters<CaseStore['createCaseOnce']>[1]) {
        if (when === 'after-write') await stores.cases.createCaseOnce(id, input);
        throw new Error('SIGKILL');
      },
    });
  }

  for (const when of ['before-write', 'after-write'] as const) {
    it(`dying ${when === 'before-write' ? 'before the case is written' : 'after the case is written, before the form is marked'}: Submit waits a minute, then logs exactly one case`, async () => {
      const crashed = new IntakeFlow({ drafts: stores.keyValue, cases: dying(when), ctx });
      const intakeId = await filledForm(crashed);
      await assert.rejects(crashed.submit(ALEX, intakeId, 'review'), /SIGKILL/);

      const flow = new IntakeFlow({ drafts: stores.keyValue, cases: stores.cases, ctx });
      const soon = await flow.submit(ALEX, intakeId, 'review');
      assert.equal(soon.kind, 'notice');
      assert.match(soon.kind === 'notice' ? soon.text : '', /Press Submit again in a minute/);

      now = new Date(now.getTime() + SUBMIT_CLAIM_MS + 1000);
      const later = await flow.submit(ALEX, intakeId, 'review');
      assert.equal(later.kind, 'submitted');
      assert.equal(later.kind === 'submitted' ? later.record.id : '', caseIdForIntake(intakeId));
      const again = await flow.submit(ALEX, intakeId, 'review');
      assert.ok(again.kind === 'submitted' && again.repeated, 'a further click shows the same case');
      const logged = (await stores.cases.openCasesByOfficer('alex.morgan')).filter((r) => r.details.intakeId === intakeId);
      assert.equal(logged.length, 1, 'exactly one case');
      assert.equal(logged[0]!.details.complaint.description, COMPLAINT.description);
    });
  }

  it('two forms never share a case id, and the same form always gets the same one', () => {
    const a = randomUUID();
    assert.equal(caseIdForIntake(a), caseIdForIntake(a));
    assert.notEqual(caseIdForIntake(a), caseIdForIntake(randomUUID()));
    assert.match(caseIdForIntake(a), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

// Issue 18: a form holds a resident's name, address and vulnerabilities; once it is submitted
// (the case holds them) or cancelled, the form keeps none of them.
describe('a finished form keeps no personal data', function () {
  this.timeout(30_000);
  const policy = findPreset('hos-2024')!;
  const ctx: CaseContext = { policy, calendar: calendarForPolicy(policy), directory: DEMO_DIRECTORY, now: () => new Date('2026-11-23T10:00:00Z'), newId: randomUUID };

  for (const end of ['submit', 'cancel'] as const) {
    it(`after ${end}, the stored form holds none of what was typed`, async () => {
      const stores = await createStores({ kind: 'sqlite', dataDir: mkdtempSync(path.join(tmpdir(), 'intake-end-')) });
      try {
        const flow = new IntakeFlow({ drafts: stores.keyValue, cases: stores.cases, ctx });
        const started = await flow.start(ALEX);
        const intakeId = started.kind === 'step' ? started.draft.intakeId : '';
        await flow.next(ALEX, intakeId, 'complainant', { ...COMPLAINANT, tenure: 'social-or-affordable-rent' });
        await flow.next(ALEX, intakeId, 'complaint', COMPLAINT);
        const outcome = end === 'submit' ? await flow.submit(ALEX, intakeId, 'review') : await flow.cancel(ALEX, intakeId);
        assert.equal(outcome.kind, end === 'submit' ? 'submitted' : 'notice');
        const stored = JSON.stringify((await stores.keyValue.get(`intake/${intakeId}`))?.value);
        for (const typed of [COMPLAINANT.complainantName, COMPLAINANT.address, COMPLAINANT.vulnerabilities, COMPLAINT.description]) {
          assert.ok(!stored.includes(typed), `the form still holds "${typed}"`);
        }
        if (end === 'submit') {
          const again = await flow.submit(ALEX, intakeId, 'review');
          assert.ok(again.kind === 'submitted' && again.repeated, 'a later click is still shown the case');
        }
      } finally {
        await stores.close();
      }
    });
  }
});
