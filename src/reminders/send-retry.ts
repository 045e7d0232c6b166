import type { Now, Sleep } from './clock';

/**
 * Retrying a failed send. The Bot Connector client already retries a little on its own
 * (and honours Retry-After there); this is the outer loop for what it gives up on: 429 and
 * 5xx answers and dropped connections are tried again after a growing delay, or exactly as
 * long as a Retry-After says; 400-404 are not, since trying again cannot help. Retries stop
 * before `stopBy` (the end of the claim's lease, less a margin): a send must never run past
 * the lease, or another instance could take the claim over and send it a second time.
 */
export interface SendFailure {
  /** HTTP status, when the service answered. */
  status: number | undefined;
  /** What a Retry-After (or retry-after-ms) header asked for, in ms. */
  retryAfterMs: number | undefined;
  message: string;
}

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  now: Now;
  sleep: Sleep;
  stopBy: Date;
  signal?: AbortSignal;
  random?: () => number;
}

export const DEFAULT_SEND_RETRY = { attempts: 4, baseDelayMs: 2_000 };

export class SendFailedError extends Error {
  constructor(readonly failure: SendFailure, readonly attempts: number, options?: { cause?: unknown }) {
    super(`${failure.message} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`, options);
    this.name = 'SendFailedError';
  }
}

/**
 * How a send to Teams ended, as ProactiveNotifier reports it: it never throws for these.
 * `gone`: the connector answered 403 or 404 (the person blocked the bot, removed it or left,
 * or the conversation no longer exists), and the stored conversation reference was
 * forgotten, so the next send does not repeat it. `failed`: throttled (429), the service
 * failed (5xx) or could not be reached, or another refusal: worth trying again later.
 * `cause` is what the connector threw, for a retry loop that reads its status and headers.
 */
export type TeamsSendResult =
  | { outcome: 'sent' }
  | { outcome: 'no-conversation' }
  | { outcome: 'gone' | 'failed'; failure: SendFailure; cause: unknown };

/** 403: the person blocked the bot or it was uninstalled; 404: they left, or the conversation is gone. */
export function isUnreachable(status: number | undefined): boolean {
  return status === 403 || status === 404;
}

function isRetryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

interface HeaderSource { get?(name: string): string | null | undefined }

function header(err: unknown, name: string): string | undefined {
  const e = err as { response?: { headers?: HeaderSource }; headers?: HeaderSource } | null;
  const value = e?.response?.headers?.get?.(name) ?? e?.headers?.get?.(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads status and Retry-After from a Bot Connector RestError, a GraphError or a fetch failure. */
export function sendFailureOf(err: unknown, now: Date = new Date()): SendFailure {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const raw = e?.statusCode ?? e?.status ?? e?.response?.status;
  const status = typeof raw === 'number' && raw > 0 ? raw : undefined;
  let retryAfterMs: number | undefined;
  const ms = header(err, 'retry-after-ms') ?? header(err, 'x-ms-retry-after-ms');
  const after = header(err, 'retry-after');
  if (ms && Number.isFinite(Number(ms))) retryAfterMs = Number(ms);
  else if (after && /^\d+(\.\d+)?$/.test(after)) retryAfterMs = Number(after) * 1000;
  else if (after && !Number.isNaN(Date.parse(after))) retryAfterMs = Math.max(0, Date.parse(after) - now.getTime());
  const message = err instanceof Error ? err.message : String(err);
  return { status, retryAfterMs, message: status ? `${status}: ${message}` : message };
}

export async function withSendRetry<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const failure = sendFailureOf(err, options.now());
      if (!isRetryable(failure.status) || attempt >= options.attempts) throw new SendFailedError(failure, attempt, { cause: err });
      const backoff = options.baseDelayMs * 2 ** (attempt - 1) * (1 + random() * 0.25);
      const wait = failure.retryAfterMs ?? backoff;
      if (options.now().getTime() + wait >= options.stopBy.getTime()) {
        throw new SendFailedError({ ...failure, message: `${failure.message}; no time left to retry before the claim's lease ends` }, attempt, { cause: err });
      }
      await options.sleep(wait, options.signal);
    }
  }
}
