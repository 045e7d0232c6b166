import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import { ReminderSweeper, type SweepReport } from '../../src/reminders/reminder-sweep';
import { ReminderTimer } from '../../src/reminders/reminder-timer';
import { ALEX } from '../support/bot-driver';
import { waitFor } from '../support/wait-for';
import { cardsSince, logComplaint, startReminderApp, type ReminderApp } from './support/reminder-app';

const SECRET = 'a-long-scheduler-secret-0123456789';
const silent = pino({ level: 'silent' });

describe('reminders: POST /api/reminders/run and the in-process timer', function () {
  this.timeout(30_000);
  let r: ReminderApp | undefined;
  // The timer tests fake setTimeout/clearTimeout only: the clock moves when the test ticks
  // it, while HTTP, SQLite and the app's own (injected) clock carry on as usual.
  let clock: sinon.SinonFakeTimers | undefined;
  const fakeTimers = () => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(async () => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
    await r?.stop();
    r = undefined;
  });

  const run = (auth?: string) => fetch(`${r!.app.url}/api/reminders/run`, { method: 'POST', headers: auth ? { authorization: auth } : {} });

  it('is off (404) when no REMINDER_RUN_SECRET is set', async () => {
    r = await startReminderApp('2026-12-24T10:00:00.000Z');
    assert.equal((await run(`Bearer ${SECRET}`)).status, 404);
  });

  it('refuses a missing or wrong secret (401) and runs the sweep for the right one', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z', { reminders: { sweepSeconds: 0, workingHours: { start: '09:00', end: '17:00' }, runSecret: SECRET } });
    await r.driver.say(ALEX, 'help');
    await logComplaint(r, ALEX, '2026-12-21');
    r.setTime('2026-12-24T10:00:00.000Z');
    for (const auth of [undefined, 'Bearer wrong-secret-but-long-enough', `Basic ${SECRET}`, `Bearer ${SECRET}x`]) {
      const res = await run(auth);
      assert.equal(res.status, 401, String(auth));
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    }
    assert.deepEqual(cardsSince(r.connector, 0).filter((c) => c.headline.includes('working days')), [], 'nothing ran');
    const res = await run(`Bearer ${SECRET}`);
    assert.equal(res.status, 200);
    const report = await res.json() as { today: string; counts: { sent: number } };
    assert.equal(report.today, '2026-12-24');
    assert.equal(report.counts.sent, 1);
    // Two schedulers at once: one sweep, not two.
    const [a, b] = await Promise.all([run(`Bearer ${SECRET}`), run(`Bearer ${SECRET}`)]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    assert.equal(cardsSince(r.connector, 0).filter((c) => c.headline.includes('working days')).length, 1);
  });

  it('runs on its own every REMINDER_SWEEP_SECONDS, not before, and stops on close()', async () => {
    const runs = sinon.spy(ReminderSweeper.prototype, 'run');
    const timers = fakeTimers();
    r = await startReminderApp('2026-12-21T10:00:00.000Z', { reminders: { sweepSeconds: 300, workingHours: { start: '09:00', end: '17:00' }, runSecret: undefined } });
    await r.driver.say(ALEX, 'help');
    await logComplaint(r, ALEX, '2026-12-21');
    r.setTime('2026-12-24T10:00:00.000Z');

    await timers.tickAsync(300_000 - 1);
    assert.equal(runs.callCount, 0, 'no sweep before REMINDER_SWEEP_SECONDS have passed');
    await timers.tickAsync(1);
    assert.equal(runs.callCount, 1, 'a sweep once they have');
    const first = await runs.firstCall.returnValue as SweepReport;
    assert.equal(first.counts.sent, 1);
    assert.ok(cardsSince(r.connector, 0).some((c) => c.headline.includes('2 working days')), 'the timer sent the reminder');

    await timers.tickAsync(300_000 - 1);
    assert.equal(runs.callCount, 1);
    await timers.tickAsync(1);
    assert.equal(runs.callCount, 2, 'and again after another interval');
    assert.equal((await runs.secondCall.returnValue as SweepReport).counts.sent, 0, 'the reminder is not sent twice');

    // close() returns while the clock stands still: it does not wait for the next tick.
    const app = r;
    r = undefined;
    let closed = false;
    const closing = app.stop().then(() => { closed = true; });
    await waitFor(() => closed, { timeoutMs: 3000, what: 'close() to return without the clock moving on to the next tick' });
    await closing;
    await timers.tickAsync(10 * 300_000);
    assert.equal(runs.callCount, 2, 'no sweep after close()');
  });

  it('fires after exactly the interval, never overlaps a slow sweep with the next, and runs no more after stop()', async () => {
    const timers = fakeTimers();
    const INTERVAL = 60_000;
    const SLOW = 90_000; // a sweep that takes longer than the interval
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const timer = new ReminderTimer(async () => {
      started.push(timers.now);
      most = Math.max(most, ++running);
      await new Promise((res) => setTimeout(res, SLOW));
      running--;
    }, INTERVAL / 1000, silent).start();
    assert.equal(timer.isScheduled, true);

    await timers.tickAsync(INTERVAL - 1);
    assert.deepEqual(started, [], 'not before the interval');
    await timers.tickAsync(1);
    assert.deepEqual(started, [INTERVAL], 'after exactly the interval');
    assert.equal(timer.isScheduled, false, 'nothing is scheduled while a sweep runs');

    // The next sweep waits for the slow one to finish, then for a whole interval.
    await timers.tickAsync(SLOW + INTERVAL - 1);
    assert.deepEqual(started, [INTERVAL]);
    await timers.tickAsync(1);
    assert.deepEqual(started, [INTERVAL, INTERVAL + SLOW + INTERVAL]);

    // stop() during a sweep waits for it to finish, and nothing runs after.
    let stopped = false;
    const stopping = timer.stop().then(() => { stopped = true; });
    await timers.tickAsync(SLOW - 1);
    assert.equal(stopped, false, 'stop() waits for the running sweep');
    await timers.tickAsync(1);
    await stopping;
    assert.equal(stopped, true);
    await timers.tickAsync(10 * INTERVAL);
    assert.equal(started.length, 2, 'no sweep after stop()');
    assert.equal(most, 1, 'never two at once');
    assert.equal(timers.countTimers(), 0, 'nothing left scheduled');
    assert.equal(new ReminderTimer(async () => undefined, 0, silent).start().isScheduled, false, '0 turns it off');
  });

  it('does not keep a process alive on its own (unref)', () => {
    const script = `const { ReminderTimer } = require(${JSON.stringify(path.resolve(__dirname, '../../src/reminders/reminder-timer.ts'))});
      new ReminderTimer(async () => undefined, 3600, { info() {}, error() {} }).start();`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { timeout: 15_000 });
    assert.equal(child.status, 0, child.stderr.toString());
    assert.equal(child.signal, null, 'it exited by itself, not by the timeout');
  });
});
