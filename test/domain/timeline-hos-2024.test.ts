import { strict as assert } from 'node:assert';
import type { CaseEvent } from '../../src/domain/case-events';
import { derive, rows, type Row } from '../support/timeline';

// Dates worked by hand; see test/calendar/working-days.test.ts for the bank holidays.
// Day 0 is the day of the event the window counts from.
describe('hos-2024 timeline (the Code)', () => {
  const base: CaseEvent[] = [
    { type: 'received', on: '2026-12-18' },     // Fri
    { type: 'acknowledged', on: '2026-12-22' }, // Tue
  ];

  const table: Array<{ name: string; events: CaseEvent[]; stage: number; state: string; deadlines: Row[] }> = [
    {
      name: 'received on a Friday before Christmas: acknowledgement due Tue 29 Dec (25 and 28 Dec are bank holidays)',
      events: [{ type: 'received', on: '2026-12-18' }],
      stage: 1, state: 'awaiting-acknowledgement',
      deadlines: [[1, 'acknowledge', '2026-12-29', null]],
    },
    {
      name: 'received on a Saturday: the Saturday is day 0, so the same due date as the Friday',
      events: [{ type: 'received', on: '2026-12-19' }],
      stage: 1, state: 'awaiting-acknowledgement',
      deadlines: [[1, 'acknowledge', '2026-12-29', null]],
    },
    {
      name: 'received on a Sunday: due the Friday after',
      events: [{ type: 'received', on: '2026-11-22' }],
      stage: 1, state: 'awaiting-acknowledgement',
      deadlines: [[1, 'acknowledge', '2026-11-27', null]],
    },
    {
      name: 'acknowledged: the response is due 10 working days after, across Christmas and New Year',
      events: base,
      stage: 1, state: 'investigating',
      deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', null]],
    },
    {
      name: 'extended by 5 working days: 8 Jan moves to 15 Jan',
      events: [...base, { type: 'extended', on: '2027-01-05', workingDays: 5, reason: 'Waiting for the contractor\'s report' }],
      stage: 1, state: 'investigating',
      // The resident is to be told of the extension: 1 working day from Tue 5 Jan, Wed 6 Jan.
      deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-15', null], [1, 'tell-resident', '2027-01-06', null]],
    },
    {
      name: 'extended to the cap of 10 in two steps',
      events: [...base,
        { type: 'extended', on: '2027-01-05', workingDays: 5, reason: 'Contractor report' },
        { type: 'extended', on: '2027-01-12', workingDays: 5, reason: 'Second survey' }],
      stage: 1, state: 'investigating',
      // One reminder to tell the resident runs for both extensions, from the first (Tue 5 Jan: Wed 6 Jan).
      deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-22', null], [1, 'tell-resident', '2027-01-06', null]],
    },
    {
      name: 'responded late: the deadline records when it was met',
      events: [...base, { type: 'responded', on: '2027-01-11', outcome: 'partly-upheld' }],
      stage: 1, state: 'responded',
      deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', '2027-01-11']],
    },
    {
      name: 'escalated: stage 2 acknowledgement due 5 working days after the request, response 20 after acknowledgement',
      events: [...base,
        { type: 'responded', on: '2027-01-07', outcome: 'not-upheld' },
        { type: 'escalation-requested', on: '2027-01-20' }, // Wed
        { type: 'acknowledged', on: '2027-01-25' }],        // Mon
      stage: 2, state: 'investigating',
      deadlines: [
        [1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', '2027-01-07'],
        [2, 'acknowledge', '2027-01-27', '2027-01-25'], [2, 'respond', '2027-02-22', null],
      ],
    },
    {
      name: 'stage 2 extension at its cap of 20',
      events: [...base,
        { type: 'responded', on: '2027-01-07', outcome: 'not-upheld' },
        { type: 'escalation-requested', on: '2027-01-20' },
        { type: 'acknowledged', on: '2027-01-25' },
        { type: 'extended', on: '2027-02-15', workingDays: 20, reason: 'Independent surveyor' }],
      stage: 2, state: 'investigating',
      // 22 Feb + 20 working days: 23-26 Feb (4), 1-5 Mar (9), 8-12 (14), 15-19 (19), 22 Mar (20).
      deadlines: [
        [1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', '2027-01-07'],
        [2, 'acknowledge', '2027-01-27', '2027-01-25'], [2, 'respond', '2027-03-22', null],
        [2, 'tell-resident', '2027-02-16', null], // extension on Mon 15 Feb: tell the resident by Tue 16 Feb
      ],
    },
    {
      name: 'paused over Christmas: the running response deadline moves by the 6 working days paused',
      events: [
        { type: 'received', on: '2026-12-14' },
        { type: 'acknowledged', on: '2026-12-15' }, // respond due Thu 31 Dec
        { type: 'paused', on: '2026-12-23', reason: 'Mediation agreed with the resident', complainantConsented: true },
        { type: 'resumed', on: '2027-01-05' }],     // 24, 29, 30, 31 Dec, 4, 5 Jan paused
      stage: 1, state: 'investigating',
      deadlines: [[1, 'acknowledge', '2026-12-21', '2026-12-15'], [1, 'respond', '2027-01-11', null]],
    },
    {
      name: 'paused before acknowledgement: the acknowledgement deadline moves by the 2 working days paused',
      events: [
        { type: 'received', on: '2026-12-14' },     // ack due Mon 21 Dec
        { type: 'paused', on: '2026-12-16', reason: 'Mediation', complainantConsented: true },
        { type: 'resumed', on: '2026-12-18' }],     // 17, 18 Dec paused
      stage: 1, state: 'awaiting-acknowledgement',
      deadlines: [[1, 'acknowledge', '2026-12-23', null]],
    },
    {
      name: 'a deadline already missed when the pause starts stays missed',
      events: [
        { type: 'received', on: '2026-12-14' },     // ack due Mon 21 Dec, missed
        { type: 'paused', on: '2026-12-22', reason: 'Mediation', complainantConsented: true },
        { type: 'resumed', on: '2026-12-30' }],
      stage: 1, state: 'awaiting-acknowledgement',
      deadlines: [[1, 'acknowledge', '2026-12-21', null]],
    },
    {
      name: 'withdrawn: deadlines stop where they were',
      events: [...base, { type: 'withdrawn', on: '2027-01-04', why: 'Resident confirmed by email; email saved to the file' }],
      stage: 1, state: 'withdrawn',
      deadlines: [[1, 'acknowledge', '2026-12-29', '2026-12-22'], [1, 'respond', '2027-01-08', null]],
    },
  ];

  for (const row of table) {
    it(row.name, () => {
      const result = derive('hos-2024', row.events);
      assert.deepEqual(rows(result), row.deadlines);
      assert.ok(result.ok);
      assert.equal(result.view.stage, row.stage);
      assert.equal(result.view.state, row.state);
    });
  }
});
