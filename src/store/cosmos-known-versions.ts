import type { CaseRecord, StoredEvent } from '../domain/case-record';

/** What a save checks against: a case's reference and stored events, at one version (ETag). */
export interface KnownVersion { version: string; reference: string; events: readonly StoredEvent[] }

/**
 * The cases this store has recently read or written, each at the ETag it had, so that a save
 * of a version we already hold can be checked for append-only history without reading the
 * document again: one point read and one conditional replace per card action, not two reads.
 * An ETag names exactly one content of the document, and the replace is conditional on it, so
 * checking against the copy held here is checking against what is stored. The events kept are
 * the store's own parse, never an object handed to a caller (who might change it).
 */
export class KnownVersions {
  private readonly byId = new Map<string, KnownVersion>();

  constructor(private readonly limit = 256) {}

  /** The case as held at exactly `version`, if it is. */
  get(id: string, version: string): KnownVersion | undefined {
    const known = this.byId.get(id);
    return known?.version === version ? known : undefined;
  }

  remember(record: Pick<CaseRecord, 'id' | 'version' | 'reference' | 'events'>): void {
    // Re-inserting moves the case to the end: the first entry is the least recently used.
    this.byId.delete(record.id);
    this.byId.set(record.id, { version: record.version, reference: record.reference, events: record.events });
    if (this.byId.size > this.limit) {
      const oldest = this.byId.keys().next();
      if (!oldest.done) this.byId.delete(oldest.value);
    }
  }

  forget(id: string): void {
    this.byId.delete(id);
  }
}
