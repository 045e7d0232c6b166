import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { KeyValueStore } from '../../store/key-value-store.port';

/**
 * A grant: something one person may do once or for a short time (download a file by link,
 * accept a file consent card, upload a file to a case), named by a random 256-bit token. The
 * store keeps it under the token's SHA-256, never the token, so a read of the store gives no
 * working link. Every grant has an expiry; an expired one is removed when it is next read.
 */
export interface GrantTimes { issuedAt: string; expiresAt: string; usedAt?: string }

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const isToken = (token: unknown): token is string => typeof token === 'string' && TOKEN.test(token);

const keyOf = (prefix: string, token: string): string => `${prefix}/${createHash('sha256').update(token).digest('hex')}`;

export class Grants<G extends GrantTimes> {
  constructor(
    private readonly kv: KeyValueStore,
    /** The key-value prefix, one per kind of grant. */
    private readonly prefix: string,
    private readonly schema: z.ZodType<G>,
    private readonly now: () => Date,
  ) {}

  async issue(grant: Omit<G, keyof GrantTimes>, ttlMs: number): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const issued = this.now();
    const expiresAt = new Date(issued.getTime() + ttlMs).toISOString();
    const put = await this.kv.put(keyOf(this.prefix, token), { ...grant, issuedAt: issued.toISOString(), expiresAt }, { ifAbsent: true });
    if (!put.ok) throw new Error('a grant token collided with another; not issued');
    return { token, expiresAt };
  }

  /** The grant behind a token if it exists and has not expired (an expired one is removed). */
  async read(token: string): Promise<{ grant: G; etag: string } | { refused: 'unknown' | 'expired' }> {
    if (!isToken(token)) return { refused: 'unknown' };
    const key = keyOf(this.prefix, token);
    const entry = await this.kv.get(key);
    const parsed = this.schema.safeParse(entry?.value);
    if (!entry || !parsed.success) return { refused: 'unknown' };
    if (Date.parse(parsed.data.expiresAt) <= this.now().getTime()) {
      await this.kv.delete(key);
      return { refused: 'expired' };
    }
    return { grant: parsed.data, etag: entry.etag };
  }

  /** Marks the grant used, if nobody else did first (the etag it was read with). */
  async claim(token: string, grant: G, etag: string): Promise<boolean> {
    const put = await this.kv.put(keyOf(this.prefix, token), { ...grant, usedAt: this.now().toISOString() }, { ifMatch: etag });
    return put.ok;
  }

  async remove(token: string): Promise<void> {
    if (isToken(token)) await this.kv.delete(keyOf(this.prefix, token));
  }
}
