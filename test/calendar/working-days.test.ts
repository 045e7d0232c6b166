import { strict as assert } from 'node:assert';
import { ukBankHolidays } from '../../src/calendar/uk-bank-holidays';
import { createWorkingDayCalendar } from '../../src/domain/working-days';

// Expected dates are worked out by hand from the GOV.UK bank-holiday lists:
// England & Wales 2026: 1 Jan, 3 Apr, 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day substitute)
// England & Wales 2027: 1 Jan, 26 Mar, 29 Mar, 3 May, 31 May, 30 Aug, 27 Dec and 28 Dec (substitutes)
const ENGLAND_AND_WALES = {
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('working-day calendar', () => {
  const england = createWorkingDayCalendar(ukBankHolidays('england-and-wales'));
  const scotland = createWorkingDayCalendar(ukBankHolidays('scotland'));
  const northernIreland = createWorkingDayCalendar(ukBankHolidays('northern-ireland'));

  describe('England and Wales bank holidays', () => {
    for (const [year, dates] of Object.entries(ENGLAND_AND_WALES)) {
      it(`treats every ${year} bank holiday, substitute days included, as a non-working day`, () => {
        for (const d of dates) assert.equal(england.isWorkingDay(d), false, d);
      });
    }
    it('keeps observances such as Mother\'s Day out (a Sunday anyway) and ordinary weekdays in', () => {
      for (const d of ['2026-12-24', '2026-12-29', '2027-01-04', '2026-04-02', '2026-04-07']) assert.equal(england.isWorkingDay(d), true, d);
    });
  });

  const table: Array<[string, ReturnType<typeof createWorkingDayCalendar>, string, number, string]> = [
    ['returns the Monday when 1 day is added on a Saturday (day 0 is the Saturday)', england, '2026-12-19', 1, '2026-12-21'],
    ['returns the Monday when 1 day is added on a Sunday', england, '2026-11-22', 1, '2026-11-23'],
    ['returns the same date when 0 days are added', england, '2026-12-19', 0, '2026-12-19'],
    ['skips Christmas Day and the Boxing Day substitute Monday (5 days from Fri 18 Dec 2026)', england, '2026-12-18', 5, '2026-12-29'],
    ['skips Christmas and New Year (10 days from Fri 18 Dec 2026)', england, '2026-12-18', 10, '2027-01-06'],
    ['skips Good Friday and Easter Monday 2027 (3 days from Wed 24 Mar)', england, '2027-03-24', 3, '2027-03-31'],
    ['skips the late-August bank holiday (1 day from Fri 28 Aug 2026)', england, '2026-08-28', 1, '2026-09-01'],
    ['Scotland: skips St Andrew\'s Day (Mon 30 Nov 2026)', scotland, '2026-11-27', 1, '2026-12-01'],
    ['England: 30 Nov 2026 is a working day', england, '2026-11-27', 1, '2026-11-30'],
    ['Scotland: skips 1 Jan and the 2 January substitute on Mon 4 Jan 2027', scotland, '2026-12-31', 1, '2027-01-05'],
    ['Scotland: Easter Monday is a working day (1 day from Good Friday 2027)', scotland, '2027-03-26', 1, '2027-03-29'],
    ['Northern Ireland: skips the Battle of the Boyne substitute Monday 13 Jul 2026', northernIreland, '2026-07-10', 1, '2026-07-14'],
    ['Northern Ireland: skips St Patrick\'s Day (Wed 17 Mar 2027)', northernIreland, '2027-03-16', 1, '2027-03-18'],
  ];
  for (const [name, cal, from, n, expected] of table) {
    it(name, () => assert.equal(cal.addWorkingDays(from, n), expected));
  }

  it('skips the landlord\'s own closure days as well as bank holidays', () => {
    const closedOverChristmas = createWorkingDayCalendar(ukBankHolidays('england-and-wales'), ['2026-12-24', '2026-12-29', '2026-12-30', '2026-12-31']);
    // 21, 22, 23 Dec, then closed until Mon 4 Jan (4th working day), Tue 5 Jan (5th).
    assert.equal(closedOverChristmas.addWorkingDays('2026-12-18', 5), '2027-01-05');
  });

  it('counts working days d with from < d <= to', () => {
    // 29, 30, 31 Dec and 4 Jan: Christmas, Boxing Day substitute, New Year and weekends excluded.
    assert.equal(england.workingDaysBetween('2026-12-24', '2027-01-04'), 4);
    assert.equal(england.workingDaysBetween('2027-01-04', '2026-12-24'), 0);
    assert.equal(england.workingDaysBetween('2026-12-21', '2026-12-21'), 0);
  });

  it('says how many working days are left, negative when overdue', () => {
    assert.equal(england.workingDaysUntil('2026-12-24', '2026-12-30'), 2);
    assert.equal(england.workingDaysUntil('2026-12-30', '2026-12-24'), -2);
  });

  it('refuses a negative or fractional number of working days', () => {
    assert.throws(() => england.addWorkingDays('2026-12-18', -1), /whole number/);
    assert.throws(() => england.addWorkingDays('2026-12-18', 1.5), /whole number/);
  });
});
