/** Runs `work` over `items` with at most `width` at a time; stops taking items once aborted. */
export async function runPool<T>(items: readonly T[], width: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
}

/**
 * Reorders items so that each key's k-th item comes after every key's (k-1)-th
 * (a, a, a, b, c -> a, b, c, a, a), keeping the order within a key and of first appearance.
 */
export function interleaveBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  const out: T[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const group of groups.values()) if (round < group.length) out.push(group[round] as T);
  }
  return out;
}

/** The same items starting at `start` and wrapping round. */
export function rotate<T>(items: readonly T[], start: number): T[] {
  return [...items.slice(start), ...items.slice(0, start)];
}
