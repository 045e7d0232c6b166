import { strict as assert } from 'node:assert';
import { Pacer, RateBucket, TEAMS_RATES } from '../../src/reminders/pacer';
import { interleaveBy, runPool } from '../../src/reminders/work-pool';
import { VirtualTime } from './support/virtual-time';

/** Most sends in any window [t, t + windowMs) of a sorted list of send times. */
function mostInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('reminders: pacing sends under Teams\' limits', () => {
  it('a bucket lets a burst through, then one message per interval', () => {
    const b = new RateBucket({ burst: 3, perSecond: 2 });
    const at: number[] = [];
    for (let i = 0; i < 6; i++) { const t = b.earliest(0); b.take(t); at.push(t); }
    assert.deepEqual(at, [0, 0, 0, 500, 1000, 1500]);
    assert.equal(b.earliest(10_000), 10_000, 'full again after a quiet spell');
  });

  it('keeps every conversation within 7/1 s, 8/2 s and 60/30 s, and the tenant within 50/s, for 600 reminders to 30 people', async () => {
    const time = new VirtualTime('2026-12-24T09:00:00Z');
    const pacer = new Pacer(time.now, time.sleep);
    const sent = new Map<string, number[]>();
    const all: number[] = [];
    // Uneven: person 0 gets 100, the rest share 500; spread and run 8 at a time, as a sweep does.
    const people = interleaveBy(Array.from({ length: 600 }, (_, i) => (i < 100 ? 'p0' : `p${1 + (i % 29)}`)), (p) => p);
    await runPool(people, 8, undefined, async (p) => {
      await pacer.wait(p);
      const t = time.now().getTime();
      all.push(t);
      sent.set(p, [...(sent.get(p) ?? []), t]);
    });
    all.sort((a, b) => a - b);
    assert.equal(all.length, 600);
    assert.ok(mostInWindow(all, 1000) <= 50, `tenant: ${mostInWindow(all, 1000)} in a second`);
    for (const [p, times] of sent) {
      times.sort((a, b) => a - b);
      assert.ok(mostInWindow(times, 1000) <= 7, `${p}: ${mostInWindow(times, 1000)} in 1 s`);
      assert.ok(mostInWindow(times, 2000) <= 8, `${p}: ${mostInWindow(times, 2000)} in 2 s`);
      assert.ok(mostInWindow(times, 30_000) <= 60, `${p}: ${mostInWindow(times, 30_000)} in 30 s`);
    }
    // Paced, not stalled: p0's 100 take about 96 / 1.8 = 53 s, and the others are not held up
    // behind them (each of the 29 has had all 17 or 18 of theirs by 15 s).
    const span = (all.at(-1)! - all[0]!) / 1000;
    assert.ok(span > 50 && span < 60, `took ${span} s of virtual time`);
    for (const [p, times] of sent) if (p !== 'p0') assert.ok(times.at(-1)! - all[0]! < 15_000, `${p} finished at ${(times.at(-1)! - all[0]!) / 1000} s`);
  });

  it('interleaves each person\'s items, keeping their order', () => {
    assert.deepEqual(interleaveBy(['a1', 'a2', 'a3', 'b1', 'c1', 'b2'], (s) => s[0]!), ['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('sends a small batch at once, without sleeping', async () => {
    const time = new VirtualTime('2026-12-24T09:00:00Z');
    const pacer = new Pacer(time.now, time.sleep);
    for (let i = 0; i < TEAMS_RATES.perConversation.burst; i++) await pacer.wait('alex');
    for (let i = 0; i < TEAMS_RATES.perTenant.burst - TEAMS_RATES.perConversation.burst; i++) await pacer.wait(`person-${i}`);
    assert.deepEqual(time.sleeps, []);
    await pacer.wait('one-too-many');
    assert.equal(time.sleeps.length, 1, 'the tenant\'s burst is used up');
  });

  it('stops waiting when the sweep is aborted', async () => {
    const time = new VirtualTime('2026-12-24T09:00:00Z');
    const pacer = new Pacer(time.now, time.sleep, { perConversation: { burst: 1, perSecond: 0.001 }, perTenant: TEAMS_RATES.perTenant });
    await pacer.wait('alex');
    const abort = new AbortController();
    const waiting = pacer.wait('alex', abort.signal);
    abort.abort();
    await assert.rejects(waiting, /abort/i);
  });
});
