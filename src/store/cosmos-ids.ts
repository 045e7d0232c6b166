import { createHash } from 'node:crypto';

/**
 * A Cosmos DB id for an arbitrary application key. Bot state keys contain '/', which ids
 * may not, and can exceed the 255-character id limit; a SHA-256 hex digest is always
 * valid, fixed-length and spreads evenly as a partition key. The key is stored beside it.
 */
export function hashedId(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
