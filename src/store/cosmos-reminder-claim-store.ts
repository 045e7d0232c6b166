import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { CosmosConnection } from './cosmos-connection';
import { REMINDER_CLAIMS_CONTAINER } from './cosmos-containers';
import { statusOf } from './cosmos-errors';
import { deleteIfPresent, withTransientRetry, type TransientRetryPolicy } from './cosmos-retry';
import type { ReminderClaim, ReminderClaimStore, ReminderKey } from './reminder-claim-store.port';
import { assertInstant, assertReminderKey, isClaimable, reminderKeyId } from './reminder-claim-rules';

interface ClaimDocument {
  id: string;
  caseId: string;
  stage: number;
  kind: string;
  point: string;
  holder: string;
  leaseUntil: string;
  confirmedAt: string | null;
  writeId: string;
  _etag?: string;
}

/**
 * Deletes every claim of a case. Shared with the case store's purge, which removes a
 * case's claims along with the case.
 */
export async function deleteClaimsOfCase(container: Container, retry: TransientRetryPolicy, caseId: string, abortSignal: AbortSignal): Promise<number> {
  // Single-partition query: every claim of the case shares its partition key. The filter
  // repeats it for servers that ignore the partition key on queries.
  const { resources } = await withTransientRetry(retry, 'read', () => container.items
    .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.caseId = @caseId', parameters: [{ name: '@caseId', value: caseId }] }, { partitionKey: caseId, abortSignal })
    .fetchAll(), abortSignal);
  for (const { id } of resources) await deleteIfPresent(retry, container.item(id, caseId), abortSignal);
  return resources.length;
}

/** Bounds re-reads when a claim changes under us (someone else's write, or a delete). */
const MAX_ROUNDS = 5;

/**
 * Claims as documents in `reminder-claims` (partition key /caseId). A first claim is a
 * create, which Cosmos DB lets succeed exactly once per id; a take-over of an expired claim
 * is a replace conditional on the ETag that was read, which again only one writer wins.
 */
export class CosmosReminderClaimStore implements ReminderClaimStore {
  private readonly container: Container;

  constructor(private readonly connection: CosmosConnection) {
    connection.acquire();
    this.container = connection.container(REMINDER_CLAIMS_CONTAINER);
  }

  async claimReminder(key: ReminderKey, holder: string, leaseUntilIso: string, nowIso: string): Promise<boolean> {
    assertReminderKey(key);
    assertInstant('leaseUntil', leaseUntilIso);
    assertInstant('now', nowIso);
    const doc: ClaimDocument = {
      id: reminderKeyId(key), caseId: key.caseId, stage: key.stage, kind: key.kind, point: key.point,
      holder, leaseUntil: leaseUntilIso, confirmedAt: null, writeId: randomUUID(),
    };
    return this.connection.guard('claiming a reminder', (abortSignal) => withTransientRetry(this.connection.retry, 'write', async (isRetry) => {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const existing = await this.createOrRead(doc, abortSignal);
        if (!existing) return true;
        if (isRetry && existing.writeId === doc.writeId) return true; // our lost first attempt
        if (!isClaimable(existing, nowIso)) return false;
        try {
          await this.container.item(doc.id, doc.caseId).replace(doc, { abortSignal, accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
          return true;
        } catch (err) {
          const status = statusOf(err);
          if (status === 412) return false; // another claimant took it over first
          if (status !== 404) throw err; // 404: deleted meanwhile; go round and create
        }
      }
      return false;
    }, abortSignal));
  }

  async confirmReminder(key: ReminderKey, holder: string, confirmedAtIso: string): Promise<boolean> {
    assertReminderKey(key);
    assertInstant('confirmedAt', confirmedAtIso);
    const id = reminderKeyId(key);
    return this.connection.guard('confirming a reminder', (abortSignal) => withTransientRetry(this.connection.retry, 'write', async () => {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const existing = await this.read(id, key.caseId, abortSignal);
        if (!existing || existing.holder !== holder) return false;
        if (existing.confirmedAt !== null) return true;
        try {
          await this.container.item(id, key.caseId).replace({ ...existing, confirmedAt: confirmedAtIso, writeId: randomUUID() }, { abortSignal, accessCondition: { type: 'IfMatch', condition: existing._etag ?? '' } });
          return true;
        } catch (err) {
          const status = statusOf(err);
          if (status !== 412 && status !== 404) throw err; // changed meanwhile: look again
        }
      }
      return false;
    }, abortSignal));
  }

  async getReminderClaim(key: ReminderKey): Promise<ReminderClaim | undefined> {
    const doc = await this.connection.guard('reading a reminder claim', (abortSignal) => this.read(reminderKeyId(key), key.caseId, abortSignal));
    return doc && { key: { ...key }, holder: doc.holder, leaseUntil: doc.leaseUntil, confirmedAt: doc.confirmedAt, version: doc._etag ?? '' };
  }

  async deleteRemindersForCase(caseId: string): Promise<number> {
    return this.connection.guard('deleting reminder claims', (abortSignal) => deleteClaimsOfCase(this.container, this.connection.retry, caseId, abortSignal));
  }

  close(): void {
    this.connection.release();
  }

  /** Creates the claim; undefined when that worked, else the claim already there. */
  private async createOrRead(doc: ClaimDocument, abortSignal: AbortSignal): Promise<ClaimDocument | undefined> {
    try {
      await this.container.items.create(doc, { abortSignal });
      return undefined;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    const existing = await this.read(doc.id, doc.caseId, abortSignal);
    // Deleted between our create and read: report it as a live claim so that the caller
    // does not loop; the next sweep will find the key free.
    return existing ?? { ...doc, holder: '', leaseUntil: '9999-12-31T23:59:59.999Z', writeId: '' };
  }

  private async read(id: string, caseId: string, abortSignal: AbortSignal): Promise<ClaimDocument | undefined> {
    const { resource } = await withTransientRetry(this.connection.retry, 'read', () => this.container.item(id, caseId).read<ClaimDocument>({ abortSignal }), abortSignal);
    return resource;
  }
}
