/**
 * A Map that holds at most `max` entries, for what this process remembers in memory (clients it
 * made, people it looked up lately), so that a stream of distinct keys cannot grow it without
 * end. Setting a key makes it the newest; past `max`, the oldest set are forgotten. Reading a key
 * does not make it newer: the order is of setting, not of use.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): this {
    this.entries.delete(key); // re-inserted last: the Map's order is then oldest first
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(oldest);
    }
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}

/**
 * Whether the time kept under `key` is less than `windowMs` before `nowMs`. A time after `nowMs`
 * (the clock was set back) does not count as seen, so nothing stays trusted until the clock
 * catches up with it.
 */
export function seenWithin<K>(times: BoundedMap<K, number>, key: K, nowMs: number, windowMs: number): boolean {
  const last = times.get(key);
  return last !== undefined && nowMs >= last && nowMs - last < windowMs;
}
