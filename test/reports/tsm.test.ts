import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import type { Policy } from '../../src/domain/policy';
import type { Tenure } from '../../src/domain/tenure';
import { findPreset } from '../../src/policies/preset-registry';
import { caseFacts } from '../../src/reports/case-facts';
import { tsmFigures, tsmLines, type TsmFigures } from '../../src/reports/tsm';
import { HOS, HOS_CALENDAR, makeCase, respond } from './fixtures';

// The reporting year 1 April 2026 to 31 March 2027. Bank holidays that matter below: Good
// Friday 3 April and Easter Monday 6 April, 4 May 2026. June and July 2026 have none.
const YEAR = { from: '2026-04-01', to: '2027-03-31', label: 'financial year 2026/27' };
const HOMES = { lcra: 2000, lcho: 400 };
const TODAY = '2027-04-15';

function tenanted(record: CaseRecord, tenure: Tenure | null): CaseRecord {
  const complainant = { ...record.details.complainant };
  if (tenure) complainant.tenure = tenure;
  else delete complainant.tenure;
  return { ...record, details: { ...record.details, complainant } };
}

const hos = (ref: string, tenure: Tenure | null, events: CaseEvent[]): CaseRecord => tenanted(makeCase(ref, events, { category: 'repairs' }), tenure);
const rec = (on: string): CaseEvent => ({ type: 'received', on });
const ack = (on: string): CaseEvent => ({ type: 'acknowledged', on });
const esc = (on: string): CaseEvent[] => [{ type: 'escalation-requested', on }, { type: 'assigned', on, officerId: 'priya.shah' }];

function figures(records: CaseRecord[], policy: Policy = HOS): TsmFigures {
  const calendar = policy === HOS ? HOS_CALENDAR : calendarForPolicy(policy);
  const facts = records.map((r) => caseFacts(r, { policy, calendar, today: TODAY }));
  return tsmFigures(facts, { ...YEAR, homes: HOMES, calendar });
}

const measure = (f: TsmFigures, id: string, group: string) => {
  const m = f.measures.find((x) => x.id === id && x.group === group);
  assert.ok(m, `${id} ${group}`);
  return { numerator: m.numerator, denominator: m.denominator, value: m.value };
};

describe('Tenant Satisfaction Measures CH01 and CH02, LCRA and LCHO', () => {
  const cases = [
    // LCRA (social or affordable rent)
    // R1: ack 2 Jun; Code due 2 Jun + 10 wd = 16 Jun; responded 10 Jun: in time.
    hos('R1', 'social-or-affordable-rent', [rec('2026-06-01'), ack('2026-06-02'), respond('2026-06-10', 'upheld', 1)]),
    // R2: ack 8 Jun (the last day the Code allows); due 22 Jun; responded 23 Jun: late.
    hos('R2', 'social-or-affordable-rent', [rec('2026-06-01'), ack('2026-06-08'), respond('2026-06-23', 'not-upheld', 1)]),
    // R3: ack 1 Jun; extended 10 wd (within the Code's cap): due 1 Jun + 20 wd = 29 Jun; responded 26 Jun: in time.
    hos('R3', 'social-or-affordable-rent', [rec('2026-06-01'), ack('2026-06-01'), { type: 'extended', on: '2026-06-10', workingDays: 10, reason: 'Awaiting the surveyor' }, respond('2026-06-26', 'upheld', 1)]),
    // R4: stage 1 in time (5 Jun); stage 2 received 15 Jun, ack 16 Jun, due 16 Jun + 20 wd = 14 Jul; responded 10 Jul: in time.
    hos('R4', 'social-or-affordable-rent', [rec('2026-06-01'), ack('2026-06-01'), respond('2026-06-05', 'not-upheld', 1), ...esc('2026-06-15'), ack('2026-06-16'), respond('2026-07-10', 'partly-upheld', 2)]),
    // R5: stage 1 in the year before; stage 2 received 13 Apr 2026 (counts), ack 14 Apr, due 13 May (4 May a bank holiday); responded 1 Jun: late.
    hos('R5', 'social-or-affordable-rent', [rec('2026-03-16'), ack('2026-03-16'), respond('2026-03-20', 'not-upheld', 1), ...esc('2026-04-13'), ack('2026-04-14'), respond('2026-06-01', 'upheld', 2)]),
    // R6: received 29 Mar 2027, not yet responded at the year's end: received, no response counted.
    hos('R6', 'social-or-affordable-rent', [rec('2027-03-29'), ack('2027-03-29')]),
    // R7: received in the year before; ack 26 Mar; due 13 Apr (Easter); responded 8 Apr: a response in this year, in time.
    hos('R7', 'social-or-affordable-rent', [rec('2026-03-25'), ack('2026-03-26'), respond('2026-04-08', 'upheld', 1)]),
    // R8: refused: not accepted as a complaint, not counted.
    hos('R8', 'social-or-affordable-rent', [{ type: 'refused', on: '2026-06-03', why: 'Legal proceedings have started' }]),
    // R9: withdrawn: received all the same.
    hos('R9', 'social-or-affordable-rent', [rec('2026-07-01'), ack('2026-07-01'), { type: 'withdrawn', on: '2026-07-03', why: 'Resident wrote to withdraw' }]),
    // LCHO (shared ownership)
    // S1: ack 1 Jun, responded 12 Jun: in time.
    hos('S1', 'shared-ownership', [rec('2026-06-01'), ack('2026-06-01'), respond('2026-06-12', 'upheld', 1)]),
    // S2: acknowledged late (10 Jun; the Code allowed to 8 Jun), so the Code's date is 8 Jun + 10 wd = 22 Jun;
    //     responded 23 Jun: late for the TSM, though the policy's own deadline (24 Jun, from the late acknowledgement) was met.
    hos('S2', 'shared-ownership', [rec('2026-06-01'), ack('2026-06-10'), respond('2026-06-23', 'upheld', 1)]),
    // S3: stage 1 in time; stage 2 received 8 Jun, ack 8 Jun, due 6 Jul; responded 7 Jul: late.
    hos('S3', 'shared-ownership', [rec('2026-06-01'), ack('2026-06-01'), respond('2026-06-03', 'not-upheld', 1), ...esc('2026-06-08'), ack('2026-06-08'), respond('2026-07-07', 'not-upheld', 2)]),
    // Neither group: a leaseholder, and a case logged before intake asked the tenure.
    hos('L1', 'leaseholder', [rec('2026-06-01'), ack('2026-06-01'), respond('2026-06-05', 'upheld', 1)]),
    hos('N1', null, [rec('2026-06-02'), ack('2026-06-02')]),
  ];
  const f = figures(cases);

  it('CH01: complaints received at each stage in the year per 1,000 homes (hand count)', () => {
    // LCRA stage 1 received in the year: R1 R2 R3 R4 R6 R9 = 6 of 2,000 homes; stage 2: R4 R5 = 2.
    assert.deepEqual(measure(f, 'CH01(1)', 'LCRA'), { numerator: 6, denominator: 2000, value: 3 });
    assert.deepEqual(measure(f, 'CH01(2)', 'LCRA'), { numerator: 2, denominator: 2000, value: 1 });
    // LCHO stage 1: S1 S2 S3 = 3 of 400 homes; stage 2: S3 = 1.
    assert.deepEqual(measure(f, 'CH01(1)', 'LCHO'), { numerator: 3, denominator: 400, value: 7.5 });
    assert.deepEqual(measure(f, 'CH01(2)', 'LCHO'), { numerator: 1, denominator: 400, value: 2.5 });
  });

  it('CH02: responses in the year within the Code\'s timescales, extensions within the Code in time (hand count)', () => {
    // LCRA stage 1 responses in the year: R1 in, R2 late, R3 in, R4 in, R7 in = 4 of 5; stage 2: R4 in, R5 late = 1 of 2.
    assert.deepEqual(measure(f, 'CH02(1)', 'LCRA'), { numerator: 4, denominator: 5, value: 80 });
    assert.deepEqual(measure(f, 'CH02(2)', 'LCRA'), { numerator: 1, denominator: 2, value: 50 });
    // LCHO stage 1: S1 in, S2 late, S3 in = 2 of 3; stage 2: S3 late = 0 of 1.
    assert.deepEqual(measure(f, 'CH02(1)', 'LCHO'), { numerator: 2, denominator: 3, value: 66.7 });
    assert.deepEqual(measure(f, 'CH02(2)', 'LCHO'), { numerator: 0, denominator: 1, value: 0 });
  });

  it('lists the complaints from residents in neither group, by tenure, so the totals reconcile', () => {
    assert.deepEqual(f.outsideTsm, { stage1: { leaseholder: 1, 'not-known': 1 }, stage2: {} });
  });

  it('prints each measure with its numerator and denominator', () => {
    const lines = tsmLines(f);
    assert.equal(lines.length, 8);
    assert.ok(lines.includes('CH01(1) LCRA: 3.00 per 1,000 homes (6 complaints / 2,000 homes x 1,000) - Stage one complaints received per 1,000 homes'));
    assert.ok(lines.includes('CH02(1) LCHO: 66.7% (2 of 3 responses) - Stage one complaints responded to within the Complaint Handling Code timescales'));
  });

  it('counts against the Code, not a policy with longer windows: City of London\'s uncapped extension is late for CH02', () => {
    const city = findPreset('city-of-london') as Policy;
    // Stage 1 under City of London: acknowledged 1 Jun, extended 20 working days (the policy sets no cap).
    // The Code allows 10: due 1 Jun + 10 + 10 = 29 Jun. Responded 7 Jul, within the policy's extended deadline: late for the TSM.
    const record = tenanted(makeCase('C1', [rec('2026-06-01'), ack('2026-06-01'), { type: 'extended', on: '2026-06-05', workingDays: 20, reason: 'Contractor report awaited' }, respond('2026-07-07', 'upheld', 1, {}, city)], { category: 'repairs', policy: city }), 'social-or-affordable-rent');
    const cityFigures = figures([record], city);
    assert.deepEqual(measure(cityFigures, 'CH02(1)', 'LCRA'), { numerator: 0, denominator: 1, value: 0 });
    const facts = caseFacts(record, { policy: city, calendar: calendarForPolicy(city), today: TODAY });
    assert.equal(facts.stages[0]?.respond?.onTime, 'yes', 'in time by the policy\'s own deadline');
  });

  it('with no homes in a group, its CH01 is not a number rather than a division by nought', () => {
    const none = tsmFigures([], { ...YEAR, homes: { lcra: 10, lcho: 0 }, calendar: HOS_CALENDAR });
    assert.deepEqual(none.measures.find((m) => m.id === 'CH01(1)' && m.group === 'LCHO')?.value, null);
  });
});
