import type { Sleep } from '../../../src/reminders/clock';

/**
 * A clock for the sweep that only moves when something sleeps: each sleep is queued by its
 * wake-up time and released in that order, with the clock set to it, once everything
 * runnable has run (setImmediate). So a pacing that would take minutes takes milliseconds,
 * and every wake-up sees the time it asked for.
 */
export class VirtualTime {
  private t: number;
  private readonly waiting: Array<{ at: number; resolve: () => void }> = [];
  private pump: NodeJS.Immediate | undefined;
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[] = [];

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  readonly now = (): Date => new Date(this.t);

  set(instant: Date | string): void {
    this.t = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.t += ms;
  }

  readonly sleep: Sleep = (ms, signal) => new Promise<void>((resolve, reject) => {
    if (signal?.aborted) { reject(signal.reason); return; }
    this.sleeps.push(ms);
    const onAbort = () => {
      const i = this.waiting.indexOf(entry);
      if (i >= 0) this.waiting.splice(i, 1);
      reject(signal?.reason);
    };
    const entry = { at: this.t + Math.max(0, ms), resolve: () => { signal?.removeEventListener('abort', onAbort); resolve(); } };
    this.waiting.push(entry);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.pump ??= setImmediate(() => this.release());
  });

  private release(): void {
    this.pump = undefined;
    this.waiting.sort((a, b) => a.at - b.at);
    const next = this.waiting.shift();
    if (!next) return;
    this.t = Math.max(this.t, next.at);
    next.resolve();
    if (this.waiting.length) this.pump = setImmediate(() => this.release());
  }
}
