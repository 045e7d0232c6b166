import { strict as assert } from 'node:assert';
import { SendFailedError, sendFailureOf, withSendRetry } from '../../src/reminders/send-retry';
import { VirtualTime } from './support/virtual-time';

/** An error shaped like the Bot Connector's RestError. */
function restError(statusCode: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`status ${statusCode}`), { statusCode, response: { status: statusCode, headers: new Headers(headers) } });
}

/** A send that fails with the given errors in turn, then succeeds. */
function flaky(...errors: Error[]) {
  const calls: number[] = [];
  return {
    calls,
    send: async (time: VirtualTime) => {
      calls.push(time.now().getTime());
      const err = errors.shift();
      if (err) throw err;
      return 'sent';
    },
  };
}

describe('reminders: retrying a failed send', () => {
  const start = '2026-12-24T09:00:00.000Z';
  const options = (time: VirtualTime, stopInMs = 8 * 60_000) => ({
    attempts: 4, baseDelayMs: 2000, now: time.now, sleep: time.sleep, stopBy: new Date(time.now().getTime() + stopInMs), random: () => 0,
  });

  it('waits exactly as long as a 429\'s Retry-After says', async () => {
    const time = new VirtualTime(start);
    const s = flaky(restError(429, { 'retry-after': '7' }));
    assert.equal(await withSendRetry(() => s.send(time), options(time)), 'sent');
    assert.deepEqual(time.sleeps, [7000]);
  });

  it('backs off exponentially on 5xx and dropped connections', async () => {
    const time = new VirtualTime(start);
    const s = flaky(restError(503), restError(502), Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    assert.equal(await withSendRetry(() => s.send(time), options(time)), 'sent');
    assert.deepEqual(time.sleeps, [2000, 4000, 8000]);
  });

  it('does not retry 403 or 404: the person cannot be reached that way', async () => {
    for (const status of [403, 404]) {
      const time = new VirtualTime(start);
      const s = flaky(restError(status));
      await assert.rejects(withSendRetry(() => s.send(time), options(time)), (err: unknown) => err instanceof SendFailedError && err.failure.status === status && err.attempts === 1);
      assert.equal(s.calls.length, 1);
    }
  });

  it('gives up after the last attempt, saying how many there were', async () => {
    const time = new VirtualTime(start);
    const s = flaky(...Array.from({ length: 10 }, () => restError(500)));
    await assert.rejects(withSendRetry(() => s.send(time), options(time)), (err: unknown) => err instanceof SendFailedError && err.attempts === 4 && /after 4 attempts/.test(err.message));
    assert.equal(s.calls.length, 4);
  });

  it('never waits past the end of the claim\'s lease', async () => {
    const time = new VirtualTime(start);
    const s = flaky(restError(429, { 'retry-after': '600' }));
    await assert.rejects(withSendRetry(() => s.send(time), options(time, 5 * 60_000)), (err: unknown) => err instanceof SendFailedError && /lease/.test(err.message));
    assert.deepEqual(time.sleeps, []);
  });

  it('reads Retry-After as seconds, as an HTTP date, or as retry-after-ms', () => {
    const now = new Date('2026-12-24T09:00:00Z');
    assert.equal(sendFailureOf(restError(429, { 'retry-after': '3' }), now).retryAfterMs, 3000);
    assert.equal(sendFailureOf(restError(429, { 'retry-after': 'Thu, 24 Dec 2026 09:00:10 GMT' }), now).retryAfterMs, 10_000);
    assert.equal(sendFailureOf(restError(503, { 'retry-after-ms': '250' }), now).retryAfterMs, 250);
    assert.deepEqual(sendFailureOf(new Error('boom'), now), { status: undefined, retryAfterMs: undefined, message: 'boom' });
    assert.equal(sendFailureOf(Object.assign(new Error('graph'), { statusCode: 404 }), now).status, 404);
  });
});
