import type { Item } from '@azure/cosmos';
import { isTransient, networkCodeOf, statusOf } from './cosmos-errors';

export interface TransientRetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** First delay; doubled each time, with jitter, capped at 2 s. */
  baseDelayMs: number;
}

/** Broken connections on reads and queries: the SDK has already tried ten times, 1 s apart. */
const SDK_RETRIED_READ_CODES = new Set(['ECONNRESET', 'EPIPE', 'TimeoutError']);

function sdkAlreadyRetried(kind: 'read' | 'write', err: unknown): boolean {
  const code = networkCodeOf(err);
  return kind === 'read' && code !== undefined && SDK_RETRIED_READ_CODES.has(code);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Retries an operation on transient failures (503, dropped connections, timeouts) within a
 * fixed budget. The SDK retries 429s itself and retries reads on broken connections, but
 * never a write whose answer was lost, because it cannot know whether it was applied.
 * `attempt` is told whether it is a retry so it can check for its own earlier write (each
 * write carries a writeId) instead of reporting a conflict with itself.
 */
export async function withTransientRetry<T>(policy: TransientRetryPolicy, kind: 'read' | 'write', attempt: (isRetry: boolean) => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let i = 0; ; i += 1) {
    try {
      return await attempt(i > 0);
    } catch (err) {
      if (signal?.aborted || i >= policy.retries || !isTransient(err) || sdkAlreadyRetried(kind, err)) throw err;
      const backoff = Math.min(2000, policy.baseDelayMs * 2 ** i);
      await sleep(backoff / 2 + Math.random() * (backoff / 2));
    }
  }
}

/** Deletes an item; one already gone (404, perhaps removed by this call's own first try) is not an error. */
export async function deleteIfPresent(policy: TransientRetryPolicy, item: Item, signal?: AbortSignal): Promise<void> {
  try {
    await withTransientRetry(policy, 'write', () => item.delete({ abortSignal: signal }), signal);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}
