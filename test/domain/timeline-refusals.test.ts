import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseErrorCode } from '../../src/domain/case-errors';
import { derive } from '../support/timeline';

const received: CaseEvent = { type: 'received', on: '2026-12-18' };
const acked: CaseEvent = { type: 'acknowledged', on: '2026-12-22' };
const responded: CaseEvent = { type: 'responded', on: '2027-01-07', outcome: 'not-upheld' };

const refusals: Array<{ name: string; policy: string; events: CaseEvent[]; code: CaseErrorCode; at: number; says?: RegExp }> = [
  { name: 'a response before the complaint was received', policy: 'hos-2024', events: [responded], code: 'CASE.NOT_STARTED', at: 0 },
  { name: 'an informal stage the policy does not have', policy: 'hos-2024', events: [{ type: 'informal-opened', on: '2026-12-18' }], code: 'CASE.NO_INFORMAL_STAGE', at: 0, says: /stage 1/ },
  { name: 'receiving the same complaint twice', policy: 'hos-2024', events: [received, { ...received }], code: 'CASE.ALREADY_STARTED', at: 1 },
  { name: 'a response before acknowledgement', policy: 'hos-2024', events: [received, responded], code: 'CASE.NOT_ACKNOWLEDGED', at: 1 },
  { name: 'acknowledging twice', policy: 'hos-2024', events: [received, acked, { ...acked, on: '2026-12-23' }], code: 'CASE.ALREADY_ACKNOWLEDGED', at: 2, says: /2026-12-22/ },
  { name: 'an event dated before the one before it', policy: 'hos-2024', events: [received, { type: 'acknowledged', on: '2026-12-17' }], code: 'CASE.OUT_OF_ORDER', at: 1 },
  { name: 'an impossible date', policy: 'hos-2024', events: [{ type: 'received', on: '2026-02-30' }], code: 'CASE.INVALID_DATE', at: 0 },
  { name: 'resuming a case that is not paused', policy: 'hos-2024', events: [received, acked, { type: 'resumed', on: '2026-12-23' }], code: 'CASE.NOT_PAUSED', at: 2 },
  { name: 'acting on a paused case without resuming it', policy: 'hos-2024', events: [received, acked, { type: 'paused', on: '2026-12-23', reason: 'Mediation', complainantConsented: true }, responded], code: 'CASE.PAUSED', at: 3 },
  { name: 'pausing where the policy allows no pause', policy: 'landlord-web-2021', events: [received, { type: 'paused', on: '2026-12-21', reason: 'Mediation', complainantConsented: true }], code: 'CASE.PAUSE_NOT_ALLOWED', at: 1 },
  { name: 'extending before the response clock has started (it counts from acknowledgement)', policy: 'hos-2024', events: [received, { type: 'extended', on: '2026-12-21', workingDays: 5, reason: 'x' }], code: 'CASE.NOTHING_TO_EXTEND', at: 1 },
  { name: 'a stage 1 extension over the cap of 10', policy: 'hos-2024', events: [received, acked, { type: 'extended', on: '2027-01-05', workingDays: 11, reason: 'Survey' }], code: 'CASE.EXTENSION_OVER_CAP', at: 2, says: /capped at 10 working days/ },
  {
    name: 'a second extension that takes the stage past its cap', policy: 'hos-2024',
    events: [received, acked, { type: 'extended', on: '2027-01-05', workingDays: 6, reason: 'Survey' }, { type: 'extended', on: '2027-01-06', workingDays: 5, reason: 'More' }],
    code: 'CASE.EXTENSION_OVER_CAP', at: 3, says: /6 already used, so at most 4 more/,
  },
  {
    name: 'a stage 2 extension over the briefing note\'s cap of 10', policy: 'briefing-new-2024',
    events: [received, acked, responded, { type: 'escalation-requested', on: '2027-01-20' }, { type: 'acknowledged', on: '2027-01-25' },
      { type: 'extended', on: '2027-02-01', workingDays: 11, reason: 'Survey' }],
    code: 'CASE.EXTENSION_OVER_CAP', at: 5, says: /capped at 10/,
  },
  { name: 'an extension of zero days', policy: 'hos-2024', events: [received, acked, { type: 'extended', on: '2027-01-05', workingDays: 0, reason: 'x' }], code: 'CASE.INVALID_EXTENSION', at: 2 },
  { name: 'an extension without a reason', policy: 'hos-2024', events: [received, acked, { type: 'extended', on: '2027-01-05', workingDays: 2, reason: ' ' }], code: 'CASE.INVALID_EXTENSION', at: 2 },
  {
    name: 'an extension because of workload, where the policy says that is not acceptable', policy: 'briefing-interim-2024',
    events: [received, { type: 'extended', on: '2027-01-04', workingDays: 5, reason: 'Officer has too many cases', reasonCategory: 'workload' }],
    code: 'CASE.EXTENSION_REASON_REFUSED', at: 1, says: /workload/,
  },
  {
    name: 'escalating past the last stage', policy: 'hos-2024',
    events: [received, acked, responded, { type: 'escalation-requested', on: '2027-01-20' }, { type: 'acknowledged', on: '2027-01-25' },
      { type: 'responded', on: '2027-02-10', outcome: 'not-upheld' }, { type: 'escalation-requested', on: '2027-02-11' }],
    code: 'CASE.NO_FURTHER_STAGE', at: 6, says: /Housing Ombudsman/,
  },
  { name: 'escalating before any response', policy: 'hos-2024', events: [received, acked, { type: 'escalation-requested', on: '2027-01-05' }], code: 'CASE.NOT_ALLOWED_IN_STATE', at: 2 },
  {
    name: 'escalating after the 30-day window without a reason to accept it late', policy: 'city-of-london',
    events: [{ type: 'received', on: '2026-08-28' }, { type: 'acknowledged', on: '2026-09-01' }, { type: 'responded', on: '2026-09-11', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2026-10-12' }],
    code: 'CASE.ESCALATION_OUT_OF_TIME', at: 3, says: /2026-10-11/,
  },
  {
    name: 'escalating without the reason Herefordshire asks for', policy: 'herefordshire-2021',
    events: [{ type: 'received', on: '2027-03-22' }, { type: 'acknowledged', on: '2027-03-24' }, { type: 'responded', on: '2027-04-06', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2027-04-20' }],
    code: 'CASE.ESCALATION_REASON_REQUIRED', at: 3,
  },
  {
    name: 'a complaint made more than six months after the issue, with no reason to accept it', policy: 'city-of-london',
    events: [{ type: 'received', on: '2026-08-28', issueOccurredOn: '2026-02-27' }], code: 'CASE.OUT_OF_TIME', at: 0, says: /6 months of the issue \(by 2026-08-27\)/,
  },
  { name: 'an issue dated after the complaint', policy: 'hos-2024', events: [{ type: 'received', on: '2026-08-28', issueOccurredOn: '2026-09-01' }], code: 'CASE.INVALID_DATE', at: 0 },
  { name: 'a stage the policy does not have', policy: 'hos-2024', events: [{ type: 'received', on: '2026-08-28', stage: 3 }], code: 'CASE.NO_SUCH_STAGE', at: 0 },
  { name: 'a draft response where the policy has no draft step', policy: 'hos-2024', events: [received, acked, { type: 'draft-issued', on: '2026-12-23' }], code: 'CASE.NO_DRAFT_STEP', at: 2 },
  {
    name: 'a second draft response', policy: 'council-draft-response',
    events: [received, acked, { type: 'draft-issued', on: '2026-12-23' }, { type: 'draft-issued', on: '2026-12-24' }], code: 'CASE.DRAFT_ALREADY_ISSUED', at: 3,
  },
  { name: 'closing a case with no response', policy: 'hos-2024', events: [received, acked, { type: 'closed', on: '2027-01-05' }], code: 'CASE.NOT_ALLOWED_IN_STATE', at: 2 },
  { name: 'refusing a complaint without the reason the complainant must be told', policy: 'hos-2024', events: [{ type: 'refused', on: '2026-12-18' }], code: 'CASE.REASON_REQUIRED', at: 0 },
  { name: 'refusing a complaint that was already accepted', policy: 'hos-2024', events: [received, { type: 'refused', on: '2026-12-21', why: 'Legal proceedings' }], code: 'CASE.ALREADY_STARTED', at: 1 },
  { name: 'acting on a closed case', policy: 'hos-2024', events: [received, acked, responded, { type: 'closed', on: '2027-01-08' }, { type: 'escalation-requested', on: '2027-01-09' }], code: 'CASE.CLOSED', at: 4 },
];

describe('refused events', () => {
  for (const r of refusals) {
    it(`refuses ${r.name} (${r.code})`, () => {
      const result = derive(r.policy, r.events);
      assert.equal(result.ok, false, 'expected a refusal');
      if (result.ok) return;
      assert.equal(result.code, r.code, result.message);
      assert.equal(result.eventIndex, r.at);
      if (r.says) assert.match(result.message, r.says);
    });
  }

  it('accepts a complaint on the last day of the six months', () => {
    assert.equal(derive('city-of-london', [{ type: 'received', on: '2026-08-28', issueOccurredOn: '2026-02-28' }]).ok, true);
  });

  it('accepts a late complaint when the reason to accept it is recorded', () => {
    assert.equal(derive('city-of-london', [{ type: 'received', on: '2026-08-28', issueOccurredOn: '2026-01-01', lateAcceptanceReason: 'Resident was abroad' }]).ok, true);
  });

  it('records a refused complaint, with its reason, as refused and closed that day', () => {
    const result = derive('herefordshire-2021', [{ type: 'refused', on: '2026-12-18', why: 'Court proceedings have started' }]);
    assert.ok(result.ok);
    assert.deepEqual([result.view.state, result.view.closedOn, result.view.deadlines], ['refused', '2026-12-18', []]);
  });

  it('still accepts notes on a closed case', () => {
    const result = derive('hos-2024', [received, acked, responded, { type: 'closed', on: '2027-01-08' }, { type: 'note', on: '2027-02-01', why: 'Resident phoned to say thanks' }]);
    assert.ok(result.ok);
    assert.equal(result.view.state, 'closed');
  });
});
