import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseRecord } from '../../src/domain/case-record';
import type { Policy } from '../../src/domain/policy';
import { findPreset } from '../../src/policies/preset-registry';
import { makeCase, respond } from './fixtures';

/**
 * Scottish cases under the spso-model preset (stage 1: a response in 5 working days from
 * receipt, extendable; stage 2: acknowledged in 3, decided in 20 working days from receipt),
 * built by hand around October 2026, which has no Scottish bank holiday. Working days:
 * Sep 21-25, 28-30; Oct 1-2, 5-9, 12-16, 19-23, 26-30; Nov 2-6, 9-13.
 * Expected figures for October are worked out in test/reports/shr-return.test.ts.
 */
export const SPSO = findPreset('spso-model') as Policy;
export const SPSO_CALENDAR = calendarForPolicy(SPSO);
export const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
export const SCOTTISH_TODAY = '2026-12-15';

const opts = (category: string) => ({ category, policy: SPSO });
const s1 = (on: string) => [{ type: 'received' as const, on }, { type: 'assigned' as const, on, officerId: 'alex.morgan' }];
const escalate = (on: string) => [{ type: 'escalation-requested' as const, on }, { type: 'assigned' as const, on, officerId: 'priya.shah' }];

export function octoberCases(): CaseRecord[] {
  return [
    // A: stage 1 Thu 1 Oct, due Thu 8 Oct; responded Tue 6 Oct: in time, 3 working days (2, 5, 6).
    makeCase('SC-2026-00001', [...s1('2026-10-01'), respond('2026-10-06', 'upheld', 1, {}, SPSO)], opts('repairs')),
    // B: stage 1 Mon 5 Oct, due Mon 12 Oct; responded Wed 14 Oct: late, 7 working days (6-9, 12-14).
    //    Escalated Thu 15 Oct: stage 2 received then, due Thu 12 Nov; responded Tue 10 Nov, after October.
    makeCase('SC-2026-00002', [
      ...s1('2026-10-05'), respond('2026-10-14', 'not-upheld', 1, {}, SPSO),
      ...escalate('2026-10-15'), { type: 'acknowledged', on: '2026-10-16' }, respond('2026-11-10', 'partly-upheld', 2, {}, SPSO),
    ], opts('damp-mould')),
    // C: received directly at stage 2 on Mon 19 Oct (complex); responded Fri 30 Oct: in time, 9 working days (20-23, 26-30).
    makeCase('SC-2026-00003', [
      { type: 'received', on: '2026-10-19', stage: 2 }, { type: 'assigned', on: '2026-10-19', officerId: 'priya.shah' },
      { type: 'acknowledged', on: '2026-10-20' }, respond('2026-10-30', 'upheld', 2, {}, SPSO),
    ], opts('repairs')),
    // D: stage 1 Mon 28 Sep, due Mon 5 Oct, extended by 5 to Mon 12 Oct; responded Fri 9 Oct:
    //    in time after the extension, 9 working days (29, 30, 1, 2, 5-9). Open when October began: carried forward.
    makeCase('SC-2026-00004', [
      ...s1('2026-09-28'), { type: 'extended', on: '2026-10-01', workingDays: 5, reason: 'The contractor\'s report is due on 8 October' },
      respond('2026-10-09', 'not-upheld', 1, {}, SPSO),
    ], opts('repairs')),
    // E: stage 1 Tue 22 Sep, responded Tue 29 Sep: all before October, in no October figure.
    makeCase('SC-2026-00005', [...s1('2026-09-22'), respond('2026-09-29', 'upheld', 1, {}, SPSO)], opts('communication')),
    // F: stage 1 Wed 23 Sep, withdrawn Fri 25 Sep: not open when October began.
    makeCase('SC-2026-00006', [...s1('2026-09-23'), { type: 'withdrawn', on: '2026-09-25', why: 'Resolved by a phone call' }], opts('communication')),
    // G: stage 1 Tue 27 Oct, still open on the report date: received, not responded to.
    makeCase('SC-2026-00007', s1('2026-10-27'), opts('asb')),
    // H: refused in October: not a complaint taken, in no figure.
    makeCase('SC-2026-00008', [{ type: 'refused', on: '2026-10-07', why: 'Out of time' }], opts('asb')),
    // I: stage 1 Mon 21 Sep, responded Fri 25 Sep (before October). Escalated Thu 1 Oct: stage 2 due
    //    Thu 29 Oct (20 working days: 2, 5-9, 12-16, 19-23, 26-29); responded Thu 29 Oct, on the day: in time, 20 working days.
    makeCase('SC-2026-00009', [
      ...s1('2026-09-21'), respond('2026-09-25', 'not-upheld', 1, {}, SPSO),
      ...escalate('2026-10-01'), { type: 'acknowledged', on: '2026-10-02' }, respond('2026-10-29', 'not-upheld', 2, {}, SPSO),
    ], opts('repairs')),
  ];
}
