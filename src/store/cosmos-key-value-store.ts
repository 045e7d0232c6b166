import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { CosmosConnection } from './cosmos-connection';
import { BOT_STATE_CONTAINER } from './cosmos-containers';
import { statusOf } from './cosmos-errors';
import { hashedId } from './cosmos-ids';
import { deleteIfPresent, withTransientRetry } from './cosmos-retry';
import type { KeyValueCondition, KeyValueEntry, KeyValuePutOptions, KeyValuePutResult, KeyValueStore } from './key-value-store.port';

/** `ttl` (seconds) is Cosmos DB's own time to live; `expiresAt` lets a read ignore an entry Cosmos DB has not yet removed. */
interface EntryDocument { id: string; key: string; value: unknown; writeId: string; _etag?: string; ttl?: number; expiresAt?: string }

const live = (doc: EntryDocument): boolean => !doc.expiresAt || doc.expiresAt > new Date().toISOString();

export class CosmosKeyValueStore implements KeyValueStore {
  private readonly container: Container;

  constructor(private readonly connection: CosmosConnection) {
    connection.acquire();
    this.container = connection.container(BOT_STATE_CONTAINER);
  }

  async get(key: string): Promise<KeyValueEntry | undefined> {
    const doc = await this.connection.guard('reading bot state', (abortSignal) => this.read(hashedId(key), abortSignal));
    return doc && live(doc) && doc.key === key && doc._etag ? { value: doc.value, etag: doc._etag } : undefined;
  }

  /** Cosmos DB removes entries whose `ttl` ran out itself (the container has time to live on). */
  async deleteExpired(): Promise<number> {
    return Promise.resolve(0);
  }

  async put(key: string, value: unknown, condition?: KeyValueCondition, options: KeyValuePutOptions = {}): Promise<KeyValuePutResult> {
    // lib.d.ts types JSON.stringify as string; it returns undefined for undefined, a function or a symbol.
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new TypeError(`Value for key "${key}" is not JSON-serialisable`);
    const id = hashedId(key);
    const expiry = options.expiresAt ? { ttl: Math.max(1, Math.ceil((options.expiresAt.getTime() - Date.now()) / 1000)), expiresAt: options.expiresAt.toISOString() } : {};
    const doc: EntryDocument = { id, key, value, writeId: randomUUID(), ...expiry };
    return this.connection.guard('saving bot state', (abortSignal) => withTransientRetry(this.connection.retry, 'write', async (isRetry): Promise<KeyValuePutResult> => {
      try {
        const response = !condition
          ? await this.container.items.upsert(doc, { abortSignal })
          : 'ifMatch' in condition
            ? await this.container.item(id, id).replace(doc, { abortSignal, accessCondition: { type: 'IfMatch', condition: condition.ifMatch } })
            : await this.container.items.create(doc, { abortSignal });
        return { ok: true, etag: response.etag };
      } catch (err) {
        const status = statusOf(err);
        if (status !== 412 && status !== 409 && status !== 404) throw err;
        const current = await this.read(id, abortSignal);
        // An entry whose time is up but which Cosmos DB has not removed yet is absent to us.
        if (status === 409 && condition && 'ifAbsent' in condition && current?._etag && !live(current)) {
          const replaced = await this.container.item(id, id).replace(doc, { abortSignal, accessCondition: { type: 'IfMatch', condition: current._etag } });
          return { ok: true, etag: replaced.etag };
        }
        // A retried conditional write that fails may be failing against its own first try.
        if (isRetry && current?.writeId === doc.writeId && current._etag) return { ok: true, etag: current._etag };
        return { ok: false, code: 'STORE.ETAG_MISMATCH', currentEtag: current?._etag };
      }
    }, abortSignal));
  }

  async delete(key: string): Promise<void> {
    const id = hashedId(key);
    await this.connection.guard('deleting bot state', (abortSignal) => deleteIfPresent(this.connection.retry, this.container.item(id, id), abortSignal));
  }

  close(): void {
    this.connection.release();
  }

  private async read(id: string, abortSignal: AbortSignal): Promise<EntryDocument | undefined> {
    const { resource } = await withTransientRetry(this.connection.retry, 'read', () => this.container.item(id, id).read<EntryDocument>({ abortSignal }), abortSignal);
    return resource;
  }
}
