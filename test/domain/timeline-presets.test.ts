import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { derive, rows, type Row } from '../support/timeline';

// Every date below is worked by hand from the calendar (England & Wales bank holidays
// listed in test/calendar/working-days.test.ts); day 0 is the day the window counts from.
interface Scenario { name: string; policy: string; events: CaseEvent[]; stage: number; state: string; deadlines: Row[] }

const colStage1: CaseEvent[] = [
  { type: 'informal-opened', on: '2026-08-24' },  // Mon; resolve in 5 working days: 25-28 Aug, (31 Aug bank holiday), 1 Sep
  { type: 'received', on: '2026-08-28' },         // Fri; ack 2 wd: 1, 2 Sep; respond 10 wd: 1-4, 7-11, 14 Sep
  { type: 'acknowledged', on: '2026-09-01' },
];

const scenarios: Scenario[] = [
  // ---- city-of-london (seed 000): informal stage, three formal stages, no acknowledgement after stage 1
  {
    name: 'city-of-london: the informal stage gets a one-week target that skips the late-August bank holiday',
    policy: 'city-of-london', events: [colStage1[0]!], stage: 0, state: 'informal',
    deadlines: [[0, 'resolve', '2026-09-01', null]],
  },
  {
    name: 'city-of-london: stage 1 acknowledgement in 2 working days and response in 10 from receipt',
    policy: 'city-of-london', events: colStage1, stage: 1, state: 'investigating',
    deadlines: [[0, 'resolve', '2026-09-01', '2026-08-28'], [1, 'acknowledge', '2026-09-02', '2026-09-01'], [1, 'respond', '2026-09-14', null]],
  },
  {
    name: 'city-of-london: mediation pauses the clock (4 and 7-10 Sep) and it restarts on resumption',
    policy: 'city-of-london',
    events: [...colStage1, { type: 'paused', on: '2026-09-03', reason: 'Referred to mediation with consent', complainantConsented: true }, { type: 'resumed', on: '2026-09-10' }],
    stage: 1, state: 'investigating',
    deadlines: [[0, 'resolve', '2026-09-01', '2026-08-28'], [1, 'acknowledge', '2026-09-02', '2026-09-01'], [1, 'respond', '2026-09-21', null]],
  },
  {
    name: 'city-of-london: a longer investigation may set a revised target beyond 10 days (no cap)',
    policy: 'city-of-london',
    events: [...colStage1, { type: 'extended', on: '2026-09-10', workingDays: 15, reason: 'Needs a structural survey' }],
    stage: 1, state: 'investigating',
    // 14 Sep + 15 wd: 15-18 (4), 21-25 (9), 28 Sep-2 Oct (14), 5 Oct (15)
    // Tell the resident of the revised target: Thu 10 Sep + 1 working day.
    deadlines: [[0, 'resolve', '2026-09-01', '2026-08-28'], [1, 'acknowledge', '2026-09-02', '2026-09-01'], [1, 'respond', '2026-10-05', null], [1, 'tell-resident', '2026-09-11', null]],
  },
  {
    name: 'city-of-london: stage 2 (10 from receipt, no acknowledgement) then stage 3 (15 from receipt)',
    policy: 'city-of-london',
    events: [...colStage1,
      { type: 'responded', on: '2026-09-11', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2026-10-05' },  // Mon; 6-9 Oct (4), 12-16 (9), 19 Oct
      { type: 'responded', on: '2026-10-16', outcome: 'partly-upheld' },
      { type: 'escalation-requested', on: '2026-11-10' }], // Tue; 11-13 (3), 16-20 (8), 23-27 (13), 30 Nov, 1 Dec
    stage: 3, state: 'investigating',
    deadlines: [
      [0, 'resolve', '2026-09-01', '2026-08-28'], [1, 'acknowledge', '2026-09-02', '2026-09-01'], [1, 'respond', '2026-09-14', '2026-09-11'],
      [2, 'respond', '2026-10-19', '2026-10-16'], [3, 'respond', '2026-12-01', null],
    ],
  },
  {
    name: 'city-of-london: a complaint about an AHM goes straight to stage 2',
    policy: 'city-of-london', events: [{ type: 'received', on: '2026-10-05', stage: 2 }], stage: 2, state: 'investigating',
    deadlines: [[2, 'respond', '2026-10-19', null]],
  },
  {
    name: 'city-of-london: an escalation after the 30 days is accepted when a reason is recorded',
    policy: 'city-of-london',
    events: [...colStage1, { type: 'responded', on: '2026-09-11', outcome: 'upheld' },
      { type: 'escalation-requested', on: '2026-10-12', lateAcceptanceReason: 'Resident was in hospital' }], // Mon; 13-16 (4), 19-23 (9), 26 Oct
    stage: 2, state: 'investigating',
    deadlines: [[0, 'resolve', '2026-09-01', '2026-08-28'], [1, 'acknowledge', '2026-09-02', '2026-09-01'], [1, 'respond', '2026-09-14', '2026-09-11'], [2, 'respond', '2026-10-26', null]],
  },
  // ---- landlord-web-2021 (seed 001): stage 0 without a target, 10 + 10, then 20 + 10
  {
    name: 'landlord-web-2021: stage 1 response in 10 working days across Easter 2026, extended by 10 by agreement',
    policy: 'landlord-web-2021',
    events: [{ type: 'informal-opened', on: '2026-03-30' }, { type: 'received', on: '2026-04-01' }, // Wed; 2 Apr, (3-6 Easter), 7-10, 13-17
      { type: 'extended', on: '2026-04-15', workingDays: 10, reason: 'Resident agreed: awaiting heating engineer', complainantAgreed: true }], // 20-24, 27-30, 1 May
    stage: 1, state: 'investigating',
    deadlines: [[1, 'respond', '2026-05-01', null], [1, 'tell-resident', '2026-04-16', null]], // told by Thu 16 Apr
  },
  {
    name: 'landlord-web-2021: stage 2 review in 20 working days, skipping the spring bank holiday',
    policy: 'landlord-web-2021',
    events: [{ type: 'received', on: '2026-04-01' }, { type: 'responded', on: '2026-04-16', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2026-05-05' }], // Tue; 6-8 (3), 11-15 (8), 18-22 (13), (25 bank holiday), 26-29 (17), 1-3 Jun
    stage: 2, state: 'investigating',
    deadlines: [[1, 'respond', '2026-04-17', '2026-04-16'], [2, 'respond', '2026-06-03', null]],
  },
  // ---- herefordshire-2021 (seed 002): ack 5, respond 10, 28 calendar days to escalate, stage 2 in 20
  {
    name: 'herefordshire-2021: acknowledgement and response across Easter 2027',
    policy: 'herefordshire-2021', events: [{ type: 'received', on: '2027-03-22' }], // Mon; 23-25, (26-29 Easter), 30, 31 | 1, 2, 5, 6, 7 Apr
    stage: 1, state: 'awaiting-acknowledgement',
    deadlines: [[1, 'acknowledge', '2027-03-31', null], [1, 'respond', '2027-04-07', null]],
  },
  {
    name: 'herefordshire-2021: escalation with the resident\'s reason goes to the Complaints Team (20 wd, early May bank holiday skipped)',
    policy: 'herefordshire-2021',
    events: [{ type: 'received', on: '2027-03-22' }, { type: 'acknowledged', on: '2027-03-24' },
      { type: 'responded', on: '2027-04-06', outcome: 'not-upheld' },
      { type: 'escalation-requested', on: '2027-04-20', why: 'The repair has still not been done' }], // Tue; 21-23 (3), 26-30 (8), (3 May), 4-7 (12), 10-14 (17), 17-19
    stage: 2, state: 'investigating',
    deadlines: [[1, 'acknowledge', '2027-03-31', '2027-03-24'], [1, 'respond', '2027-04-07', '2027-04-06'], [2, 'respond', '2027-05-19', null]],
  },
  // ---- briefing note 2024 (seed 003): interim and new rules
  {
    name: 'briefing-interim-2024: response 10 working days from receipt, extension for a third party\'s delay',
    policy: 'briefing-interim-2024',
    events: [{ type: 'received', on: '2026-12-18' }, // 10 wd: 6 Jan 2027
      { type: 'extended', on: '2027-01-04', workingDays: 10, reason: 'Awaiting the gas contractor\'s records', reasonCategory: 'third-party' }], // 7, 8, 11-15, 18-20 Jan
    stage: 1, state: 'investigating',
    deadlines: [[1, 'respond', '2027-01-20', null], [1, 'tell-resident', '2027-01-05', null]], // told by Tue 5 Jan
  },
  {
    name: 'briefing-interim-2024: stage 2 response 10 working days from receipt of the escalation',
    policy: 'briefing-interim-2024',
    events: [{ type: 'received', on: '2026-12-18' }, { type: 'responded', on: '2027-01-05', outcome: 'upheld' },
      { type: 'escalation-requested', on: '2027-01-21' }], // Thu; 22, 25-29, 1-4 Feb
    stage: 2, state: 'investigating',
    deadlines: [[1, 'respond', '2027-01-06', '2027-01-05'], [2, 'respond', '2027-02-04', null]],
  },
  {
    name: 'briefing-new-2024: acknowledgement 5 from receipt, response 10 from acknowledgement',
    policy: 'briefing-new-2024',
    events: [{ type: 'received', on: '2026-12-18' }, { type: 'acknowledged', on: '2026-12-22' }],
    stage: 1, state: 'investigating',
    deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', null]],
  },
  // ---- council-draft-response (seed 004): draft in 5, comments 5, final decision 5 after
  {
    name: 'council-draft-response: acknowledgement starts the 10-day target and the 5-day draft step',
    policy: 'council-draft-response',
    events: [{ type: 'received', on: '2026-11-23' }, { type: 'acknowledged', on: '2026-11-24' }], // Tue; draft 25-27, 30, 1 Dec; respond ... 8 Dec
    stage: 1, state: 'investigating',
    deadlines: [[1, 'acknowledge', '2026-11-30', '2026-11-24'], [1, 'respond', '2026-12-08', null], [1, 'draft', '2026-12-01', null]],
  },
  {
    name: 'council-draft-response: the draft opens a 5-day comment window and a final decision 5 days after it',
    policy: 'council-draft-response',
    events: [{ type: 'received', on: '2026-11-23' }, { type: 'acknowledged', on: '2026-11-24' },
      { type: 'draft-issued', on: '2026-11-30' },       // comments until 7 Dec (1-4, 7); final by 14 Dec (8-11, 14)
      { type: 'comments-received', on: '2026-12-03' },
      { type: 'responded', on: '2026-12-10', outcome: 'upheld' }],
    stage: 1, state: 'responded',
    deadlines: [
      [1, 'acknowledge', '2026-11-30', '2026-11-24'], [1, 'respond', '2026-12-08', '2026-12-10'], [1, 'draft', '2026-12-01', '2026-11-30'],
      [1, 'comment-window', '2026-12-07', '2026-12-03'], [1, 'final-decision', '2026-12-14', '2026-12-10'],
    ],
  },
];

describe('preset timelines', () => {
  for (const s of scenarios) {
    it(s.name, () => {
      const result = derive(s.policy, s.events);
      assert.deepEqual(rows(result), s.deadlines);
      assert.ok(result.ok);
      assert.equal(result.view.stage, s.stage);
      assert.equal(result.view.state, s.state);
    });
  }

  it('city-of-london: the escalation window closes 30 calendar days after the response', () => {
    const result = derive('city-of-london', [...colStage1, { type: 'responded', on: '2026-09-11', outcome: 'not-upheld' }]);
    assert.ok(result.ok);
    assert.equal(result.view.escalationWindowCloses, '2026-10-11');
  });
});
