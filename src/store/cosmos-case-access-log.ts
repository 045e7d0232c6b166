import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { CaseAccess, CaseAccessLog } from './case-access-log.port';
import type { CosmosConnection } from './cosmos-connection';
import { CASE_ACCESS_CONTAINER } from './cosmos-containers';
import { deleteIfPresent, withTransientRetry } from './cosmos-retry';

interface AccessDocument extends CaseAccess { id: string }

export class CosmosCaseAccessLog implements CaseAccessLog {
  private readonly container: Container;

  constructor(private readonly connection: CosmosConnection) {
    connection.acquire();
    this.container = connection.container(CASE_ACCESS_CONTAINER);
  }

  async record(entry: CaseAccess): Promise<void> {
    const doc: AccessDocument = { id: randomUUID(), ...entry };
    await this.connection.guard('recording who saw a case', (abortSignal) => withTransientRetry(this.connection.retry, 'write', () => this.container.items.upsert(doc, { abortSignal }), abortSignal));
  }

  async list(caseId: string): Promise<CaseAccess[]> {
    return this.connection.guard('reading who saw a case', async (abortSignal) => {
      // One partition: every access of the case shares its key.
      const { resources } = await withTransientRetry(this.connection.retry, 'read', () => this.container.items
        .query<AccessDocument>({ query: 'SELECT * FROM c WHERE c.caseId = @caseId ORDER BY c.at DESC', parameters: [{ name: '@caseId', value: caseId }] }, { partitionKey: caseId, abortSignal })
        .fetchAll(), abortSignal);
      return resources.map(({ caseId: c, at, by, what }) => ({ caseId: c, at, by, what }));
    });
  }

  async deleteCase(caseId: string): Promise<number> {
    return this.connection.guard('removing who saw a case', async (abortSignal) => {
      const { resources } = await withTransientRetry(this.connection.retry, 'read', () => this.container.items
        .query<{ id: string }>({ query: 'SELECT c.id FROM c WHERE c.caseId = @caseId', parameters: [{ name: '@caseId', value: caseId }] }, { partitionKey: caseId, abortSignal })
        .fetchAll(), abortSignal);
      for (const { id } of resources) await deleteIfPresent(this.connection.retry, this.container.item(id, caseId), abortSignal);
      return resources.length;
    });
  }

  close(): void {
    this.connection.release();
  }
}
