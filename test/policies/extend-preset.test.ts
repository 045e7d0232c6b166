import { strict as assert } from 'node:assert';
import { policyFromData } from '../../src/policies/load-policy';
import { hos2024 } from '../../src/policies/hos-2024';

/** What a landlord writes in its own policy file, as JSON would give it. */
const file = (data: object): unknown => JSON.parse(JSON.stringify(data));

describe('a landlord\'s policy file that extends a preset', () => {
  it('keeps everything of spso-model it does not change, and changes what it names', () => {
    const result = policyFromData(file({
      extends: 'spso-model', id: 'glenview-ha', name: 'Glenview Housing Association complaints procedure',
      closureDays: ['2026-12-24'],
      stages: { 2: { handlerRole: 'HOH' } },
      ombudsman: { contact: { email: 'ask@example.invalid' } },
    }));
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    const p = result.policy;
    assert.equal(p.id, 'glenview-ha');
    assert.equal(p.nation, 'scotland');
    assert.equal(p.modelProcedure, 'spso-mchp');
    assert.deepEqual(p.closureDays, ['2026-12-24']);
    // Stage 2's handler changes; its windows, and all of stage 1, are the preset's.
    assert.equal(p.stages[1]?.handlerRole, 'HOH');
    assert.deepEqual(p.stages[1]?.acknowledge, { workingDays: 3, from: 'receipt' });
    assert.deepEqual(p.stages[1]?.respond, { workingDays: 20, from: 'receipt' });
    assert.equal(p.stages[0]?.handlerRole, 'AHM');
    assert.deepEqual(p.stages[0]?.respond, { workingDays: 5, from: 'receipt' });
    // Only the email is added to the SPSO's details.
    assert.equal(p.ombudsman.name, 'Scottish Public Services Ombudsman');
    assert.equal(p.ombudsman.contact.phone, 'Freephone 0800 377 7330');
    assert.equal(p.ombudsman.contact.email, 'ask@example.invalid');
  });

  it('can set a value to null (no cap on stage 1 extensions)', () => {
    const result = policyFromData(file({ extends: 'spso-model', id: 'no-cap-ha', stages: { 1: { extension: { capWorkingDays: null } } } }));
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.equal(result.policy.stages[0]?.extension.capWorkingDays, null);
    assert.equal(result.policy.stages[0]?.extension.needsComplainantAgreement, false);
  });

  it('is validated like any policy: each error names its field', () => {
    const result = policyFromData(file({
      extends: 'psow-model', id: 'cwm-homes',
      timeLimitMonths: 0,
      stages: { 2: { respond: { workingDays: 'twenty' } } },
      ombudsman: { contact: { phone: '' } },
      colour: 'red',
    }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    assert.match(text, /^timeLimitMonths: /m);
    assert.match(text, /^stages\.1\.respond\.workingDays \(stage 2\): /m);
    assert.match(text, /^ombudsman\.contact\.phone: /m);
    assert.match(text, /colour/);
  });

  it('names a stage the preset does not have', () => {
    const result = policyFromData(file({ extends: 'spso-model', id: 'three-stage-ha', stages: { 3: { handlerRole: 'CEO' } } }));
    assert.deepEqual(result, { ok: false, errors: ['stages.3: the preset has 2 stages, numbered 1 to 2'] });
  });

  it('needs its own id, so its cases are not recorded as the preset\'s', () => {
    for (const data of [{ extends: 'spso-model' }, { extends: 'spso-model', id: 'spso-model' }]) {
      const result = policyFromData(file(data));
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.errors.join('\n'), /^id: a policy that extends "spso-model" needs its own id/m);
    }
  });

  it('refuses a move to another nation that keeps the preset\'s ombudsman', () => {
    const result = policyFromData(file({ extends: 'hos-2024', id: 'border-homes', nation: 'scotland' }));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.errors.join('\n'), /^ombudsman: the policy moves "hos-2024" from england-and-wales to "scotland"; name that nation's ombudsman too/m);
  });

  it('names the presets when the one it extends does not exist', () => {
    const result = policyFromData(file({ extends: 'spso', id: 'x-ha' }));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.errors[0] ?? '', /^extends: no policy preset "spso"\. Presets: hos-2024, .*spso-model, psow-model\.$/);
  });
});

describe('a landlord\'s whole policy file written before the ombudsman was part of a policy', () => {
  // The preset as a file written before: everything but the two new fields.
  const older: Record<string, unknown> = { ...hos2024 };
  delete older.modelProcedure;
  delete older.ombudsman;

  it('in England and Wales gets the Housing Ombudsman and the Code, as before', () => {
    const result = policyFromData(file({ ...older, id: 'our-policy' }));
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.equal(result.policy.ombudsman.name, 'Housing Ombudsman');
    assert.equal(result.policy.modelProcedure, 'hos-code-2024');
  });

  it('in Scotland gets the SPSO and its model procedure', () => {
    const result = policyFromData(file({ ...older, id: 'our-policy', nation: 'scotland' }));
    assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
    assert.equal(result.policy.ombudsman.name, 'Scottish Public Services Ombudsman');
    assert.equal(result.policy.modelProcedure, 'spso-mchp');
  });

  it('in Northern Ireland must name its ombudsman and model: there is no default', () => {
    const result = policyFromData(file({ ...older, id: 'our-policy', nation: 'northern-ireland' }));
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.errors.map((e) => e.split(':')[0]), ['modelProcedure', 'ombudsman']);
  });
});
