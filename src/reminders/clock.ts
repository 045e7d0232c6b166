import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time, injected: the sweep, the pacer and the retries read `now` and wait through these, so
 * tests can run a day of reminders, or a fan-out paced over minutes, in milliseconds.
 */
export type Now = () => Date;
/** Waits `ms`; rejects with an AbortError when `signal` aborts (the app is closing). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = async (ms, signal) => {
  await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
};
