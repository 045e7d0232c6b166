import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { missingContents, requiredContents } from '../../src/domain/response-contents';
import { findPreset } from '../../src/policies/preset-registry';
import { derive, rows } from '../support/timeline';

const base: CaseEvent[] = [
  { type: 'received', on: '2026-12-18' },
  { type: 'assigned', on: '2026-12-18', officerId: 'alex.morgan' },
  { type: 'acknowledged', on: '2026-12-22' }, // respond due 8 Jan 2027
];

describe('workflow events', () => {
  it('an assignment names who is responsible now', () => {
    const result = derive('hos-2024', [...base, { type: 'assigned', on: '2026-12-23', officerId: 'priya.shah', why: 'Alex on leave' }]);
    assert.ok(result.ok);
    assert.equal(result.view.assignedTo, 'priya.shah');
  });

  it('an extension request changes nothing until the manager approves it; approval moves the deadline', () => {
    const requested: CaseEvent[] = [...base, { type: 'extension-requested', on: '2027-01-05', workingDays: 5, reason: 'Waiting for the surveyor', by: 'alex.morgan' }];
    const pending = derive('hos-2024', requested);
    assert.deepEqual(rows(pending).at(-1), [1, 'respond', '2027-01-08', null]);
    assert.ok(pending.ok);
    assert.deepEqual(pending.view.pendingExtension, {
      workingDays: 5, reason: 'Waiting for the surveyor', reasonCategory: null, complainantAgreed: false, requestedBy: 'alex.morgan', on: '2027-01-05',
    });

    const approved = derive('hos-2024', [...requested, { type: 'extended', on: '2027-01-06', workingDays: 5, reason: 'Waiting for the surveyor', by: 'priya.shah' }]);
    assert.deepEqual(rows(approved).filter(([, kind]) => kind === 'respond'), [[1, 'respond', '2027-01-15', null]]);
    assert.ok(approved.ok);
    assert.equal(approved.view.pendingExtension, null);
  });

  it('a rejected request leaves the deadline where it was and allows a new request', () => {
    const result = derive('hos-2024', [...base,
      { type: 'extension-requested', on: '2027-01-05', workingDays: 5, reason: 'Surveyor' },
      { type: 'extension-rejected', on: '2027-01-05', why: 'Send the response with what we know' },
      { type: 'extension-requested', on: '2027-01-06', workingDays: 2, reason: 'Resident away until Monday', reasonCategory: 'complainant-availability' }]);
    assert.deepEqual(rows(result).at(-1), [1, 'respond', '2027-01-08', null]);
    assert.ok(result.ok);
    assert.equal(result.view.pendingExtension?.workingDays, 2);
  });

  const refusals: Array<[string, string, CaseEvent[], string, RegExp]> = [
    ['a request over the cap is refused when asked, naming the cap', 'hos-2024', [...base, { type: 'extension-requested', on: '2027-01-05', workingDays: 11, reason: 'x' }], 'CASE.EXTENSION_OVER_CAP', /capped at 10/],
    ['a request for a refused reason', 'briefing-new-2024', [...base, { type: 'extension-requested', on: '2027-01-05', workingDays: 3, reason: 'Annual leave', reasonCategory: 'annual-leave' }], 'CASE.EXTENSION_REASON_REFUSED', /annual leave/],
    ['a second request while one waits', 'hos-2024', [...base, { type: 'extension-requested', on: '2027-01-05', workingDays: 3, reason: 'x' }, { type: 'extension-requested', on: '2027-01-05', workingDays: 2, reason: 'y' }], 'CASE.EXTENSION_PENDING', /waiting for a decision/],
    ['approving other than what was asked', 'hos-2024', [...base, { type: 'extension-requested', on: '2027-01-05', workingDays: 3, reason: 'x' }, { type: 'extended', on: '2027-01-05', workingDays: 5, reason: 'x' }], 'CASE.INVALID_EXTENSION', /request was for 3/],
    ['rejecting when nothing was asked', 'hos-2024', [...base, { type: 'extension-rejected', on: '2027-01-05' }], 'CASE.NO_PENDING_EXTENSION', /no extension request/],
    ['a withdrawal with no evidence', 'hos-2024', [...base, { type: 'withdrawn', on: '2027-01-05' }], 'CASE.REASON_REQUIRED', /evidence/],
    ['a behaviour proposal with no evidence', 'hos-2024', [...base, { type: 'behaviour-proposed', on: '2027-01-05' }], 'CASE.REASON_REQUIRED', /evidence/],
    ['a behaviour decision with no proposal', 'hos-2024', [...base, { type: 'behaviour-decided', on: '2027-01-05', decision: 'restrict' }], 'CASE.NO_PENDING_PROPOSAL', /no proposal/],
    ['a response missing what the Code requires', 'hos-2024', [...base, { type: 'responded', on: '2027-01-07', outcome: 'upheld', content: { stage: 'Stage 1', reasons: 'Because' } }], 'CASE.RESPONSE_INCOMPLETE', /must include: complaint definition, remedy, outstanding actions, how to escalate\./],
  ];
  for (const [name, policy, events, code, says] of refusals) {
    it(`refuses ${name}`, () => {
      const result = derive(policy, events);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.code, code);
      assert.match(result.message, says);
    });
  }

  it('the behaviour decision is recorded and the complaint goes on', () => {
    const result = derive('hos-2024', [...base,
      { type: 'behaviour-proposed', on: '2027-01-04', why: 'Abusive voicemails on 2 and 3 January (saved)' },
      { type: 'behaviour-decided', on: '2027-01-05', decision: 'restrict', restrictions: 'Contact by email only', reviewOn: '2027-07-05' }]);
    assert.ok(result.ok);
    assert.equal(result.view.state, 'investigating');
    assert.equal(result.view.behaviourProposedOn, null);
  });

  it('seed 004: an upheld response also needs the apology and lessons learned; not upheld, the summary and background', () => {
    const policy = findPreset('council-draft-response')!;
    assert.deepEqual(requiredContents(policy, 1, 'upheld').filter((c) => ['apology', 'lessons-learned'].includes(c)), ['apology', 'lessons-learned']);
    assert.deepEqual(missingContents(policy, 1, 'not-upheld', { reasons: 'r', 'fault-acknowledged': 'No', remedy: 'None', 'outstanding-actions': 'None', 'how-to-escalate': 'x', 'ombudsman-details': 'y' }), ['summary', 'background']);
  });

  it('a complete response is accepted', () => {
    const result = derive('hos-2024', [...base, {
      type: 'responded', on: '2027-01-07', outcome: 'partly-upheld',
      content: { stage: 'Stage 1', 'complaint-definition': 'Window not repaired', reasons: 'Repair was late', remedy: '£50', 'outstanding-actions': 'Fit window by 15 Jan (R. Builder)', 'how-to-escalate': 'Reply within 20 working days' },
    }]);
    assert.ok(result.ok);
    assert.equal(result.view.state, 'responded');
  });
});

describe('refusing an escalation', () => {
  const responded: CaseEvent[] = [...base, { type: 'responded', on: '2027-01-07', outcome: 'not-upheld' }];

  it('needs a valid reason, and once the manager approves, the escalation is refused', () => {
    const noReason = derive('hos-2024', [...responded, { type: 'escalation-refusal-proposed', on: '2027-01-20' }]);
    assert.equal(noReason.ok ? '' : noReason.code, 'CASE.REASON_REQUIRED');
    const refused = derive('hos-2024', [...responded,
      { type: 'escalation-refusal-proposed', on: '2027-01-20', why: 'The new matter raised is a separate complaint, logged as HC-2027-00003' },
      { type: 'escalation-refused', on: '2027-01-21' },
      { type: 'escalation-requested', on: '2027-01-22' }]);
    assert.equal(refused.ok ? '' : refused.code, 'CASE.ESCALATION_REFUSED');
    if (!refused.ok) assert.match(refused.message, /Housing Ombudsman/);
  });

  it('a rejected refusal lets the escalation go ahead', () => {
    const result = derive('hos-2024', [...responded,
      { type: 'escalation-refusal-proposed', on: '2027-01-20', why: 'Out of time' },
      { type: 'escalation-refusal-rejected', on: '2027-01-21' },
      { type: 'escalation-requested', on: '2027-01-21' }]);
    assert.ok(result.ok);
    assert.equal(result.view.stage, 2);
  });

  it('a decision needs a proposal', () => {
    const result = derive('hos-2024', [...responded, { type: 'escalation-refused', on: '2027-01-21' }]);
    assert.equal(result.ok ? '' : result.code, 'CASE.NO_PENDING_PROPOSAL');
  });
});
