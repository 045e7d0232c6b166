import { strict as assert } from 'node:assert';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { addCalendarDays } from '../../src/domain/calendar-date';
import { DEFAULT_REMINDERS } from '../../src/domain/policy';
import {
  currentReminderPoint, isMissed, isReminderTime, isRemindable, londonTimeOf, pointBefore, reminderHorizon, reminderPointKey,
} from '../../src/domain/reminder-schedule';
import { findPreset } from '../../src/policies/preset-registry';

const calendar = calendarForPolicy(findPreset('hos-2024')!);
const settings = DEFAULT_REMINDERS;
// Christmas 2026 in England: Fri 25 Dec and Mon 28 Dec (Boxing Day's substitute) are bank
// holidays, and so is Fri 1 Jan 2027.
const DUE = '2026-12-30'; // a Wednesday

/** The current point's key on each day from `from` for `days` days. */
function keysByDay(due: string, from: string, days: number, s = settings): Array<[string, string | null]> {
  return Array.from({ length: days }, (_, i) => {
    const today = addCalendarDays(from, i);
    const p = currentReminderPoint(due, today, s, calendar);
    return [today, p ? reminderPointKey(due, p) : null];
  });
}

describe('reminders: the schedule of reminder points (pure)', () => {
  it('counts "before" points in working days, skipping the weekend and both Christmas bank holidays', () => {
    assert.equal(pointBefore(DUE, 0, calendar), '2026-12-30');
    assert.equal(pointBefore(DUE, 1, calendar), '2026-12-29');
    assert.equal(pointBefore(DUE, 2, calendar), '2026-12-24');
    // Due on a Saturday: "on the day" is the Friday before.
    assert.equal(pointBefore('2026-11-28', 0, calendar), '2026-11-27');
    assert.equal(pointBefore('2026-11-28', 1, calendar), '2026-11-26');
  });

  it('names the latest point reached on each day; a day off repeats the last one (same key: nothing new to send)', () => {
    assert.deepEqual(keysByDay(DUE, '2026-12-22', 15), [
      ['2026-12-22', null],
      ['2026-12-23', null],
      ['2026-12-24', '2026-12-30:before-2'],
      ['2026-12-25', '2026-12-30:before-2'], // bank holiday
      ['2026-12-26', '2026-12-30:before-2'],
      ['2026-12-27', '2026-12-30:before-2'],
      ['2026-12-28', '2026-12-30:before-2'], // substitute bank holiday
      ['2026-12-29', '2026-12-30:before-1'],
      ['2026-12-30', '2026-12-30:before-0'],
      ['2026-12-31', '2026-12-30:overdue-1'],
      ['2027-01-01', '2026-12-30:overdue-1'], // New Year's Day
      ['2027-01-02', '2026-12-30:overdue-1'],
      ['2027-01-03', '2026-12-30:overdue-1'],
      ['2027-01-04', '2026-12-30:overdue-2'],
      ['2027-01-05', '2026-12-30:overdue-3'],
    ]);
  });

  it('after an outage gives only the latest point, so the missed ones are never sent one by one', () => {
    // Down from 23 Dec to 5 Jan: one key on return, not before-2, before-1, before-0, overdue-1, -2 and -3.
    assert.equal(reminderPointKey(DUE, currentReminderPoint(DUE, '2027-01-05', settings, calendar)!), '2026-12-30:overdue-3');
    // With sparse points the latest one can be days old: it is sent late, once.
    const sparse = { workingDaysBefore: [5], dailyWhenOverdue: false };
    assert.deepEqual(currentReminderPoint(DUE, '2026-12-29', sparse, calendar), { id: 'before-5', on: '2026-12-21' });
    assert.deepEqual(currentReminderPoint(DUE, '2027-01-05', sparse, calendar), { id: 'before-5', on: '2026-12-21' });
    assert.equal(currentReminderPoint(DUE, '2026-12-18', sparse, calendar), null);
  });

  it('keys points by due date, so an extension re-arms the reminders', () => {
    const extended = calendar.addWorkingDays(DUE, 5);
    assert.notEqual(reminderPointKey(extended, { id: 'before-2' }), reminderPointKey(DUE, { id: 'before-2' }));
    assert.equal(currentReminderPoint(extended, '2026-12-31', settings, calendar), null);
  });

  it('has no points when the policy turns reminders off', () => {
    assert.equal(currentReminderPoint(DUE, '2027-01-05', { workingDaysBefore: [], dailyWhenOverdue: false }, calendar), null);
  });

  it('calls a deadline missed only once a working day has passed since it was due', () => {
    assert.equal(isMissed(DUE, '2026-12-30', calendar), false);
    assert.equal(isMissed(DUE, '2026-12-31', calendar), true);
    assert.equal(isMissed('2026-11-27', '2026-11-28', calendar), false, 'due Friday, today Saturday: not yet');
    assert.equal(isMissed('2026-11-27', '2026-11-30', calendar), true);
  });

  it('looks far enough ahead for the earliest point, weekend and holiday deadlines included', () => {
    assert.equal(reminderHorizon('2026-12-24', settings, calendar), '2026-12-30', 'Thu 24 Dec + 2 working days, up to the day before the 3rd');
    assert.equal(reminderHorizon('2026-11-27', { workingDaysBefore: [0], dailyWhenOverdue: true }, calendar), '2026-11-29');
    for (const today of ['2026-12-24', '2026-12-29', '2026-11-27']) {
      const horizon = reminderHorizon(today, settings, calendar);
      assert.ok(currentReminderPoint(horizon, today, settings, calendar), `a deadline due ${horizon} has a point on ${today}`);
      assert.equal(currentReminderPoint(addCalendarDays(horizon, 1), today, settings, calendar), null, `nothing beyond ${horizon} on ${today}`);
    }
  });

  it('does not remind the officer of the resident\'s comment window, nor of a met deadline', () => {
    assert.equal(isRemindable({ kind: 'comment-window', metOn: null }), false);
    assert.equal(isRemindable({ kind: 'respond', metOn: '2026-12-01' }), false);
    assert.equal(isRemindable({ kind: 'final-decision', metOn: null }), true);
  });

  it('sends only in working hours, Europe/London (GMT and BST), on working days', () => {
    const hours = { start: '09:00', end: '17:00' };
    assert.equal(isReminderTime(new Date('2026-12-24T08:59:00Z'), hours, calendar), false);
    assert.equal(isReminderTime(new Date('2026-12-24T09:00:00Z'), hours, calendar), true);
    assert.equal(isReminderTime(new Date('2026-12-24T16:59:59Z'), hours, calendar), true);
    assert.equal(isReminderTime(new Date('2026-12-24T17:00:00Z'), hours, calendar), false);
    assert.equal(isReminderTime(new Date('2026-12-25T10:00:00Z'), hours, calendar), false, 'Christmas Day');
    assert.equal(isReminderTime(new Date('2026-12-26T10:00:00Z'), hours, calendar), false, 'Saturday');
    // Summer: 09:00 in London is 08:00 UTC.
    assert.equal(londonTimeOf(new Date('2026-07-01T08:00:00Z')), '09:00');
    assert.equal(isReminderTime(new Date('2026-07-01T07:59:00Z'), hours, calendar), false);
    assert.equal(isReminderTime(new Date('2026-07-01T08:00:00Z'), hours, calendar), true);
    assert.equal(isReminderTime(new Date('2026-07-01T16:00:00Z'), hours, calendar), false);
    // The local demo's hours: all day, and with anyDay also at the weekend.
    assert.equal(isReminderTime(new Date('2026-12-26T23:59:00Z'), { start: '00:00', end: '24:00' }, calendar), false);
    assert.equal(isReminderTime(new Date('2026-12-26T23:59:00Z'), { start: '00:00', end: '24:00' }, calendar, { anyDay: true }), true);
  });
});
