import type Database from 'better-sqlite3';
import type { ConversationRef, ConversationRefStore } from './conversation-ref-store.port';
import type { SqliteConnection } from './sqlite-connection';
import { statement } from './sqlite-statements';

export class SqliteConversationRefStore implements ConversationRefStore {
  private readonly db: Database.Database;

  constructor(private readonly connection: SqliteConnection) {
    this.db = connection.acquire();
  }

  async putConversationRef(userId: string, ref: ConversationRef): Promise<void> {
    statement(this.db, 'INSERT INTO conversation_refs (user_id, ref) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET ref = excluded.ref')
      .run(userId, JSON.stringify(ref));
  }

  async getConversationRef(userId: string): Promise<ConversationRef | undefined> {
    const row = statement(this.db, 'SELECT ref FROM conversation_refs WHERE user_id = ?').get(userId) as { ref: string } | undefined;
    return row && (JSON.parse(row.ref) as ConversationRef);
  }

  async deleteConversationRef(userId: string): Promise<void> {
    statement(this.db, 'DELETE FROM conversation_refs WHERE user_id = ?').run(userId);
  }

  close(): void {
    void this.connection.release();
  }
}
