import { strict as assert } from 'node:assert';
import { CASE_COMMANDS, type CaseCommandName, type CommandInputs } from '../../../src/domain/commands/case-commands';
import { decide, type CaseFile, type CommandContext } from '../../../src/domain/commands/command';
import { deriveCase } from '../../../src/domain/case-timeline';
import type { Directory } from '../../../src/domain/directory';
import { DEMO_DIRECTORY } from '../../../src/directory/demo-directory';
import { ACKNOWLEDGED, contextFor, fileOf, person, RECEIVED, RESPONDED } from './command-fixtures';

const ALEX = person('alex.morgan'); // AHM, handles Riverside stage 1
const PRIYA = person('priya.shah'); // AD, Alex's manager
const CASEY = person('casey.quinn'); // Priya's manager
const SAM = person('sam.okafor'); // EM: neither handler nor manager
const MORGAN = person('morgan.lee'); // PIM

/** A valid input for each command, as a card would give it. */
const SAMPLES: { [N in CaseCommandName]: CommandInputs[N] } = {
  acknowledge: { on: '2027-01-06', method: 'letter' },
  'issue-draft': { on: '2027-01-06' },
  'record-comments': { on: '2027-01-06' },
  'record-response': {
    on: '2027-01-06', outcome: 'not-upheld',
    content: { stage: 'Stage', 'complaint-definition': 'd', reasons: 'r', remedy: 'None', 'outstanding-actions': 'None', 'how-to-escalate': 'Ask', 'ombudsman-details': 'HOS' },
    actions: [{ kind: 'repair', description: 'Replace the window', due: '2027-01-20' }],
  },
  'request-extension': { workingDays: 2, reason: 'Surveyor', reasonCategory: 'third-party', complainantAgreed: true },
  'decide-extension': { approve: true, comment: '' },
  'record-resident-told': { about: 'extension', method: 'letter', on: '2027-01-06', note: '' },
  reassign: { officerId: 'taylor.reed', reason: 'Alex is on leave for three weeks' },
  escalate: { on: '2027-01-06', said: '', lateAcceptanceReason: '' },
  'propose-escalation-refusal': { reason: 'Court proceedings' },
  'decide-escalation-refusal': { approve: true, comment: '' },
  pause: { on: '2027-01-06', reason: 'Mediation', complainantConsented: true },
  resume: { on: '2027-01-06' },
  close: { on: '2027-01-06' },
  'add-note': { on: '2027-01-06', channel: 'phone', text: 'Rang the resident' },
  'propose-behaviour': { evidence: 'Abusive voicemails' },
  'decide-behaviour': { decision: 'no-action', reasons: 'One-off', restrictions: '', reviewOn: null },
  withdraw: { on: '2027-01-06', evidence: 'Email of 6 Jan' },
  'complete-action': { actionId: 'a1', on: '2027-01-06', evidence: 'Fitted; photo on file' },
  'redate-action': { actionId: 'a1', due: '2027-01-29', reason: 'The glazier is booked up' },
  'refer-to-ombudsman': { reference: 'HOS-202612345', on: '2027-01-06' },
  'record-ombudsman-request': { due: '2027-01-20', what: 'The complaint file' },
  'send-ombudsman-information': { requestId: 'r1', on: '2027-01-06', what: '' },
  'record-determination': { on: '2027-01-06', findings: [{ finding: 'service-failure' }], orders: [{ kind: 'apology', description: 'Apologise in writing', due: '2027-01-20' }] },
  'comply-with-order': { orderId: 'o1', on: '2027-01-06', evidence: 'Letter of apology sent' },
  'review-adjustments': { on: '2027-01-06', outcome: 'still-needed', adjustments: '', nextReviewOn: '2027-01-20', why: 'Rang the resident: still prefers letters' },
  'split-complaint': { raisedOn: '2027-01-06', channel: 'phone', description: 'The bins are not collected', newCaseId: 'new-case' },
};

const NAMES = Object.keys(CASE_COMMANDS) as CaseCommandName[];
const RESPONDED_WITH_ACTION = [...ACKNOWLEDGED, {
  type: 'responded' as const, on: '2027-01-05', outcome: 'upheld' as const,
  content: { stage: 'Stage 1', 'complaint-definition': 'd', reasons: 'r', remedy: 'A new window', 'outstanding-actions': 'Fit it', 'how-to-escalate': 'Ask' },
  actions: [{ id: 'a1', kind: 'repair' as const, description: 'Replace the window', due: '2027-01-04' }],
}];
const allowedFor = (file: CaseFile, who: typeof ALEX, ctx: CommandContext) =>
  NAMES.filter((name) => CASE_COMMANDS[name].allowed(file, who, ctx) === null);
const run = <N extends CaseCommandName>(name: N, file: CaseFile, who: typeof ALEX, ctx: CommandContext, input: CommandInputs[N] = SAMPLES[name]) =>
  decide(CASE_COMMANDS[name], file, who, input, ctx);

describe('domain commands: who may do what, in which state', () => {
  const ctx = contextFor('hos-2024', '2027-01-06');

  const table: Array<[string, CaseFile, typeof ALEX, CaseCommandName[]]> = [
    ['the handler, awaiting acknowledgement', fileOf(ctx, RECEIVED), ALEX, ['acknowledge', 'pause', 'add-note', 'propose-behaviour', 'withdraw']],
    ['the handler, investigating', fileOf(ctx, ACKNOWLEDGED), ALEX, ['record-response', 'request-extension', 'pause', 'add-note', 'propose-behaviour', 'withdraw']],
    ['the handler\'s manager, investigating', fileOf(ctx, ACKNOWLEDGED), PRIYA, ['reassign', 'add-note']],
    ['someone else in the directory', fileOf(ctx, ACKNOWLEDGED), SAM, ['add-note']],
    ['the handler, responded', fileOf(ctx, RESPONDED), ALEX, ['escalate', 'propose-escalation-refusal', 'close', 'add-note', 'propose-behaviour', 'withdraw']],
    ['the manager, responded', fileOf(ctx, RESPONDED), PRIYA, ['reassign', 'escalate', 'add-note']],
    ['the PIM, responded', fileOf(ctx, RESPONDED), MORGAN, ['reassign', 'escalate', 'add-note']],
    ['the handler, while a refusal to escalate waits for the manager', fileOf(ctx, [...RESPONDED, { type: 'escalation-refusal-proposed', on: '2027-01-06', why: 'Court' }]), ALEX,
      ['close', 'add-note', 'propose-behaviour', 'withdraw']],
    ['the manager, while a refusal to escalate waits', fileOf(ctx, [...RESPONDED, { type: 'escalation-refusal-proposed', on: '2027-01-06', why: 'Court' }]), PRIYA,
      ['reassign', 'decide-escalation-refusal', 'add-note']],
  ];
  for (const [name, file, who, expected] of table) {
    it(`${name}: ${expected.join(', ')}`, () => assert.deepEqual(allowedFor(file, who, ctx), expected));
  }

  it('an action is offered exactly when it would succeed: every allowed command decides with a valid input, every other is refused', () => {
    const files = [RECEIVED, ACKNOWLEDGED, RESPONDED,
      [...ACKNOWLEDGED, { type: 'extension-requested' as const, on: '2027-01-05', workingDays: 3, reason: 'Surveyor', by: 'alex.morgan' }],
      [...ACKNOWLEDGED, { type: 'paused' as const, on: '2027-01-05', reason: 'Mediation', complainantConsented: true }],
      [...RESPONDED, { type: 'escalation-refusal-proposed' as const, on: '2027-01-06', why: 'Court' }],
      [...ACKNOWLEDGED, { type: 'behaviour-proposed' as const, on: '2027-01-06', why: 'Abuse' }],
      [...ACKNOWLEDGED, { type: 'extended' as const, on: '2027-01-05', workingDays: 3, reason: 'Surveyor' }],
      // Adjustments kept under review: open, paused and closed.
      [...RECEIVED, { type: 'adjustments-recorded' as const, on: '2026-12-21', reviewOn: '2027-01-07' }, ...ACKNOWLEDGED.slice(2)],
      [...RECEIVED, { type: 'adjustments-recorded' as const, on: '2026-12-21', reviewOn: '2027-01-07' }, ...ACKNOWLEDGED.slice(2), { type: 'paused' as const, on: '2027-01-05', reason: 'Mediation', complainantConsented: true }],
      [...RECEIVED, { type: 'adjustments-recorded' as const, on: '2026-12-21', reviewOn: '2027-01-07' }, ...RESPONDED.slice(2), { type: 'closed' as const, on: '2027-01-06' }],
      // After the response: an action to do, and the Ombudsman stage with a request and an order.
      [...RESPONDED_WITH_ACTION],
      [...RESPONDED_WITH_ACTION, { type: 'ombudsman-referred' as const, on: '2027-01-06', reference: 'HOS-1' },
        { type: 'ombudsman-information-requested' as const, on: '2027-01-06', requestId: 'r1', due: '2027-01-20' }],
      [...RESPONDED_WITH_ACTION, { type: 'ombudsman-referred' as const, on: '2027-01-06', reference: 'HOS-1' },
        { type: 'ombudsman-determined' as const, on: '2027-01-06', findings: [{ finding: 'maladministration' as const }], orders: [{ id: 'o1', kind: 'apology' as const, description: 'Apologise', due: '2027-01-20' }] }],
    ].map((events) => fileOf(ctx, events));
    let checked = 0;
    for (const file of files) {
      for (const who of [ALEX, PRIYA, CASEY, SAM, MORGAN]) {
        for (const name of NAMES) {
          const allowed = CASE_COMMANDS[name].allowed(file, who, ctx) === null;
          const decided = run(name, file, who, ctx);
          assert.equal(decided.ok, allowed, `${name} by ${who.id} on a case ${file.view.state}: allowed ${String(allowed)} but decided ${decided.ok ? 'ok' : decided.message}`);
          checked += 1;
        }
      }
    }
    assert.equal(checked, files.length * 5 * NAMES.length);
  });

  it('the handler cannot approve their own extension; a manager up the chain can', () => {
    const file = fileOf(ctx, [...ACKNOWLEDGED, { type: 'extension-requested', on: '2027-01-05', workingDays: 3, reason: 'Surveyor', by: 'alex.morgan' }]);
    const own = run('decide-extension', file, ALEX, ctx);
    assert.ok(!own.ok && own.code === 'CASE.NOT_PERMITTED' && /never the person who asked/.test(own.message));
    const approved = run('decide-extension', file, CASEY, ctx);
    assert.ok(approved.ok);
    assert.deepEqual(approved.events.map((e) => e.type), ['extended']);
    // Response due Fri 8 Jan 2027 (10 working days from Tue 22 Dec, less 25 and 28 Dec and 1 Jan); +3: 11, 12, 13 Jan.
    assert.match(approved.events[0]!.why ?? '', /Approved by Casey Quinn\. .*new date \(Wed 13 Jan 2027\)/);
  });
});

describe('domain commands: rules that used to live at the edge', () => {
  it('a pause needs the complainant\'s consent where the policy says so (the Code)', () => {
    const ctx = contextFor('hos-2024', '2027-01-06');
    const file = fileOf(ctx, ACKNOWLEDGED);
    const refused = run('pause', file, ALEX, ctx, { on: '2027-01-06', reason: 'Mediation', complainantConsented: false });
    assert.ok(!refused.ok);
    assert.deepEqual([refused.code, refused.field], ['CASE.CONSENT_REQUIRED', 'complainantConsented']);
    assert.ok(run('pause', file, ALEX, ctx, { on: '2027-01-06', reason: 'Mediation', complainantConsented: true }).ok);
  });

  it('under landlord-web-2021 an extension needs the complainant\'s agreement, asked for and carried to the approval', () => {
    const ctx = contextFor('landlord-web-2021', '2027-01-06');
    const file = fileOf(ctx, RECEIVED); // stage 1 responds from receipt: the clock runs already
    const refused = run('request-extension', file, ALEX, ctx, { workingDays: 5, reason: 'Surveyor', reasonCategory: 'third-party', complainantAgreed: false });
    assert.ok(!refused.ok);
    assert.deepEqual([refused.code, refused.field], ['CASE.AGREEMENT_REQUIRED', 'complainantAgreed']);
    assert.match(refused.message, /only with the complainant's agreement/);
    const asked = run('request-extension', file, ALEX, ctx, { workingDays: 5, reason: 'Surveyor', reasonCategory: 'third-party', complainantAgreed: true });
    assert.ok(asked.ok);
    const pending = fileOf(ctx, [...RECEIVED, ...asked.events.map((e) => ({ ...e, by: 'alex.morgan' }))]);
    const approved = run('decide-extension', pending, PRIYA, ctx);
    assert.ok(approved.ok);
    assert.equal(approved.events[0]!.type === 'extended' && approved.events[0]!.complainantAgreed, true);
  });

  it('an escalation goes to the next stage\'s handler, and never back to the stage 1 handler', () => {
    const ctx = contextFor('hos-2024', '2027-01-06');
    const escalated = run('escalate', fileOf(ctx, RESPONDED), ALEX, ctx);
    assert.ok(escalated.ok);
    assert.deepEqual(escalated.events.map((e) => [e.type, e.type === 'assigned' ? e.officerId : '']), [['escalation-requested', ''], ['assigned', 'priya.shah']]);

    // A directory where Alex also holds the stage 2 role: the routing rules would pick Alex again.
    const both: Directory = { ...DEMO_DIRECTORY, people: DEMO_DIRECTORY.people.map((p) => (p.id === 'alex.morgan' ? { ...p, roles: ['AD', ...p.roles] } : p)) };
    const ctxBoth: CommandContext = { ...ctx, directory: both };
    const rerouted = run('escalate', fileOf(ctxBoth, RESPONDED), person('alex.morgan', both), ctxBoth);
    assert.ok(rerouted.ok);
    const assigned = rerouted.events.find((e) => e.type === 'assigned');
    assert.equal(assigned?.type === 'assigned' && assigned.officerId, 'priya.shah');
    assert.match(assigned?.why ?? '', /must not be handled by the stage 1 handler/);
  });

  it('the timeline itself refuses the stage 1 handler at stage 2, and an escalation leaves nobody in charge until assigned', () => {
    const ctx = contextFor('hos-2024', '2027-01-06');
    const escalated = deriveCase([...RESPONDED, { type: 'escalation-requested', on: '2027-01-06' }], ctx);
    assert.ok(escalated.ok);
    assert.equal(escalated.view.assignedTo, null);
    const back = deriveCase([...RESPONDED, { type: 'escalation-requested', on: '2027-01-06' }, { type: 'assigned', on: '2027-01-06', officerId: 'alex.morgan' }], ctx);
    assert.ok(!back.ok);
    assert.equal(back.code, 'CASE.PREVIOUS_STAGE_HANDLER');
    assert.match(back.message, /someone other than the stage 1 handler/);
  });

  it('a manager reassigns with a reason; never to someone who handled an earlier stage', () => {
    const ctx = contextFor('hos-2024', '2027-01-06');
    const moved = run('reassign', fileOf(ctx, ACKNOWLEDGED), PRIYA, ctx, { officerId: 'taylor.reed', reason: 'Alex is on leave' });
    assert.ok(moved.ok);
    assert.deepEqual(moved.events.map((e) => [e.type, e.type === 'assigned' && e.officerId, e.why]), [['assigned', 'taylor.reed', 'Taylor Reed, reassigned by Priya Shah: Alex is on leave']]);
    const noReason = run('reassign', fileOf(ctx, ACKNOWLEDGED), PRIYA, ctx, { officerId: 'taylor.reed', reason: ' ' });
    assert.ok(!noReason.ok && noReason.field === 'reason');
    const stage2 = [...RESPONDED, { type: 'escalation-requested' as const, on: '2027-01-06' }, { type: 'assigned' as const, on: '2027-01-06', officerId: 'priya.shah' }];
    const back = run('reassign', fileOf(ctx, stage2), CASEY, ctx, { officerId: 'alex.morgan', reason: 'Priya is away' });
    assert.ok(!back.ok);
    assert.equal(back.code, 'CASE.PREVIOUS_STAGE_HANDLER');
  });

  it('restrictions for unacceptable behaviour must say what they are', () => {
    const ctx = contextFor('hos-2024', '2027-01-06');
    const file = fileOf(ctx, [...ACKNOWLEDGED, { type: 'behaviour-proposed', on: '2027-01-06', why: 'Abuse' }]);
    const empty = run('decide-behaviour', file, PRIYA, ctx, { decision: 'restrict', reasons: 'Abuse', restrictions: ' ', reviewOn: null });
    assert.ok(!empty.ok);
    assert.deepEqual([empty.field, empty.message], ['restrictions', 'Say what the restrictions are.']);
  });
});
