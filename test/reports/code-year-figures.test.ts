import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { caseFacts } from '../../src/reports/case-facts';
import { codeYearFigures } from '../../src/reports/self-assessment/code-year-figures';
import { HOS, HOS_CALENDAR, makeCase, respond } from './fixtures';

// The year's figures the self-assessment quotes, against the Code's timescales, counted by hand.
// June 2026 has no bank holiday.
const YEAR = { from: '2026-04-01', to: '2027-03-31' };

describe('the year\'s figures against the Code, for the self-assessment', () => {
  const rec = (on: string): CaseEvent => ({ type: 'received', on });
  const ack = (on: string): CaseEvent => ({ type: 'acknowledged', on });
  const cases = [
    // Acknowledged the same day: in time; responded 10 Jun (due 15 Jun): in time.
    makeCase('A', [rec('2026-06-01'), ack('2026-06-01'), respond('2026-06-10', 'upheld', 1)], { category: 'repairs' }),
    // Acknowledged on the fifth working day (8 Jun): in time; responded 23 Jun (due 22 Jun): late.
    makeCase('B', [rec('2026-06-01'), ack('2026-06-08'), respond('2026-06-23', 'upheld', 1)], { category: 'repairs' }),
    // Acknowledged on the sixth working day (9 Jun): late; extended by 10 (the cap): due 8 Jun + 20 = 6 Jul; responded 3 Jul: in time.
    makeCase('C', [rec('2026-06-01'), ack('2026-06-09'), { type: 'extended', on: '2026-06-10', workingDays: 10, reason: 'Surveyor' }, respond('2026-07-03', 'upheld', 1)], { category: 'repairs' }),
    // Not acknowledged, past its 5 working days on the report date: counted as not in time.
    makeCase('D', [rec('2026-06-01')], { category: 'repairs' }),
    // Received the day before the report date, not yet acknowledged: still within its 5 days, not counted.
    makeCase('E', [rec('2026-06-29')], { category: 'repairs' }),
    // Refused in the year.
    makeCase('F', [{ type: 'refused', on: '2026-06-02', why: 'Legal proceedings have started' }], { category: 'asb' }),
  ];
  const today = '2026-06-30';
  const facts = cases.map((r) => caseFacts(r, { policy: HOS, calendar: HOS_CALENDAR, today }));
  const f = codeYearFigures(facts, YEAR, HOS_CALENDAR, today);

  it('acknowledged within 5 working days: A and B of A, B, C, D (E still has time)', () => {
    assert.deepEqual(f.stage1.acknowledgedWithin5, { met: 2, of: 4, percent: 50 });
    assert.equal(f.stage1.received, 5);
  });

  it('responded within the Code: A and C of A, B, C; one extended, none past the cap', () => {
    assert.deepEqual(f.stage1.respondedWithinCode, { met: 2, of: 3, percent: 66.7 });
    assert.equal(f.stage1.extended, 1);
    assert.equal(f.stage1.extendedBeyondCap, 0);
  });

  it('refusals with their reasons', () => {
    assert.deepEqual(f.refusals, [{ reason: 'Legal proceedings have started', count: 1 }]);
  });
});
