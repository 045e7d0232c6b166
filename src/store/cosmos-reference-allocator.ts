import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { isTransient, outcomeUnknown, statusOf } from './cosmos-errors';
import { withTransientRetry, type TransientRetryPolicy } from './cosmos-retry';
import { StoreError } from './store-errors';

interface CounterDocument { id: string; last: number; writer: string; _etag?: string }
interface ReferenceDocument { id: string; caseId: string }

/** Enough for dozens of simultaneous creators; each failed round costs a read and a write. */
const MAX_ROUNDS = 120;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Random back-off that grows with the round, so racing writers spread out. */
function contentionDelay(round: number): number {
  return Math.random() * 5 * 2 ** Math.min(round, 5);
}

/**
 * Hands out reference numbers from one counter document per series (e.g. HC-2026),
 * incremented by a replace conditional on the counter's ETag: of several processes that
 * read the same value, exactly one write succeeds and the others read again. Each write
 * names its writer, so an attempt whose answer was lost can tell whether it landed.
 * Numbers are never reused; a crash between allocation and use leaves a gap, not a clash.
 */
export class CosmosReferenceAllocator {
  constructor(private readonly container: Container, private readonly retry: TransientRetryPolicy) {}

  async next(series: string, abortSignal: AbortSignal): Promise<number> {
    const id = `counter.${series}`;
    const writer = randomUUID();
    let transientLeft = this.retry.retries;
    let checkOwnWrite = false;
    for (let round = 0; round < MAX_ROUNDS && !abortSignal.aborted; round += 1) {
      const current = await this.read(id, abortSignal);
      if (checkOwnWrite && current?.writer === writer) return current.last;
      checkOwnWrite = false;
      try {
        if (!current) {
          await this.container.items.create<CounterDocument>({ id, last: 1, writer }, { abortSignal });
          return 1;
        }
        const next: CounterDocument = { id, last: current.last + 1, writer };
        await this.container.item(id, id).replace(next, { abortSignal, accessCondition: { type: 'IfMatch', condition: current._etag ?? '' } });
        return next.last;
      } catch (err) {
        const status = statusOf(err);
        if (status === 409 || status === 412) {
          await sleep(contentionDelay(round));
          continue;
        }
        // The signal may have fired during the awaits above; TypeScript keeps the loop's narrowing.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (isTransient(err) && transientLeft > 0 && !abortSignal.aborted) {
          transientLeft -= 1;
          checkOwnWrite = outcomeUnknown(err);
          await sleep(this.retry.baseDelayMs);
          continue;
        }
        throw err;
      }
    }
    throw new StoreError('STORE.CONTENTION', `Could not allocate a ${series} reference after ${MAX_ROUNDS} attempts: too many simultaneous creators. Nothing was stored; try again.`);
  }

  /**
   * Records that `reference` belongs to `caseId`: this document is what makes
   * getCaseByReference a point read. False when the reference is already taken.
   */
  async claim(reference: string, caseId: string, abortSignal: AbortSignal): Promise<boolean> {
    return withTransientRetry(this.retry, 'write', async (isRetry) => {
      try {
        await this.container.items.create<ReferenceDocument>({ id: reference, caseId }, { abortSignal });
        return true;
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
        // After a lost answer, the document may be our own first attempt.
        return isRetry && (await this.lookup(reference, abortSignal)) === caseId;
      }
    }, abortSignal);
  }

  async lookup(reference: string, abortSignal: AbortSignal): Promise<string | undefined> {
    const { resource } = await withTransientRetry(this.retry, 'read', () => this.container.item(reference, reference).read<ReferenceDocument>({ abortSignal }), abortSignal);
    return resource?.caseId;
  }

  async release(reference: string, abortSignal: AbortSignal): Promise<void> {
    try {
      await withTransientRetry(this.retry, 'write', () => this.container.item(reference, reference).delete({ abortSignal }), abortSignal);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  private async read(id: string, abortSignal: AbortSignal): Promise<CounterDocument | undefined> {
    const { resource } = await withTransientRetry(this.retry, 'read', () => this.container.item(id, id).read<CounterDocument>({ abortSignal }), abortSignal);
    return resource;
  }
}
