/**
 * Figures counted a case at a time, and two such tallies added together. A report's figures
 * are tallies (performance.ts, follow-up-figures.ts, learning.ts, shr-return.ts, report.ts), so
 * a report over a large store can be counted on two threads, each over its own runs of cases,
 * and the runs' tallies added in the store's order (parallel-report-read.ts): no thread has to
 * hold, or send, every case's facts.
 *
 * A tally is plain data, so that a thread can post it as it is, and adding is the same for all:
 * numbers add, lists join in order, maps and objects add key by key (a key first met later comes
 * after), and a date (the earliest of something, or null) keeps the earlier. Every number in a
 * tally is a count or a sum of whole numbers, so the order of adding does not change it; amounts
 * of money are kept as lists and summed at the end, in order, as before.
 */
export function addTally<T extends object>(into: T, from: T): T {
  return add(into, from) as T;
}

function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  if (typeof a === 'string' && typeof b === 'string') return b < a ? b : a; // ISO dates sort as strings
  if (Array.isArray(a) && Array.isArray(b)) {
    for (const x of b) a.push(x);
    return a;
  }
  if (a instanceof Map && b instanceof Map) {
    for (const [k, v] of b) a.set(k, a.has(k) ? add(a.get(k), v) : v);
    return a;
  }
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && !(a instanceof Map) && !(b instanceof Map)) {
    const into = a as Record<string, unknown>;
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) into[k] = k in into ? add(into[k], v) : v;
    return a;
  }
  throw new TypeError(`Two tallies of different shapes cannot be added (${typeof a} and ${typeof b})`);
}
