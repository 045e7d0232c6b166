import { strict as assert } from 'node:assert';
import { parsePolicy } from '../../src/domain/policy';
import { checkPolicy } from '../../src/domain/policy-checker';
import { listPresets, findPreset } from '../../src/policies/preset-registry';
import { hos2024 } from '../../src/policies/hos-2024';

describe('policy presets', () => {
  it('ships one preset per source document, the Code first as the default', () => {
    assert.deepEqual(listPresets().map((p) => p.id), [
      'hos-2024', 'city-of-london', 'landlord-web-2021', 'herefordshire-2021', 'briefing-interim-2024', 'briefing-new-2024', 'council-draft-response',
      'spso-model', 'psow-model',
    ]);
  });

  it('every preset names its source document', () => {
    for (const p of listPresets()) assert.ok(p.source.length > 20, p.id);
  });

  const expectedDepartures: Record<string, string[]> = {
    'hos-2024': [],
    'city-of-london': [
      'CODE.INFORMAL_STAGE', 'CODE.TOO_MANY_STAGES', 'CODE.TIME_LIMIT_TOO_SHORT',
      'stage 1 CODE.EXTENSION_OVER_CAP', 'stage 1 CODE.RESPONSE_CONTENTS',
      'stage 2 CODE.NO_ACKNOWLEDGEMENT', 'stage 2 CODE.EXTENSION_OVER_CAP', 'stage 2 CODE.RESPONSE_CONTENTS',
      'stage 3 CODE.NO_ACKNOWLEDGEMENT', 'stage 3 CODE.EXTENSION_OVER_CAP', 'stage 3 CODE.RESPONSE_CONTENTS',
    ],
    'landlord-web-2021': ['CODE.INFORMAL_STAGE', 'stage 1 CODE.NO_ACKNOWLEDGEMENT', 'stage 1 CODE.RESPONSE_CONTENTS', 'stage 2 CODE.NO_ACKNOWLEDGEMENT', 'stage 2 CODE.RESPONSE_CONTENTS'],
    'herefordshire-2021': ['stage 1 CODE.ESCALATION_REASON', 'stage 1 CODE.RESPONSE_CONTENTS', 'stage 2 CODE.NO_ACKNOWLEDGEMENT', 'stage 2 CODE.RESPONSE_CONTENTS'],
    'briefing-interim-2024': ['stage 1 CODE.NO_ACKNOWLEDGEMENT', 'stage 2 CODE.NO_ACKNOWLEDGEMENT'],
    'briefing-new-2024': [],
    'council-draft-response': ['stage 1 CODE.RESPONSE_CONTENTS', 'stage 2 CODE.RESPONSE_CONTENTS'],
    // Each model preset is checked against its own model, which it follows.
    'spso-model': [],
    'psow-model': [],
  };
  for (const [id, expected] of Object.entries(expectedDepartures)) {
    it(`${id}: the checker lists ${expected.length ? expected.length + ' departures from' : 'no departure from'} ${id.endsWith('-model') ? 'its own model procedure' : 'the Code'}`, () => {
      const policy = findPreset(id);
      assert.ok(policy);
      const got = checkPolicy(policy).map((d) => (d.where.startsWith('stage') ? `${d.where} ${d.code}` : d.code));
      assert.deepEqual(got, expected);
    });
  }

  it('the Scottish and Welsh presets name their nation, ombudsman and model, and say where the model was read between the lines', () => {
    const spso = findPreset('spso-model')!;
    const psow = findPreset('psow-model')!;
    assert.deepEqual([spso.nation, spso.modelProcedure, spso.ombudsman.name], ['scotland', 'spso-mchp', 'Scottish Public Services Ombudsman']);
    assert.deepEqual([psow.nation, psow.modelProcedure, psow.ombudsman.name], ['england-and-wales', 'psow-model', 'Public Services Ombudsman for Wales']);
    for (const p of [spso, psow]) assert.ok(p.notes.some((n) => n.startsWith('Read between the lines')), p.id);
  });

  it('checks a policy against the model it names: the SPSO preset read against the English Code departs from it', () => {
    const asIfEnglish = { ...findPreset('spso-model')!, modelProcedure: 'hos-code-2024' as const };
    const got = checkPolicy(asIfEnglish).map((d) => (d.where.startsWith('stage') ? `${d.where} ${d.code}` : d.code));
    // The Code wants 12 months, an acknowledgement at stage 1, the Code's response contents, a cap at stage 2.
    assert.deepEqual(got, [
      'CODE.TIME_LIMIT_TOO_SHORT', 'stage 1 CODE.NO_ACKNOWLEDGEMENT', 'stage 1 CODE.RESPONSE_CONTENTS',
      'stage 2 CODE.EXTENSION_OVER_CAP', 'stage 2 CODE.RESPONSE_CONTENTS',
    ]);
  });

  it('names the missing response contents and the Code\'s rule', () => {
    const council = checkPolicy(findPreset('council-draft-response')!);
    assert.match(council[0]!.policy, /does not require stage, complaint-definition in every response/);
    assert.match(council[0]!.codeRule, /complaint definition/);
  });

  it('flags a response window longer than the Code\'s, counted from acknowledgement or from receipt', () => {
    const fromAck = structuredClone(hos2024);
    fromAck.stages[0]!.respond = { workingDays: 11, from: 'acknowledgement' };
    assert.deepEqual(checkPolicy(fromAck).map((d) => d.code), ['CODE.RESPONSE_TOO_LONG']);
    const fromReceipt = structuredClone(hos2024);
    fromReceipt.stages[0]!.respond = { workingDays: 15, from: 'receipt' }; // 5 + 10: the Code's worst case
    assert.deepEqual(checkPolicy(fromReceipt), []);
    fromReceipt.stages[0]!.respond = { workingDays: 16, from: 'receipt' };
    assert.deepEqual(checkPolicy(fromReceipt).map((d) => d.code), ['CODE.RESPONSE_TOO_LONG']);
  });

  it('flags a stage 2 handled by the stage 1 role, and a long acknowledgement', () => {
    const policy = structuredClone(hos2024);
    policy.stages[1]!.handlerRole = 'AHM';
    policy.stages[0]!.acknowledge = { workingDays: 6, from: 'receipt' };
    assert.deepEqual(checkPolicy(policy).map((d) => `${d.where} ${d.code}`), ['stage 1 CODE.ACKNOWLEDGEMENT_TOO_LONG', 'stage 2 CODE.SAME_HANDLER']);
  });
});

describe('policy validation', () => {
  it('accepts every preset as data (JSON round trip)', () => {
    for (const p of listPresets()) assert.equal(parsePolicy(JSON.parse(JSON.stringify(p))).ok, true, p.id);
  });

  it('explains each problem with the path to it', () => {
    const bad = structuredClone(hos2024) as unknown as Record<string, unknown> & { stages: Array<Record<string, unknown>> };
    bad.closureDays = ['2026-12-32'];
    bad.stages[0]!.acknowledge = null;       // respond counts from acknowledgement: now impossible
    bad.stages[1]!.number = 3;
    delete bad.nation;
    const result = parsePolicy(bad);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const text = result.errors.join('\n');
    assert.match(text, /nation/);
    assert.match(text, /closureDays\.0: must be a date as YYYY-MM-DD/);
  });

  it('refuses a response counted from an acknowledgement the stage does not have', () => {
    const bad = structuredClone(hos2024);
    bad.stages[0]!.acknowledge = null;
    const result = parsePolicy(bad);
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.errors, ['stages.0.respond.from (stage 1): the response counts from acknowledgement, but the stage has no acknowledge window']);
  });

  it('refuses stages numbered out of order', () => {
    const bad = structuredClone(hos2024);
    bad.stages[1]!.number = 3;
    const result = parsePolicy(bad);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.errors.join('\n'), /stages must be numbered 1, 2, 3/);
  });
});
