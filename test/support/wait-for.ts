// Taken when this module loads, before any test installs sinon's fake timers: a wait for
// another process or for real I/O runs on real time even while a test fakes the clock.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** What `waitFor` resolves with: the condition's value, once truthy. */
export type Truthy<T> = Exclude<T, false | 0 | 0n | '' | null | undefined>;

export interface WaitForOptions {
  /** Gives up after this long, in real time. */
  timeoutMs: number;
  /** What is awaited, for the failure message ("the bot to answer /healthz"); a function is called on failure, for detail such as a child's output. */
  what: string | (() => string);
  /** How often the condition is checked. Default 10 ms. */
  intervalMs?: number;
}

/**
 * Waits until `condition` returns a truthy value and resolves with it. For what another
 * process or real I/O produces (a child process's output, a server coming up, a message
 * reaching a fake connector or the Agents Playground); not for time passing in the code under
 * test: fake the clock for that (sinon.useFakeTimers). Rejects with "timed out after N ms
 * waiting for <what>" (the condition is checked once more at the timeout), or with whatever
 * the condition throws, e.g. to give up at once when a child process has exited.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions): Promise<Truthy<T>> {
  const { timeoutMs, what, intervalMs = 10 } = options;
  let timedOut = false;
  const timer = realSetTimeout(() => { timedOut = true; }, timeoutMs);
  try {
    for (;;) {
      const expired = timedOut;
      const value = await condition();
      if (value) return value as Truthy<T>;
      if (expired) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
      await new Promise((resolve) => realSetTimeout(resolve, intervalMs));
    }
  } finally {
    realClearTimeout(timer);
  }
}
