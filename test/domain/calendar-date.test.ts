import { strict as assert } from 'node:assert';
import { addMonths, calendarDaysBetween, isCalendarDate, londonDateOf } from '../../src/domain/calendar-date';

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    assert.equal(isCalendarDate('2028-02-29'), true);
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '', 20260105, null]) assert.equal(isCalendarDate(bad), false, String(bad));
  });

  it('adds months, clamping to the end of a shorter month', () => {
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-02-28', 6), '2026-08-28');
    assert.equal(addMonths('2025-11-30', 12), '2026-11-30');
  });

  it('gives the London date of an instant, across British Summer Time', () => {
    assert.equal(londonDateOf(new Date('2026-06-30T23:30:00Z')), '2026-07-01'); // BST: 00:30 on 1 July
    assert.equal(londonDateOf(new Date('2026-12-31T23:30:00Z')), '2026-12-31'); // GMT
  });

  it('counts calendar days between dates', () => {
    assert.equal(calendarDaysBetween('2026-09-11', '2026-10-11'), 30);
  });
});
