import { createHash } from 'node:crypto';

/**
 * A case id (a UUID's shape) that is always the same for the same `seed`: what makes a retried
 * create find the case it made (an intake form's Submit, a split card pressed twice).
 */
export function stableCaseId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
