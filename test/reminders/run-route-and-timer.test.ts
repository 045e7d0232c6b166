import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { ReminderTimer } from '../../src/reminders/reminder-timer';
import { ALEX } from '../support/bot-driver';
import { cardsSince, logComplaint, startReminderApp, type ReminderApp } from './support/reminder-app';

const SECRET = 'a-long-scheduler-secret-0123456789';
const silent = pino({ level: 'silent' });

describe('reminders: POST /api/reminders/run and the in-process timer', function () {
  this.timeout(30_000);
  let r: ReminderApp | undefined;
  afterEach(async () => { await r?.stop(); r = undefined; });

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

  it('runs on its own every REMINDER_SWEEP_SECONDS, and stops on close()', async () => {
    r = await startReminderApp('2026-12-21T10:00:00.000Z', { reminders: { sweepSeconds: 1, workingHours: { start: '09:00', end: '17:00' }, runSecret: undefined } });
    await r.driver.say(ALEX, 'help');
    await logComplaint(r, ALEX, '2026-12-21');
    r.setTime('2026-12-24T10:00:00.000Z');
    const deadline = Date.now() + 5000;
    while (!cardsSince(r.connector, 0).some((c) => c.headline.includes('2 working days')) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
    assert.ok(cardsSince(r.connector, 0).some((c) => c.headline.includes('2 working days')), 'the timer sent the reminder');
    const started = Date.now();
    await r.stop();
    r = undefined;
    assert.ok(Date.now() - started < 3000, 'close() does not wait for the next tick');
  });

  it('never overlaps a slow sweep with the next, and runs no more after stop()', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const timer = new ReminderTimer(async () => {
      calls++;
      most = Math.max(most, ++running);
      await new Promise((res) => setTimeout(res, 40));
      running--;
    }, 0.01, silent).start();
    await new Promise((res) => setTimeout(res, 300));
    await timer.stop();
    const after = calls;
    await new Promise((res) => setTimeout(res, 100));
    assert.ok(after >= 3, `${after} sweeps`);
    assert.equal(most, 1);
    assert.equal(calls, after);
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
