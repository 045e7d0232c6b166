import { strict as assert } from 'node:assert';
import { addCalendarDays, addMonths, calendarDaysBetween, formatDate, isCalendarDate, londonDateOf } from '../../src/domain/calendar-date';

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    assert.equal(isCalendarDate('2028-02-29'), true);
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-5', '05/01/2026', '', 20260105, null]) assert.equal(isCalendarDate(bad), false, String(bad));
  });

  it('knows every day of four centuries as the calendar does, leap years and all', () => {
    // isCalendarDate counts days in months itself; the reference is a Date round trip.
    const reference = (s: string) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
    let real = 0;
    for (let year = 1900; year <= 2300; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const expected = month >= 1 && month <= 12 && day >= 1 && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && reference(s);
          assert.equal(isCalendarDate(s), expected, s);
          if (expected) real++;
        }
      }
    }
    assert.equal(real, 146_462, 'days from 1900 to 2300');
  });

  it('refuses years before 100, which the arithmetic would read as 1900-1999 (a two-digit year typed into a date field)', () => {
    for (const bad of ['0026-11-20', '0001-01-01', '0099-12-31', '0000-01-01']) assert.equal(isCalendarDate(bad), false, bad);
    assert.equal(isCalendarDate('0100-01-01'), true);
    for (let year = 0; year < 400; year++) {
      const s = `${String(year).padStart(4, '0')}-03-01`;
      assert.equal(isCalendarDate(s), year >= 100, s);
      if (year >= 100) assert.equal(addCalendarDays(s, 1), `${String(year).padStart(4, '0')}-03-02`, s);
    }
  });

  it('says a date the same way however often it is asked', () => {
    assert.equal(formatDate('2026-12-29'), 'Tue 29 Dec 2026');
    assert.equal(formatDate('2026-12-29'), 'Tue 29 Dec 2026');
    assert.equal(formatDate('2028-02-29'), 'Tue 29 Feb 2028');
    assert.throws(() => formatDate('2026-02-30x'), RangeError);
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

  it('gives the London date of every second around midnight and the clock changes, asked in turn', () => {
    // londonDateOf remembers the last minute it was asked about: each answer must still be its own.
    const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const around of ['2026-03-29T00:00:00Z', '2026-03-28T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-24T23:00:00Z', '2026-07-01T00:00:00Z']) {
      const middle = Date.parse(around);
      for (let s = -120; s <= 120; s += 1) {
        const instant = new Date(middle + s * 1000 + (s % 7) * 13);
        assert.equal(londonDateOf(instant), reference.format(instant), instant.toISOString());
      }
    }
  });

  it('counts calendar days between dates', () => {
    assert.equal(calendarDaysBetween('2026-09-11', '2026-10-11'), 30);
  });
});
