import type { Container } from '@azure/cosmos';
import type { CalendarDate } from '../domain/calendar-date';
import { dissatisfactionRecordSchema, type DissatisfactionRecord } from '../domain/dissatisfaction';
import type { CosmosConnection } from './cosmos-connection';
import { DISSATISFACTION_CONTAINER } from './cosmos-containers';
import { statusOf } from './cosmos-errors';
import type { DissatisfactionLog } from './dissatisfaction-log.port';
import { withTransientRetry } from './cosmos-retry';

/** Dissatisfaction not taken as a complaint, in Cosmos DB: one document each, under its own id. */
export class CosmosDissatisfactionLog implements DissatisfactionLog {
  private readonly container: Container;

  constructor(private readonly connection: CosmosConnection) {
    connection.acquire();
    this.container = connection.container(DISSATISFACTION_CONTAINER);
  }

  async record(entry: DissatisfactionRecord): Promise<{ created: boolean }> {
    const doc = dissatisfactionRecordSchema.parse(entry);
    return this.connection.guard('recording dissatisfaction', (abortSignal) => withTransientRetry(this.connection.retry, 'write', async (isRetry) => {
      try {
        await this.container.items.create(doc, { abortSignal });
        return { created: true };
      } catch (err) {
        // Already there: a second press of the same card, or this call's own first try whose answer was lost.
        if (statusOf(err) === 409) return { created: isRetry };
        throw err;
      }
    }, abortSignal));
  }

  async receivedBetween(from: CalendarDate, to: CalendarDate): Promise<DissatisfactionRecord[]> {
    return this.connection.guard('reading dissatisfaction', async (abortSignal) => {
      const { resources } = await withTransientRetry(this.connection.retry, 'read', () => this.container.items
        .query<Record<string, unknown>>({
          query: 'SELECT * FROM c WHERE c.receivedOn >= @from AND c.receivedOn <= @to',
          parameters: [{ name: '@from', value: from }, { name: '@to', value: to }],
        }, { abortSignal })
        .fetchAll(), abortSignal);
      const records = resources.map(({ id, receivedOn, channel, summary, kind, reason, reasonNote, recordedBy, recordedAt }) => dissatisfactionRecordSchema.parse({ id, receivedOn, channel, summary, kind, reason, reasonNote, recordedBy, recordedAt }));
      // Sorted here: ORDER BY over two properties would need a composite index for a few hundred documents.
      return records.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
    });
  }

  async deleteReceivedBefore(date: CalendarDate, options: { dryRun: boolean }): Promise<number> {
    const ids = await this.connection.guard('finding dissatisfaction to purge', async (abortSignal) => {
      const { resources } = await withTransientRetry(this.connection.retry, 'read', () => this.container.items
        .query<string>({ query: 'SELECT VALUE c.id FROM c WHERE c.receivedOn < @date', parameters: [{ name: '@date', value: date }] }, { abortSignal })
        .fetchAll(), abortSignal);
      return resources;
    });
    if (options.dryRun) return ids.length;
    let deleted = 0;
    // One operation (and one time limit) per record, as for purged cases, so a long purge is not cut short.
    for (const id of ids) {
      const gone = await this.connection.guard('purging dissatisfaction', (abortSignal) => withTransientRetry(this.connection.retry, 'write', async (isRetry) => {
        try {
          await this.container.item(id, id).delete({ abortSignal });
          return true;
        } catch (err) {
          // Already gone: this call's own first try whose answer was lost (counted), or another purge (not).
          if (statusOf(err) === 404) return isRetry;
          throw err;
        }
      }, abortSignal));
      if (gone) deleted += 1;
    }
    return deleted;
  }

  close(): void {
    this.connection.release();
  }
}
