import assert from 'node:assert/strict';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { addCalendarDays } from '../../src/domain/calendar-date';
import { createWorkingDayCalendar } from '../../src/domain/working-days';
import { findPreset } from '../../src/policies/preset-registry';
import type { Policy } from '../../src/domain/policy';
import { memoCalendar } from '../../src/reports/memo-calendar';

describe('memoCalendar: the calendar\'s own answers, from tables', () => {
  const policy = findPreset('hos-2024') as Policy;
  const closures = ['2026-12-29', '2026-12-30', '2026-12-31'];
  const calendar = createWorkingDayCalendar((year) => (year === 2026 ? ['2026-04-03', '2026-04-06', '2026-05-04', '2026-12-25', '2026-12-28'] : [`${year}-01-01`]), closures);
  const memo = memoCalendar(calendar);
  // Every day from late 2025 to early 2028: year ends, bank holidays, closures, weekends.
  const days = Array.from({ length: 820 }, (_, i) => addCalendarDays('2025-11-20', i));

  it('says the same working days', () => {
    for (const d of days) assert.equal(memo.isWorkingDay(d), calendar.isWorkingDay(d), d);
  });

  it('counts the same working days between any two dates, either way round', () => {
    for (let i = 0; i < days.length; i += 29) {
      for (let j = 0; j < days.length; j += 11) {
        const a = days[i] as string;
        const b = days[j] as string;
        assert.equal(memo.workingDaysBetween(a, b), calendar.workingDaysBetween(a, b), `${a}..${b}`);
        assert.equal(memo.workingDaysUntil(a, b), calendar.workingDaysUntil(a, b), `until ${a}..${b}`);
      }
    }
  });

  it('adds the same working days, from working and non-working days, across years', () => {
    for (const d of days) {
      for (const n of [0, 1, 2, 5, 10, 20, 40, 300]) assert.equal(memo.addWorkingDays(d, n), calendar.addWorkingDays(d, n), `${d} + ${n}`);
    }
  });

  it('refuses a bad number of days as the calendar does, and leaves dates outside its tables to the calendar', () => {
    assert.throws(() => memo.addWorkingDays('2026-03-02', -1), RangeError);
    assert.throws(() => memo.addWorkingDays('2026-03-02', 1.5), RangeError);
    assert.equal(memo.workingDaysBetween('1970-01-01', '1970-02-01'), calendar.workingDaysBetween('1970-01-01', '1970-02-01'));
    assert.equal(memo.addWorkingDays('2199-12-30', 5), calendar.addWorkingDays('2199-12-30', 5));
  });

  it('reads only the years asked about from the calendar, and counts the same when a later year is asked first', () => {
    const asked = new Set<number>();
    const counted = createWorkingDayCalendar((year) => { asked.add(year); return [`${year}-01-01`, `${year}-12-25`]; });
    const fresh = memoCalendar(counted);
    // 2027 first: the years before it are then counted back from it.
    assert.equal(fresh.workingDaysBetween('2027-03-01', '2027-03-31'), counted.workingDaysBetween('2027-03-01', '2027-03-31'));
    assert.equal(fresh.workingDaysBetween('2024-11-15', '2027-02-10'), counted.workingDaysBetween('2024-11-15', '2027-02-10'));
    assert.equal(fresh.workingDaysUntil('2026-12-20', '2025-01-02'), counted.workingDaysUntil('2026-12-20', '2025-01-02'));
    assert.equal(fresh.addWorkingDays('2024-12-20', 10), counted.addWorkingDays('2024-12-20', 10));
    assert.deepEqual([...asked].filter((y) => y < 2024), [], 'no year before the earliest date asked about');
  });

  it('agrees with a policy\'s real calendar (bank holidays of its nation) over the demo\'s years', () => {
    const real = calendarForPolicy(policy);
    const fast = memoCalendar(real);
    assert.equal(memoCalendar(fast), fast, 'wrapping twice gives the same calendar');
    for (let i = 0; i < 900; i += 5) {
      const a = addCalendarDays('2025-01-01', i);
      for (const n of [1, 5, 10, 20]) assert.equal(fast.addWorkingDays(a, n), real.addWorkingDays(a, n));
      const b = addCalendarDays(a, (i * 7) % 61);
      assert.equal(fast.workingDaysBetween(a, b), real.workingDaysBetween(a, b));
    }
  });
});
