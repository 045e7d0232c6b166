import { parentPort, workerData } from 'node:worker_threads';
import { commitSaves, type SaveReply, type WriteRequest } from './sqlite-case-saves';
import { SqliteConnection, type SqliteOptions } from './sqlite-connection';

/**
 * The thread that writes cases (see sqlite-save-queue.ts). It owns its own connection to
 * the file, so the fsync of a commit blocks this thread, never the bot's event loop. Saves
 * that arrive while a commit is syncing wait in the port; they are then committed together.
 */
export interface SaveMessage { seq: number; request: WriteRequest }
export type WorkerReply = { replies: Array<[number, SaveReply]> } | { failed: number[]; message: string };

const port = parentPort;
if (!port) throw new Error('sqlite-save-worker.ts runs as a worker thread');
// Started by the main connection's first save: the file is already at the current schema.
const connection = SqliteConnection.open(workerData as SqliteOptions, 'thread');
/** A batch holds at most this many saves, so one commit's transaction stays short. */
const MAX_BATCH = 256;
let pending: SaveMessage[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  while (pending.length > 0) {
    const batch = pending.slice(0, MAX_BATCH);
    pending = pending.slice(batch.length);
    try {
      const replies = commitSaves(connection.db, batch.map((m) => m.request));
      port?.postMessage({ replies: batch.map((m, i): [number, SaveReply] => [m.seq, replies[i] ?? { ok: false, kind: 'error', code: null, message: 'no reply' }]) } satisfies WorkerReply);
    } catch (err) {
      // The commit failed: nothing of this batch is durable, so none of it is acknowledged.
      port?.postMessage({ failed: batch.map((m) => m.seq), message: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
    }
  }
}

port.on('message', (message: SaveMessage | 'close') => {
  if (message === 'close') {
    flush();
    void connection.close();
    port.close();
    return;
  }
  pending.push(message);
  // After the messages already waiting in the port have been read: they join this batch.
  if (!scheduled) { scheduled = true; setImmediate(flush); }
});
