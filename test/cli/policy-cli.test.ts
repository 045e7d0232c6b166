import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hos2024 } from '../../src/policies/hos-2024';
import { runCli } from '../support/run-cli';

describe('complaints policy (CLI)', () => {
  it('policy list prints the presets as JSON', () => {
    const { code, stdout } = runCli(['policy', 'list']);
    assert.equal(code, 0);
    const list = JSON.parse(stdout) as Array<{ id: string; nation: string; ombudsman: string; checkedAgainst: string; departuresFromModel: number }>;
    assert.equal(list.length, 9);
    assert.deepEqual(list.find((p) => p.id === 'hos-2024')?.departuresFromModel, 0);
    // Each preset is described against its own nation's model procedure, with its own ombudsman.
    assert.deepEqual(list.filter((p) => p.id.endsWith('-model')).map(({ id, nation, ombudsman, checkedAgainst, departuresFromModel }) => ({ id, nation, ombudsman, checkedAgainst, departuresFromModel })), [
      { id: 'spso-model', nation: 'scotland', ombudsman: 'Scottish Public Services Ombudsman', checkedAgainst: 'the SPSO model complaints handling procedure', departuresFromModel: 0 },
      { id: 'psow-model', nation: 'england-and-wales', ombudsman: 'Public Services Ombudsman for Wales', checkedAgainst: 'the PSOW model concerns and complaints policy', departuresFromModel: 0 },
    ]);
  });

  it('policy check city-of-london names its three stages and its informal stage, exit 1', () => {
    const { code, stdout } = runCli(['policy', 'check', 'city-of-london']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { departures: Array<{ code: string; policy: string }> };
    const byCode = new Map(report.departures.map((d) => [d.code, d.policy]));
    assert.match(byCode.get('CODE.INFORMAL_STAGE') ?? '', /informal stage/);
    assert.match(byCode.get('CODE.TOO_MANY_STAGES') ?? '', /has 3 formal stages/);
  });

  it('policy check hos-2024 passes, exit 0', () => {
    const { code, stdout } = runCli(['policy', 'check', 'hos-2024']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { policy: 'hos-2024', checkedAgainst: 'the Housing Ombudsman\'s Complaint Handling Code 2024', compliesWithModel: true, departures: [] });
  });

  it('policy check spso-model and psow-model describe each against its own model, not the English Code, exit 0', () => {
    for (const [id, model] of [['spso-model', 'the SPSO model complaints handling procedure'], ['psow-model', 'the PSOW model concerns and complaints policy']]) {
      const { code, stdout } = runCli(['policy', 'check', id!]);
      assert.equal(code, 0, stdout);
      assert.deepEqual(JSON.parse(stdout), { policy: id, checkedAgainst: model, compliesWithModel: true, departures: [] });
    }
  });

  it('policy check of a file that extends spso-model names its departures from the SPSO\'s model in its words', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    const file = path.join(dir, 'glenview.json');
    // Stage 1 in 10 working days with no cap on extending it, and complaints only within 3 months.
    writeFileSync(file, JSON.stringify({ extends: 'spso-model', id: 'glenview-ha', timeLimitMonths: 3, stages: { 1: { respond: { workingDays: 10 }, extension: { capWorkingDays: null } } } }));
    const { code, stdout } = runCli(['policy', 'check', file]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { policy: string; checkedAgainst: string; departures: Array<{ code: string; where: string; policy: string; codeRule: string }> };
    assert.equal(report.policy, 'glenview-ha');
    assert.equal(report.checkedAgainst, 'the SPSO model complaints handling procedure');
    assert.deepEqual(report.departures, [
      { code: 'SPSO.TIME_LIMIT_TOO_SHORT', where: 'policy', policy: 'accepts complaints only within 3 months of the issue', codeRule: 'A complaint is normally accepted within six months of the problem, or of the customer finding out about it.' },
      { code: 'SPSO.RESPONSE_TOO_LONG', where: 'stage 1', policy: 'responds within 10 working days of receipt', codeRule: 'Respond within 5 working days of receipt.' },
      { code: 'SPSO.EXTENSION_OVER_CAP', where: 'stage 1', policy: 'sets no limit on extensions', codeRule: 'An extension of at most 5 further working days, only in exceptional circumstances, with the customer told why and the new date.' },
    ]);
    assert.doesNotMatch(stdout, /Housing Ombudsman|CODE\./);
  });

  it('a policy file that extends a preset with a mistake: exit 2, the field named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    const file = path.join(dir, 'bad-extends.json');
    writeFileSync(file, JSON.stringify({ extends: 'psow-model', id: 'cwm-homes', stages: { 2: { acknowledge: { workingDays: -1 } } } }));
    const { code, stderr } = runCli(['policy', 'check', file]);
    assert.equal(code, 2);
    assert.match(stderr, /stages\.1\.acknowledge\.workingDays \(stage 2\): /);
  });

  it('policy check of a landlord\'s own JSON file, and exit 2 with the errors when it is invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    const good = path.join(dir, 'ours.json');
    writeFileSync(good, JSON.stringify({ ...hos2024, id: 'our-policy', timeLimitMonths: 6 }));
    const ok = runCli(['policy', 'check', good]);
    assert.equal(ok.code, 1);
    assert.equal((JSON.parse(ok.stdout) as { departures: Array<{ code: string }> }).departures[0]?.code, 'CODE.TIME_LIMIT_TOO_SHORT');

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...hos2024, nation: 'wales-only', stages: [] }));
    const invalid = runCli(['policy', 'check', bad]);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /nation/);
    assert.match(invalid.stderr, /stages/);
    assert.equal(invalid.stdout, '');
  });

  it('an unknown preset says which presets exist, exit 2', () => {
    const { code, stderr } = runCli(['policy', 'check', 'no-such-policy']);
    assert.equal(code, 2);
    assert.match(stderr, /Presets: hos-2024, city-of-london/);
  });
});

describe('complaints deadlines (CLI)', () => {
  const timeline = {
    events: [
      { type: 'received', on: '2026-12-18' },
      { type: 'acknowledged', on: '2026-12-22' },
      { type: 'extended', on: '2027-01-05', workingDays: 5, reason: 'Awaiting the surveyor' },
      { type: 'paused', on: '2027-01-06', reason: 'Mediation', complainantConsented: true },
      { type: 'resumed', on: '2027-01-08' },      // 7, 8 Jan paused: +2
      { type: 'responded', on: '2027-01-18', outcome: 'partly-upheld' },
      { type: 'escalation-requested', on: '2027-01-20' },
    ],
  };

  it('derives stage, state and every started deadline from the timeline on stdin', () => {
    const { code, stdout, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify(timeline));
    assert.equal(stderr, '');
    assert.equal(code, 0);
    // respond: 8 Jan, +5 extension = 15 Jan, +2 paused = 19 Jan; met 18 Jan.
    assert.deepEqual(JSON.parse(stdout), {
      stage: 2,
      state: 'awaiting-acknowledgement',
      deadlines: [
        { stage: 1, kind: 'acknowledge', due: '2026-12-29', metOn: '2026-12-22' },
        { stage: 1, kind: 'respond', due: '2027-01-19', metOn: '2027-01-18' },
        // Nobody recorded telling the resident of the extension: due 6 Jan, +2 paused = 8 Jan, still running.
        { stage: 1, kind: 'tell-resident', due: '2027-01-08', metOn: null },
        { stage: 2, kind: 'acknowledge', due: '2027-01-27', metOn: null },
      ],
    });
  });

  it('records telling the resident with "resident-told": the reminder to tell them is met', () => {
    const told = { events: [...timeline.events.slice(0, 3), { type: 'resident-told', on: '2027-01-05', about: 'extension', method: 'letter' }] };
    const { code, stdout, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify(told));
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout).deadlines.find((d: { kind: string }) => d.kind === 'tell-resident'), { stage: 1, kind: 'tell-resident', due: '2027-01-06', metOn: '2027-01-05' });
    const nothing = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events: [...timeline.events.slice(0, 2), told.events[3]] }));
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /CASE\.NOTHING_TO_TELL: There is no extension the resident has still to be told of/);
  });

  it('says which event was refused and why, exit 1', () => {
    const input = { events: [...timeline.events.slice(0, 2), { type: 'extended', on: '2027-01-05', workingDays: 12, reason: 'Survey' }] };
    const { code, stdout, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify(input));
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /Event 3 \(extended on 2027-01-05\) refused: CASE\.EXTENSION_OVER_CAP: .*capped at 10 working days/);
  });

  it('under landlord-web-2021 an extension needs "complainantAgreed": refused without it (exit 1), accepted with it', () => {
    // Received Wed 1 Apr 2026: stage 1 responds in 10 working days from receipt: 2, (3-6 Easter), 7-10, 13-17 Apr: due Fri 17 Apr.
    const events = [{ type: 'received', on: '2026-04-01' }, { type: 'extended', on: '2026-04-15', workingDays: 5, reason: 'Awaiting the heating engineer' }];
    const refused = runCli(['deadlines', '--policy', 'landlord-web-2021'], JSON.stringify({ events }));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Event 2 \(extended on 2026-04-15\) refused: CASE\.AGREEMENT_REQUIRED: .*only with the complainant's agreement/);
    const agreed = runCli(['deadlines', '--policy', 'landlord-web-2021'], JSON.stringify({ events: [events[0], { ...events[1], complainantAgreed: true }] }));
    assert.equal(agreed.code, 0, agreed.stderr);
    // +5 working days: 20-24 Apr.
    assert.deepEqual(JSON.parse(agreed.stdout).deadlines.find((d: { kind: string }) => d.kind === 'respond').due, '2026-04-24');
  });

  it('lists a response\'s actions and the Ombudsman\'s requests and orders as deadlines with ids; refuses an unknown one', () => {
    const events = [
      { type: 'received', on: '2026-12-18' }, { type: 'acknowledged', on: '2026-12-22' },
      { type: 'responded', on: '2027-01-05', outcome: 'upheld', actions: [{ id: 'a1', kind: 'repair', description: 'Replace the window', due: '2027-01-04' }] },
      { type: 'action-completed', on: '2027-01-06', actionId: 'a1', evidence: 'Fitted; photo on file' },
      { type: 'ombudsman-referred', on: '2027-02-01', reference: 'HOS-202612345' },
      { type: 'ombudsman-information-requested', on: '2027-02-02', id: 'r1', due: '2027-02-16' },
      { type: 'ombudsman-determined', on: '2027-05-03', findings: [{ finding: 'maladministration' }], orders: [{ id: 'o1', kind: 'apology', description: 'Apologise in writing', due: '2027-05-17' }] },
    ];
    const { code, stdout, stderr } = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events }));
    assert.equal(code, 0, stderr);
    const followUps = JSON.parse(stdout).deadlines.filter((d: { id?: string }) => d.id);
    assert.deepEqual(followUps, [
      { stage: 1, kind: 'action', id: 'a1', due: '2027-01-04', metOn: '2027-01-06' },
      { stage: 1, kind: 'ombudsman-information', id: 'r1', due: '2027-02-16', metOn: null },
      { stage: 1, kind: 'ombudsman-order', id: 'o1', due: '2027-05-17', metOn: null },
    ]);
    const unknown = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events: [...events, { type: 'ombudsman-order-complied', on: '2027-05-10', orderId: 'o2', evidence: 'x' }] }));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Event 8 \(ombudsman-order-complied on 2027-05-10\) refused: CASE\.NO_SUCH_ITEM: There is no order "o2" on this case\./);
  });

  it('rejects malformed input with the field at fault, exit 2', () => {
    const notJson = runCli(['deadlines', '--policy', 'hos-2024'], '{"events": [');
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /not valid JSON/);
    const badDate = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events: [{ type: 'received', on: '18/12/2026' }] }));
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /events\.0\.on: must be a date as YYYY-MM-DD/);
    const unknownType = runCli(['deadlines', '--policy', 'hos-2024'], JSON.stringify({ events: [{ type: 'approved', on: '2026-12-18' }] }));
    assert.equal(unknownType.code, 2);
    assert.match(unknownType.stderr, /events\.0\.type/);
  });

  it('needs --policy, exit 2 with usage', () => {
    const { code, stderr } = runCli(['deadlines'], '{}');
    assert.equal(code, 2);
    assert.match(stderr, /deadlines needs --policy/);
  });
});
