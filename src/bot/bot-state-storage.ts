import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { KeyValueStore } from '../store/key-value-store.port';

/**
 * Bot Framework state storage (conversation and user state) over the app's key/value
 * store, so bot state lives in the same SQLite file or Cosmos account as the cases.
 *
 * ETag semantics follow botbuilder's storages: an item written with eTag '*' or without
 * one overwrites whatever is stored; an item with any other eTag is written only if it
 * matches the stored one, and otherwise the write throws. A specific eTag never matches a
 * missing item (botbuilder's MemoryStorage would write it), so state deleted by one turn is
 * not silently resurrected by another.
 */
export class BotStateStorage implements Storage {
  constructor(private readonly store: KeyValueStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    const entries = await Promise.all(keys.map(async (key) => [key, await this.store.get(key)] as const));
    for (const [key, entry] of entries) {
      if (entry) items[key] = { ...(entry.value as Record<string, unknown>), eTag: entry.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Changes are required when writing.');
    // Sequential, like the SDK's storages: a conflict stops at the key that failed.
    for (const [key, item] of Object.entries(changes) as [string, StoreItem][]) {
      const { eTag, ...value } = item;
      const condition = eTag === undefined || eTag === '*' || eTag === '' ? undefined : { ifMatch: eTag };
      const result = await this.store.put(key, value, condition);
      if (!result.ok) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      // Hand the new eTag back so that a second save in the same turn does not conflict
      // with the first.
      item.eTag = result.etag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    await Promise.all(keys.map((key) => this.store.delete(key)));
  }
}
