import type { Now, Sleep } from './clock';

/**
 * Teams throttles bots per conversation (7 messages in 1 s, 8 in 2 s, 60 in 30 s) and per
 * tenant (about 50 a second across all conversations). A morning fan-out of hundreds of
 * reminders would hit both; this spaces them out instead of collecting 429s.
 *
 * A token bucket per conversation and one for the whole tenant, kept as GCRA ("theoretical
 * arrival time"). A message goes at the first instant both allow, and both are charged at
 * that instant, never ahead of time: a slot reserved for the future would hold up every
 * other conversation behind one busy person. Waiters re-check when they wake, so keep
 * them few (the sweep runs 8 at a time, interleaving people). Per process: several
 * instances each pace themselves, and a 429 with Retry-After (honoured by the send retry)
 * covers the rest.
 */
export interface Rate {
  /** Messages that may go at once after a quiet spell. */
  burst: number;
  /** Sustained messages per second. */
  perSecond: number;
}

/**
 * Under Teams' limits, with room for the bot's replies to people in the meantime: about 5
 * messages in any second, 7 in 2 s and 57 in 30 s to one conversation, 45 a second in all
 * (test/reminders/pacer.test.ts checks 7/1 s, 8/2 s, 60/30 s and 50/s). The hourly limit
 * (1,800 to one conversation) is not paced: no one has that many reminders in an hour.
 */
export const TEAMS_RATES = {
  perConversation: { burst: 4, perSecond: 1.8 } satisfies Rate,
  perTenant: { burst: 10, perSecond: 35 } satisfies Rate,
};

export class RateBucket {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private tat = Number.NEGATIVE_INFINITY;

  constructor(rate: Rate) {
    this.intervalMs = 1000 / rate.perSecond;
    this.toleranceMs = (rate.burst - 1) * this.intervalMs;
  }

  /** The earliest instant (ms) at or after `now` that a message conforms. */
  earliest(now: number): number {
    const at = this.tat - this.toleranceMs;
    return at <= now + 0.01 ? now : at; // 0.01 ms: floating-point dust from adding up intervals
  }

  /** Charges the bucket for a message sent at `at` (non-decreasing). */
  take(at: number): void {
    this.tat = Math.max(this.tat, at) + this.intervalMs;
  }

  /** Nothing owed: forgetting the bucket changes nothing. */
  isIdle(now: number): boolean {
    return this.tat <= now;
  }
}

export class Pacer {
  private readonly tenant: RateBucket;
  private readonly conversations = new Map<string, RateBucket>();

  constructor(private readonly now: Now, private readonly sleep: Sleep, private readonly rates = TEAMS_RATES) {
    this.tenant = new RateBucket(rates.perTenant);
  }

  /** Waits until a message to `conversation` (the person's id) may be sent, and counts it. */
  async wait(conversation: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now().getTime();
      let bucket = this.conversations.get(conversation);
      if (!bucket) {
        this.forgetIdle(now);
        bucket = new RateBucket(this.rates.perConversation);
        this.conversations.set(conversation, bucket);
      }
      const at = Math.max(bucket.earliest(now), this.tenant.earliest(now));
      if (at <= now) {
        bucket.take(now);
        this.tenant.take(now);
        return;
      }
      await this.sleep(Math.ceil(at - now), signal); // clocks count whole milliseconds
    }
  }

  /** Keeps the map small across sweeps. */
  private forgetIdle(now: number): void {
    if (this.conversations.size < 1000) return;
    for (const [key, b] of this.conversations) if (b.isIdle(now)) this.conversations.delete(key);
  }
}
