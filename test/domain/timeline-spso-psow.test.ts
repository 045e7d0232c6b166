import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import type { CaseEvent } from '../../src/domain/case-events';
import { findPreset } from '../../src/policies/preset-registry';
import { derive, rows, type Row } from '../support/timeline';

/*
 * The 2026-27 calendars, written out by hand (GOV.UK's lists; day of the week from 1 Jan 2026
 * being a Thursday and 1 Jan 2027 a Friday):
 *
 * Scotland 2026: Thu 1 Jan, Fri 2 Jan, Good Friday 3 Apr (no Easter Monday), Mon 4 May,
 *   Mon 25 May, Mon 3 Aug (1 Aug is a Saturday: the first Monday), Mon 30 Nov (St Andrew's Day),
 *   Fri 25 Dec, Mon 28 Dec (Boxing Day falls on a Saturday).
 * Scotland 2027: Fri 1 Jan, Mon 4 Jan (2 January falls on a Saturday), Good Friday 26 Mar,
 *   Mon 3 May, Mon 31 May, Mon 2 Aug, Tue 30 Nov, Mon 27 and Tue 28 Dec.
 *   Working days in Scotland but not in England: Easter Monday (6 Apr 2026, 29 Mar 2027),
 *   Mon 31 Aug 2026.
 * Wales (England and Wales) 2026: Thu 1 Jan, Fri 3 Apr, Mon 6 Apr, Mon 4 May, Mon 25 May,
 *   Mon 31 Aug, Fri 25 Dec, Mon 28 Dec. 2027: Fri 1 Jan, Fri 26 Mar, Mon 29 Mar, Mon 3 May,
 *   Mon 31 May, Mon 30 Aug, Mon 27 and Tue 28 Dec. Not holidays in Wales: 2 Jan, Mon 3 Aug 2026,
 *   St Andrew's Day, Mon 4 Jan 2027.
 *
 * Day 0 is the day a window counts from; each comment counts the working days after it.
 */
const SCOTTISH_HOLIDAYS = ['2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28'];
const SCOTTISH_WORKING = ['2026-04-06', '2026-08-31', '2027-03-29', '2027-08-30'];
const WELSH_HOLIDAYS = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'];
const WELSH_WORKING = ['2026-01-02', '2026-08-03', '2026-11-30', '2027-01-04', '2027-08-02'];

describe('the Scottish and Welsh model presets run on their own nations\' calendars', () => {
  const spso = calendarForPolicy(findPreset('spso-model')!);
  const psow = calendarForPolicy(findPreset('psow-model')!);
  it('spso-model: every Scottish bank holiday of 2026 and 2027 is a non-working day, Easter Monday and late August are working days', () => {
    for (const d of SCOTTISH_HOLIDAYS) assert.equal(spso.isWorkingDay(d), false, d);
    for (const d of SCOTTISH_WORKING) assert.equal(spso.isWorkingDay(d), true, d);
  });
  it('psow-model: every Welsh bank holiday of 2026 and 2027 is a non-working day, the Scottish-only ones are working days', () => {
    for (const d of WELSH_HOLIDAYS) assert.equal(psow.isWorkingDay(d), false, d);
    for (const d of WELSH_WORKING) assert.equal(psow.isWorkingDay(d), true, d);
  });
});

interface Scenario { name: string; policy: string; events: CaseEvent[]; stage: number; state: string; deadlines: Row[] }

const scenarios: Scenario[] = [
  // ---- spso-model: frontline response in 5 working days, investigation acknowledged in 3 and decided in 20
  {
    name: 'spso-model: the frontline response is due in 5 working days, skipping St Andrew\'s Day',
    policy: 'spso-model', events: [{ type: 'received', on: '2026-11-25' }], // Wed; Thu 26 (1), Fri 27 (2), [Mon 30 Nov], Tue 1 (3), Wed 2 (4), Thu 3 Dec (5)
    stage: 1, state: 'investigating',
    deadlines: [[1, 'respond', '2026-12-03', null]],
  },
  {
    name: 'spso-model: an exceptional extension of 5 more working days takes stage 1 to 10 in all',
    policy: 'spso-model',
    events: [{ type: 'received', on: '2026-11-25' }, { type: 'extended', on: '2026-12-01', workingDays: 5, reason: 'The contractor\'s report is due on 8 December' }],
    stage: 1, state: 'investigating',
    // Thu 3 Dec + 5: Fri 4 (1), Mon 7 (2), Tue 8 (3), Wed 9 (4), Thu 10 (5). Tell the resident by Wed 2 Dec.
    deadlines: [[1, 'respond', '2026-12-10', null], [1, 'tell-resident', '2026-12-02', null]],
  },
  {
    name: 'spso-model: Easter Monday is a working day in Scotland (stage 1 received the day before Good Friday 2027)',
    policy: 'spso-model', events: [{ type: 'received', on: '2027-03-25' }], // Thu; [Fri 26 Good Friday], Mon 29 (1), Tue 30 (2), Wed 31 (3), Thu 1 Apr (4), Fri 2 Apr (5)
    stage: 1, state: 'investigating',
    deadlines: [[1, 'respond', '2027-04-02', null]],
  },
  {
    name: 'spso-model: stage 2 over Christmas and New Year, with the 2 January substitute on Mon 4 Jan 2027',
    policy: 'spso-model',
    events: [{ type: 'received', on: '2026-12-07' }, { type: 'responded', on: '2026-12-11', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2026-12-21' }], // Mon
    stage: 2, state: 'awaiting-acknowledgement',
    // Stage 1: Mon 7 Dec + 5: 8, 9, 10, 11, Mon 14 Dec; met Fri 11.
    // Acknowledge: Tue 22 (1), Wed 23 (2), Thu 24 (3).
    // Respond: 22, 23, 24 (3), [25, 28 Dec], 29, 30, 31 (6), [1 Jan, Mon 4 Jan], 5-8 (10), 11-15 (15), 18-22 (20): Fri 22 Jan.
    deadlines: [[1, 'respond', '2026-12-14', '2026-12-11'], [2, 'acknowledge', '2026-12-24', null], [2, 'respond', '2027-01-22', null]],
  },
  {
    name: 'spso-model: a complex complaint starts at stage 2; the first Monday of August is a holiday, the last is not',
    policy: 'spso-model', events: [{ type: 'received', on: '2026-07-31', stage: 2 }, { type: 'acknowledged', on: '2026-08-05' }], // Fri
    stage: 2, state: 'investigating',
    // Acknowledge: [Mon 3 Aug], Tue 4 (1), Wed 5 (2), Thu 6 (3); met Wed 5.
    // Respond: 4-7 (4), 10-14 (9), 17-21 (14), 24-28 (19), Mon 31 Aug (20).
    deadlines: [[2, 'acknowledge', '2026-08-06', '2026-08-05'], [2, 'respond', '2026-08-31', null]],
  },
  {
    name: 'spso-model: a longer investigation at stage 2 has no cap (30 more working days, the customer told why)',
    policy: 'spso-model',
    events: [{ type: 'received', on: '2026-07-31', stage: 2 }, { type: 'acknowledged', on: '2026-08-05' },
      { type: 'extended', on: '2026-08-20', workingDays: 30, reason: 'Independent structural engineer\'s report needed' }],
    stage: 2, state: 'investigating',
    // Mon 31 Aug + 30: Sep 1-4 (4), 7-11 (9), 14-18 (14), 21-25 (19), 28 Sep-2 Oct (24), 5-9 Oct (29), Mon 12 Oct (30).
    // Tell the resident: Thu 20 Aug + 1 = Fri 21 Aug.
    deadlines: [[2, 'acknowledge', '2026-08-06', '2026-08-05'], [2, 'respond', '2026-10-12', null], [2, 'tell-resident', '2026-08-21', null]],
  },
  // ---- psow-model: informal resolution in 10 working days, formal investigation acknowledged in 5 and answered in 20
  {
    name: 'psow-model: informal resolution in 10 working days, skipping the late-August bank holiday',
    policy: 'psow-model', events: [{ type: 'received', on: '2026-08-26' }], // Wed; 27, 28 (2), [Mon 31 Aug], 1-4 Sep (6), 7-10 Sep (10)
    stage: 1, state: 'investigating',
    deadlines: [[1, 'respond', '2026-09-10', null]],
  },
  {
    name: 'psow-model: the formal investigation over Christmas, with Mon 4 Jan 2027 a working day in Wales',
    policy: 'psow-model',
    events: [{ type: 'received', on: '2026-11-27' }, { type: 'responded', on: '2026-12-09', outcome: 'partly-upheld' },
      { type: 'escalation-requested', on: '2026-12-18' }, { type: 'acknowledged', on: '2026-12-22' }], // Fri 18 Dec
    stage: 2, state: 'investigating',
    // Stage 1: Fri 27 Nov + 10: Mon 30 Nov (a working day in Wales) (1), 1-4 Dec (5), 7-11 Dec (10): Fri 11 Dec; met Wed 9.
    // Acknowledge: 21, 22, 23, 24 (4), [25, 28 Dec], Tue 29 (5); met Tue 22.
    // Respond: 21-24 (4), 29, 30, 31 (7), [Fri 1 Jan], Mon 4 (8), 5-8 (12), 11-15 (17), 18, 19, 20 (20): Wed 20 Jan.
    deadlines: [[1, 'respond', '2026-12-11', '2026-12-09'], [2, 'acknowledge', '2026-12-29', '2026-12-22'], [2, 'respond', '2027-01-20', null]],
  },
  {
    name: 'psow-model: a complex complaint starts at stage 2 over Easter 2027 (Good Friday and Easter Monday)',
    policy: 'psow-model', events: [{ type: 'received', on: '2027-03-24', stage: 2 }], // Wed
    stage: 2, state: 'awaiting-acknowledgement',
    // Acknowledge: Thu 25 (1), [26, 29 Mar], Tue 30 (2), Wed 31 (3), Thu 1 Apr (4), Fri 2 Apr (5).
    // Respond: 25 (1), 30, 31, 1, 2 (5), 5-9 Apr (10), 12-16 (15), 19-23 (20): Fri 23 Apr.
    deadlines: [[2, 'acknowledge', '2027-04-02', null], [2, 'respond', '2027-04-23', null]],
  },
  {
    name: 'psow-model: a formal investigation that will take longer gets a new date, without a cap',
    policy: 'psow-model',
    events: [{ type: 'received', on: '2027-03-24', stage: 2 }, { type: 'acknowledged', on: '2027-03-25' },
      { type: 'extended', on: '2027-04-20', workingDays: 15, reason: 'Three other households to interview' }],
    stage: 2, state: 'investigating',
    // Fri 23 Apr + 15: 26-30 Apr (5), [Mon 3 May], 4-7 May (9), 10-14 (14), Mon 17 May (15). Tell by Wed 21 Apr.
    deadlines: [[2, 'acknowledge', '2027-04-02', '2027-03-25'], [2, 'respond', '2027-05-17', null], [2, 'tell-resident', '2027-04-21', null]],
  },
];

describe('deadline tables for the SPSO and PSOW model presets, 2026-27', () => {
  for (const s of scenarios) {
    it(s.name, () => {
      const result = derive(s.policy, s.events);
      assert.deepEqual(rows(result), s.deadlines);
      if (!result.ok) return;
      assert.equal(result.view.stage, s.stage);
      assert.equal(result.view.state, s.state);
    });
  }
});

describe('what the SPSO and PSOW model presets refuse', () => {
  it('spso-model: a stage 1 extension beyond 10 working days in all', () => {
    const result = derive('spso-model', [{ type: 'received', on: '2026-11-25' }, { type: 'extended', on: '2026-12-01', workingDays: 6, reason: 'Survey' }]);
    assert.ok(!result.ok);
    assert.equal(result.code, 'CASE.EXTENSION_OVER_CAP');
    assert.match(result.message, /capped at 5 working days in all/);
  });

  it('psow-model: any extension at the informal stage (what is not resolved goes to stage 2)', () => {
    const result = derive('psow-model', [{ type: 'received', on: '2026-08-26' }, { type: 'extended', on: '2026-09-01', workingDays: 1, reason: 'Survey' }]);
    assert.ok(!result.ok);
    assert.equal(result.code, 'CASE.EXTENSION_OVER_CAP');
  });

  for (const policy of ['spso-model', 'psow-model']) {
    it(`${policy}: a pause (the model agrees a new date instead)`, () => {
      const result = derive(policy, [{ type: 'received', on: '2026-11-25' }, { type: 'paused', on: '2026-11-26', reason: 'Mediation', complainantConsented: true }]);
      assert.ok(!result.ok);
      assert.equal(result.code, 'CASE.PAUSE_NOT_ALLOWED');
    });
  }

  it('spso-model: a complaint more than six months after the issue, unless the reason for accepting it is recorded', () => {
    // Issue on 10 May 2026: the last day to complain is 10 Nov 2026.
    assert.ok(derive('spso-model', [{ type: 'received', on: '2026-11-10', issueOccurredOn: '2026-05-10' }]).ok);
    const late = derive('spso-model', [{ type: 'received', on: '2026-11-11', issueOccurredOn: '2026-05-10' }]);
    assert.ok(!late.ok);
    assert.equal(late.code, 'CASE.OUT_OF_TIME');
    assert.match(late.message, /within 6 months of the issue \(by 2026-11-10\)/);
    assert.ok(derive('spso-model', [{ type: 'received', on: '2026-11-11', issueOccurredOn: '2026-05-10', lateAcceptanceReason: 'Only found out on 1 November' }]).ok);
  });

  it('after stage 2 the resident is sent to the nation\'s ombudsman, never the Housing Ombudsman', () => {
    for (const [policy, ombudsman] of [['spso-model', 'Scottish Public Services Ombudsman'], ['psow-model', 'Public Services Ombudsman for Wales']] as const) {
      const result = derive(policy, [
        { type: 'received', on: '2027-03-24', stage: 2 }, { type: 'acknowledged', on: '2027-03-25' },
        { type: 'responded', on: '2027-04-20', outcome: 'not-upheld' }, { type: 'escalation-requested', on: '2027-04-21' },
      ]);
      assert.ok(!result.ok);
      assert.equal(result.code, 'CASE.NO_FURTHER_STAGE');
      assert.match(result.message, new RegExp(`the resident can now go to the ${ombudsman}\\.`));
      assert.doesNotMatch(result.message, /Housing Ombudsman/);
    }
  });
});
