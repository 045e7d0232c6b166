import { strict as assert } from 'node:assert';

/**
 * That a read a page at a time lets other work run between its pages, so a long read does not
 * hold up the bot. Work is queued before the read starts, as a card submit's would be
 * (setImmediate: it waits for nothing but the event loop's turn); the read must give `expected`
 * items that `counts` accepts, and the queued work must run before the read ends.
 */
export async function assertOtherWorkRunsBetweenPages<T>(startRead: () => AsyncIterable<T>, expected: number, counts: (item: T) => unknown): Promise<void> {
  let ranAt = -1;
  let read = 0;
  setImmediate(() => { ranAt = read; });
  for await (const item of startRead()) if (counts(item)) read += 1;
  assert.equal(read, expected);
  assert.ok(ranAt >= 0 && ranAt < expected, `the queued work ran after ${ranAt} of ${expected} cases`);
}
