import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { projectView } from '../../src/domain/case-projection';
import { isRunningDeadline } from '../../src/domain/case-state';
import { derive, rows } from '../support/timeline';

// After the response (issue 13): remedies followed to completion, and the Ombudsman stage, as
// deadlines with ids that run on after the case is closed. Dates worked by hand (hos-2024).
const RESPONDED: CaseEvent[] = [
  { type: 'received', on: '2026-12-18' },
  { type: 'acknowledged', on: '2026-12-22' },
  {
    type: 'responded', on: '2027-01-05', outcome: 'upheld',
    actions: [
      { id: 'a1', kind: 'repair', description: 'Replace the kitchen window', due: '2027-01-04', ownerId: 'sam.okafor' },
      { id: 'a2', kind: 'compensation', description: 'Pay £150 for the delay', due: '2027-01-19', amountPence: 15000 },
    ],
  },
];

describe('after the response: remedies and the Ombudsman stage', () => {
  it('a response\'s actions become deadlines with ids, owners and their own due dates (one may already be past)', () => {
    const result = derive('hos-2024', RESPONDED);
    assert.deepEqual(rows(result).filter(([, kind]) => kind === 'action'), [[1, 'action', '2027-01-04', null], [1, 'action', '2027-01-19', null]]);
    assert.ok(result.ok);
    assert.deepEqual(result.view.deadlines.filter((d) => d.kind === 'action').map((d) => [d.id, d.owner ?? null]), [['a1', 'sam.okafor'], ['a2', null]]);
    assert.deepEqual([result.view.items.a2?.amountPence, result.view.items.a2?.source], [15000, 'response']);
  });

  it('done with evidence, re-dated with a reason (the resident then to be told), and still followed after the case closes', () => {
    const result = derive('hos-2024', [...RESPONDED,
      { type: 'action-completed', on: '2027-01-06', actionId: 'a1', evidence: 'Window fitted on 6 Jan; photo on file' },
      { type: 'action-redated', on: '2027-01-07', actionId: 'a2', due: '2027-01-29', reason: 'Finance run is fortnightly' },
      { type: 'resident-told', on: '2027-01-07', about: 'action-redated', method: 'letter' },
      { type: 'closed', on: '2027-01-08' },
    ]);
    assert.ok(result.ok, result.ok ? '' : result.message);
    const a1 = result.view.deadlines.find((d) => d.id === 'a1')!;
    const a2 = result.view.deadlines.find((d) => d.id === 'a2')!;
    assert.deepEqual([a1.metOn, result.view.items.a1?.evidence], ['2027-01-06', 'Window fitted on 6 Jan; photo on file']);
    assert.deepEqual([a2.due, a2.originalDue, a2.metOn], ['2027-01-29', '2027-01-19', null]);
    assert.equal(result.view.state, 'closed');
    assert.ok(isRunningDeadline(a2, false), 'a remedy still runs on a closed case');
    assert.equal(projectView(result.view).nextDueOn, '2027-01-29', 'so the reminder sweep finds it');
  });

  it('the Ombudsman stage: referral, a request for information for the complaints team, the determination and its orders', () => {
    const result = derive('hos-2024', [...RESPONDED, { type: 'closed', on: '2027-01-08' },
      { type: 'ombudsman-referred', on: '2027-02-01', reference: 'HOS-202612345' },
      { type: 'ombudsman-information-requested', on: '2027-02-02', requestId: 'r1', due: '2027-02-16' },
      { type: 'ombudsman-information-sent', on: '2027-02-10', requestId: 'r1' },
      { type: 'ombudsman-determined', on: '2027-05-03', findings: [{ finding: 'service-failure', about: 'the repair delay' }], orders: [{ id: 'o1', kind: 'compensation', description: 'Pay £300', due: '2027-05-31', amountPence: 30000 }] },
      { type: 'ombudsman-order-complied', on: '2027-05-20', orderId: 'o1', evidence: 'Paid by BACS on 20 May' },
    ]);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.view.ombudsman, { reference: 'HOS-202612345', referredOn: '2027-02-01', determinedOn: '2027-05-03', findings: [{ finding: 'service-failure', about: 'the repair delay' }] });
    const info = result.view.deadlines.find((d) => d.kind === 'ombudsman-information')!;
    assert.deepEqual([info.id, info.owner, info.metOn], ['r1', 'complaints-team', '2027-02-10']);
    const order = result.view.deadlines.find((d) => d.kind === 'ombudsman-order')!;
    assert.deepEqual([order.id, order.due, order.metOn, result.view.items.o1?.source], ['o1', '2027-05-31', '2027-05-20', 'ombudsman-order']);
  });

  it('a pause of the complaint at stage 2 does not move a stage 1 remedy\'s date', () => {
    const result = derive('hos-2024', [...RESPONDED,
      { type: 'escalation-requested', on: '2027-01-06' }, { type: 'acknowledged', on: '2027-01-07' },
      { type: 'paused', on: '2027-01-08', reason: 'Mediation', complainantConsented: true }, { type: 'resumed', on: '2027-01-15' },
    ]);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.view.deadlines.filter((d) => d.kind === 'action').map((d) => d.due), ['2027-01-04', '2027-01-19']);
    // The stage 2 response did move: 20 working days from 7 Jan is 4 Feb, + 5 paused (11-15 Jan) = 11 Feb.
    assert.equal(result.view.deadlines.find((d) => d.stage === 2 && d.kind === 'respond')?.due, '2027-02-11');
  });

  const refusals: Array<[string, CaseEvent[], string, RegExp]> = [
    ['completing an action the case does not have', [...RESPONDED, { type: 'action-completed', on: '2027-01-06', actionId: 'a9', evidence: 'x' }], 'CASE.NO_SUCH_ITEM', /no action "a9"/],
    ['completing one already done', [...RESPONDED, { type: 'action-completed', on: '2027-01-06', actionId: 'a1', evidence: 'x' }, { type: 'action-completed', on: '2027-01-07', actionId: 'a1', evidence: 'y' }], 'CASE.ALREADY_DONE', /already done on 2027-01-06/],
    ['completing without evidence', [...RESPONDED, { type: 'action-completed', on: '2027-01-06', actionId: 'a1', evidence: ' ' }], 'CASE.REASON_REQUIRED', /evidence/],
    ['re-dating without a reason', [...RESPONDED, { type: 'action-redated', on: '2027-01-06', actionId: 'a2', due: '2027-02-01', reason: '' }], 'CASE.REASON_REQUIRED', /reason for the new date/],
    ['compensation without an amount', [RESPONDED[0]!, RESPONDED[1]!, { type: 'responded', on: '2027-01-05', outcome: 'upheld', actions: [{ id: 'c1', kind: 'compensation', description: 'Pay something', due: '2027-01-19' }] }], 'CASE.INVALID_INPUT', /compensation: give the amount/],
    ['two actions with one id', [RESPONDED[0]!, RESPONDED[1]!, { type: 'responded', on: '2027-01-05', outcome: 'upheld', actions: [{ id: 'a1', kind: 'repair', description: 'x', due: '2027-01-19' }, { id: 'a1', kind: 'apology', description: 'y', due: '2027-01-19' }] }], 'CASE.INVALID_INPUT', /"a1" is already used/],
    ['a determination before a referral', [...RESPONDED, { type: 'ombudsman-determined', on: '2027-05-03', findings: [{ finding: 'maladministration' }], orders: [] }], 'CASE.NOT_ALLOWED_IN_STATE', /record the referral first/],
    ['a second referral', [...RESPONDED, { type: 'ombudsman-referred', on: '2027-02-01', reference: 'HOS-1' }, { type: 'ombudsman-referred', on: '2027-02-02', reference: 'HOS-2' }], 'CASE.NOT_ALLOWED_IN_STATE', /already referred/],
    ['information sent for no request', [...RESPONDED, { type: 'ombudsman-referred', on: '2027-02-01', reference: 'HOS-1' }, { type: 'ombudsman-information-sent', on: '2027-02-02', requestId: 'r1' }], 'CASE.NO_SUCH_ITEM', /no request "r1"/],
  ];
  for (const [name, events, code, says] of refusals) {
    it(`refuses ${name}`, () => {
      const result = derive('hos-2024', events);
      assert.ok(!result.ok);
      assert.equal(result.code, code);
      assert.match(result.message, says);
    });
  }
});
