/**
 * Structural equality for JSON values, ignoring object key order: an event read back from
 * the database may list its keys in a different order from the one the caller built, and
 * that must not count as a change to history.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // undefined properties vanish in JSON; treat them like absent ones (see below).
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    // A property set to undefined is not stored, so it equals a missing one.
    if (!jsonEqual(ao[k], bo[k])) return false;
  }
  return true;
}
