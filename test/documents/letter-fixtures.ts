import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { LetterContext } from '../../src/documents/letters/letter-context';
import { HOS, HOS_CALENDAR, makeCase, respond } from '../reports/fixtures';

/** Cases at the point each letter is written, built through the domain (Code 2024 policy, the demo directory). */
export const LANDLORD = {
  name: 'Riverside Homes', addressLines: ['Complaints Team', '1 Example Street', 'Eastholme', 'EH1 2AB'],
  phone: '0300 000 0000', email: 'complaints@example.invalid',
};

export const LETTER_CTX: LetterContext = { policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY, landlord: LANDLORD, today: '2026-03-20' };

const received: CaseEvent[] = [{ type: 'received', on: '2026-03-02' }, { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' }];
const acknowledged: CaseEvent[] = [...received, { type: 'acknowledged', on: '2026-03-03' }];

/** The stage 1 response, with a repair and compensation promised, each with its date. */
export const STAGE_1_CONTENT = {
  'complaint-definition': 'The damp in the back bedroom has not been put right after three reports.',
  decision: 'We agree that the repair took far too long and that we did not keep you informed.',
  reasons: 'Our records show the repair was booked twice and cancelled both times without telling you.',
  remedy: 'We will treat the mould and repair the gutter that lets water in, and pay you compensation.',
  'outstanding-actions': 'A surveyor will check the wall is dry six weeks after the repair.',
  'how-to-escalate': 'If you are not happy, ask us to look at it again at stage 2 by phone, email or letter.',
};
export const STAGE_1_ACTIONS = [
  { id: 'a1', kind: 'repair' as const, description: 'Treat the mould and repair the gutter', due: '2026-04-10' },
  { id: 'a2', kind: 'compensation' as const, description: 'Compensation for the delay', due: '2026-04-02', amountPence: 15000 },
];
const stage1: CaseEvent[] = [
  ...acknowledged,
  { ...respond('2026-03-16', 'upheld', 1, STAGE_1_CONTENT), actions: STAGE_1_ACTIONS } as CaseEvent,
];

export const STAGE_2_CONTENT = {
  'complaint-definition': 'The repair promised at stage 1 was late and the damp came back.',
  decision: 'The repair was late, but the compensation offered at stage 1 was fair.',
  reasons: 'The contractor did not finish the gutter repair.',
  remedy: 'A new contractor will replace the gutter.',
  'outstanding-actions': 'We will inspect the bedroom after the next heavy rain.',
  'ombudsman-details': 'This is our final response. You can now go to the Housing Ombudsman.',
};

export function acknowledgementCase(): CaseRecord {
  return makeCase('HC-2026-00101', received, { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
export function extensionCase(): CaseRecord {
  return makeCase('HC-2026-00102', [...acknowledged, { type: 'extended', on: '2026-03-12', workingDays: 5, reason: 'We are waiting for an independent damp survey, booked for 20 March.' }], { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
export function stage1Case(): CaseRecord {
  return makeCase('HC-2026-00103', stage1, { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
export function stage2Case(): CaseRecord {
  return makeCase('HC-2026-00104', [
    ...stage1, { type: 'escalation-requested', on: '2026-03-20' }, { type: 'assigned', on: '2026-03-20', officerId: 'priya.shah' },
    { type: 'acknowledged', on: '2026-03-23' },
    { ...respond('2026-04-14', 'partly-upheld', 2, STAGE_2_CONTENT), by: 'priya.shah', actions: [{ id: 'a3', kind: 'repair', description: 'Replace the gutter', due: '2026-05-01', ownerId: 'chris.doyle' }] } as CaseEvent,
  ], { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
export function refusalCase(): CaseRecord {
  return makeCase('HC-2026-00105', [
    ...stage1, { type: 'escalation-refusal-proposed', on: '2026-03-18', why: 'You asked for stage 2 about a new repair, which we are treating as a new service request.' },
    { type: 'escalation-refused', on: '2026-03-19', by: 'priya.shah', why: 'Refusal approved by Priya Shah.' },
  ], { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
export function behaviourCase(): CaseRecord {
  return makeCase('HC-2026-00106', [
    ...acknowledged, { type: 'behaviour-proposed', on: '2026-03-05', why: 'Abusive calls to the estate office on 4 and 5 March.' },
    {
      type: 'behaviour-decided', on: '2026-03-09', by: 'priya.shah', decision: 'restrict', why: 'The calls on 4 and 5 March were abusive to staff.',
      restrictions: 'Please contact us by email or letter only, to complaints@example.invalid.', reviewOn: '2026-06-09',
    },
  ], { category: 'damp-mould', name: 'Imogen Threlkeld' });
}
