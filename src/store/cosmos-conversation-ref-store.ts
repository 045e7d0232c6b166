import type { Container } from '@azure/cosmos';
import type { ConversationRef, ConversationRefStore } from './conversation-ref-store.port';
import type { CosmosConnection } from './cosmos-connection';
import { CONVERSATION_REFS_CONTAINER } from './cosmos-containers';
import { hashedId } from './cosmos-ids';
import { deleteIfPresent, withTransientRetry } from './cosmos-retry';

interface RefDocument { id: string; userId: string; ref: ConversationRef }

export class CosmosConversationRefStore implements ConversationRefStore {
  private readonly container: Container;

  constructor(private readonly connection: CosmosConnection) {
    connection.acquire();
    this.container = connection.container(CONVERSATION_REFS_CONTAINER);
  }

  async putConversationRef(userId: string, ref: ConversationRef): Promise<void> {
    const doc: RefDocument = { id: hashedId(userId), userId, ref };
    // An upsert is idempotent, so retrying after a lost answer is safe.
    await this.connection.guard('saving a conversation reference', (abortSignal) =>
      withTransientRetry(this.connection.retry, 'write', () => this.container.items.upsert(doc, { abortSignal }), abortSignal));
  }

  async getConversationRef(userId: string): Promise<ConversationRef | undefined> {
    const id = hashedId(userId);
    const { resource } = await this.connection.guard('reading a conversation reference', (abortSignal) =>
      withTransientRetry(this.connection.retry, 'read', () => this.container.item(id, id).read<RefDocument>({ abortSignal }), abortSignal));
    return resource?.userId === userId ? resource.ref : undefined;
  }

  async deleteConversationRef(userId: string): Promise<void> {
    const id = hashedId(userId);
    await this.connection.guard('deleting a conversation reference', (abortSignal) => deleteIfPresent(this.connection.retry, this.container.item(id, id), abortSignal));
  }

  close(): void {
    this.connection.release();
  }
}
