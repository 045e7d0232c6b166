import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseEvent } from '../../src/domain/case-events';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts } from '../../src/reports/case-facts';
import { HOS, HOS_CALENDAR, makeCase, respond } from './fixtures';
import { codeYearFigures } from './whole-list-reference';

const CITY = findPreset('city-of-london') as Policy;
const CITY_CALENDAR = calendarForPolicy(CITY);

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

// Stage 2 and the informal stage, counted by hand. June and July 2026 have no bank holiday;
// Good Friday (3 April) and Easter Monday (6 April) 2026 fall in U's window. Report date Friday 31 July 2026.
describe('the year\'s figures against the Code at stage 2, counted by the escalation\'s own dates', () => {
  const today = '2026-07-31';
  const ack = (on: string): CaseEvent => ({ type: 'acknowledged', on });
  // Stage 1 answered in March, before the year: none of its stage 1 is counted in the year.
  const stage1InMarch: CaseEvent[] = [{ type: 'received', on: '2026-03-02' }, ack('2026-03-02'), respond('2026-03-13', 'not-upheld', 1)];
  const escalated = (on: string): CaseEvent[] => [{ type: 'escalation-requested', on }, { type: 'assigned', on, officerId: 'priya.shah' }];
  const extended = (on: string, workingDays: number): CaseEvent => ({ type: 'extended', on, workingDays, reason: 'Surveyor' });
  const cases = [
    // P: escalated Mon 1 Jun, acknowledged 3 Jun (the Code's last day is 8 Jun): in time.
    //    Due 20 working days from 3 Jun = 1 Jul; responded 1 Jul: in time.
    makeCase('P', [...stage1InMarch, ...escalated('2026-06-01'), ack('2026-06-03'), respond('2026-07-01', 'upheld', 2)], { category: 'repairs' }),
    // Q: escalated 1 Jun, acknowledged 10 Jun: late, so the window runs from 8 Jun: 8 Jun + 20 = 6 Jul,
    //    extended by 5: due 13 Jul; responded 14 Jul: late.
    makeCase('Q', [...stage1InMarch, ...escalated('2026-06-01'), ack('2026-06-10'), extended('2026-06-15', 5), respond('2026-07-14', 'upheld', 2)], { category: 'repairs' }),
    // R: escalated 15 Jun, never acknowledged; the Code's last day (22 Jun) has passed: counted as not in time.
    makeCase('R', [...stage1InMarch, ...escalated('2026-06-15')], { category: 'repairs' }),
    // S: escalated Mon 27 Jul, not acknowledged; its last day is 3 Aug, after the report date: not counted either way.
    makeCase('S', [...stage1InMarch, ...escalated('2026-07-27')], { category: 'repairs' }),
    // T: escalated and acknowledged 15 Jun: in time. 15 Jun + 20 = 13 Jul, extended by 20 (the Code's cap): due 10 Aug;
    //    responded 24 Jul: in time.
    makeCase('T', [...stage1InMarch, ...escalated('2026-06-15'), ack('2026-06-15'), extended('2026-07-01', 20), respond('2026-07-24', 'upheld', 2)], { category: 'repairs' }),
    // U: stage 1 in February, escalated and acknowledged Mon 16 Mar (the year before: not received in the year).
    //    16 Mar + 20 working days, skipping 3 and 6 Apr = 15 Apr; responded 14 Apr, in the year: in time.
    makeCase('U', [
      { type: 'received', on: '2026-02-02' }, ack('2026-02-02'), respond('2026-02-13', 'not-upheld', 1),
      ...escalated('2026-03-16'), ack('2026-03-16'), respond('2026-04-14', 'upheld', 2),
    ], { category: 'repairs' }),
  ];
  const facts = cases.map((r) => caseFacts(r, { policy: HOS, calendar: HOS_CALENDAR, today }));
  const f = codeYearFigures(facts, YEAR, HOS_CALENDAR, today);

  it('received at stage 2 in the year: P, Q, R, S and T (U was escalated in March)', () => {
    assert.equal(f.stage2.received, 5);
  });

  it('acknowledged within 5 working days: P and T of P, Q, R, T (S still has time)', () => {
    assert.deepEqual(f.stage2.acknowledgedWithin5, { met: 2, of: 4, percent: 50 });
  });

  it('responded within the Code: P, T and U of P, Q, T, U; Q and T extended, neither past the cap of 20', () => {
    assert.deepEqual(f.stage2.respondedWithinCode, { met: 3, of: 4, percent: 75 });
    assert.equal(f.stage2.extended, 2);
    assert.equal(f.stage2.extendedBeyondCap, 0);
  });

  it('the stage 1s, all answered before the year, count nothing in it', () => {
    assert.deepEqual(f.stage1, {
      received: 0, acknowledgedWithin5: { met: 0, of: 0, percent: null }, respondedWithinCode: { met: 0, of: 0, percent: null }, extended: 0, extendedBeyondCap: 0,
    });
    assert.equal(f.informalOpened, 0);
  });
});

describe('the year\'s figures against the Code under a policy with an informal stage and no extension cap (City of London)', () => {
  const today = '2026-07-31';
  const col = { category: 'repairs', policy: CITY };
  const informal = (on: string): CaseEvent => ({ type: 'informal-opened', on });
  const cases = [
    // I1: opened informally 1 Jun, still informal: an informal complaint opened in the year.
    makeCase('I1', [informal('2026-06-01')], col),
    // I2: opened informally 3 Jun, made formal 10 Jun: opened in the year, and a stage 1 received in it.
    makeCase('I2', [informal('2026-06-03'), { type: 'received', on: '2026-06-10' }], col),
    // I3: opened informally 25 Mar, the year before; made formal 2 Apr: only its stage 1 is the year's.
    makeCase('I3', [informal('2026-03-25'), { type: 'received', on: '2026-04-02' }], col),
    // N: formal from the start: not informal.
    makeCase('N', [{ type: 'received', on: '2026-06-01' }], col),
    // X: stage 1 received 1 Jun, acknowledged 2 Jun and answered 5 Jun; escalated 8 Jun and extended by 25 working days, past the Code's 20.
    //    This policy has no stage 2 acknowledgement: unacknowledged past 15 Jun, so not in time.
    //    The Code's date: from 15 Jun (its last day to acknowledge), 20 + 20 (the cap) working days = 10 Aug; responded 10 Jul: in time.
    makeCase('X', [
      { type: 'received', on: '2026-06-01' }, { type: 'acknowledged', on: '2026-06-02' }, respond('2026-06-05', 'not-upheld', 1, {}, CITY),
      { type: 'escalation-requested', on: '2026-06-08' }, { type: 'extended', on: '2026-06-09', workingDays: 25, reason: 'Surveyor' },
      respond('2026-07-10', 'upheld', 2, {}, CITY),
    ], col),
  ];
  const facts = cases.map((r) => caseFacts(r, { policy: CITY, calendar: CITY_CALENDAR, today }));
  const f = codeYearFigures(facts, YEAR, CITY_CALENDAR, today);

  it('informal complaints opened in the year: I1 and I2 (I3 was opened in March, N never was)', () => {
    assert.equal(f.informalOpened, 2);
  });

  it('stage 1s received in the year: I2, I3, N and X (an informal opening is not a stage 1)', () => {
    assert.equal(f.stage1.received, 4);
  });

  it('stage 2: X, unacknowledged, answered within the Code, with an extension past its cap', () => {
    assert.deepEqual(f.stage2, {
      received: 1, acknowledgedWithin5: { met: 0, of: 1, percent: 0 }, respondedWithinCode: { met: 1, of: 1, percent: 100 }, extended: 1, extendedBeyondCap: 1,
    });
  });
});
