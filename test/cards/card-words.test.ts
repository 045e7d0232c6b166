import { strict as assert } from 'node:assert';
import { bannerOf, formatDate, formatInstant } from '../../src/cards/card-text';

// One way of saying dates and times on every card (issue 21): "Thu 3 Dec 2026", London time.
describe('card words: dates, times and banners', () => {
  it('dates read "Thu 3 Dec 2026" whatever the time zone of the machine', () => {
    assert.equal(formatDate('2026-12-03'), 'Thu 3 Dec 2026');
    assert.equal(formatDate('2027-03-28'), 'Sun 28 Mar 2027');
  });

  it('times are London time: GMT in winter, BST in summer, and the date is London\'s too', () => {
    assert.equal(formatInstant('2026-11-23T10:00:00.000Z'), 'Mon 23 Nov 2026 at 10:00');
    assert.equal(formatInstant('2026-07-01T09:30:00.000Z'), 'Wed 1 Jul 2026 at 10:30');
    // 23:30 UTC on 30 June is already 1 July in London.
    assert.equal(formatInstant('2026-06-30T23:30:00.000Z'), 'Wed 1 Jul 2026 at 00:30');
  });

  it('a success is shown in the good style; a plain message is a warning', () => {
    assert.deepEqual(bannerOf({ text: 'Saved.', tone: 'good' }), { banner: 'Saved.', bannerStyle: 'good' });
    assert.deepEqual(bannerOf('This case has changed.'), { banner: 'This case has changed.', bannerStyle: 'warning' });
  });
});
