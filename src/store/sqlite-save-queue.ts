import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '../worker-beside';
import type { SaveReply, WriteRequest } from './sqlite-case-saves';
import type { SqliteOptions } from './sqlite-connection';
import type { SaveMessage, WorkerReply } from './sqlite-save-worker';
import { StoreError } from './store-errors';

interface Waiting { resolve: (reply: SaveReply) => void; reject: (err: Error) => void }

/**
 * The save thread's young generation, smaller than V8's default (16 MB a semi-space): what it
 * allocates (two documents parsed per save) dies within the save, and a young generation that
 * grew to the default was 30-40 MB of the bot's memory under load. Only the young generation:
 * a cap on the old one would stop the thread on a large case.
 */
const SAVE_THREAD_LIMITS = { maxYoungGenerationSizeMb: 6 };

/**
 * Case saves, written by a worker thread that owns its own connection to the file. better-sqlite3
 * is synchronous, and with synchronous=FULL every commit waits for an fsync: on the event
 * loop that stalled every other request for milliseconds per write. Off it, the saves that
 * arrive while one commit syncs are committed together in the next (group commit), so one
 * fsync carries many writes and every acknowledged save is still durable across a power cut.
 * The worker is started on the first save and holds the process open only while saves wait.
 */
export class SqliteSaveQueue {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  private closed = false;

  constructor(private readonly options: SqliteOptions) {}

  save(request: WriteRequest): Promise<SaveReply> {
    if (this.closed) return Promise.reject(new StoreError('STORE.UNAVAILABLE', 'The case database has been closed'));
    const worker = this.worker ?? this.start();
    const seq = ++this.seq;
    return new Promise<SaveReply>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ seq, request } satisfies SaveMessage);
    });
  }

  /** Lets the saves already sent finish, then stops the worker and its connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const exited = new Promise<void>((resolve) => { worker.once('exit', () => { resolve(); }); });
    worker.postMessage('close');
    await exited;
  }

  private start(): Worker {
    const worker = startWorkerBeside(__filename, 'sqlite-save-worker', { workerData: this.options, resourceLimits: SAVE_THREAD_LIMITS });
    worker.unref();
    worker.on('message', (message: WorkerReply) => {
      if ('replies' in message) {
        for (const [seq, reply] of message.replies) this.settle(seq)?.resolve(reply);
      } else {
        const err = new StoreError('STORE.UNAVAILABLE', `Could not write to the case database: ${message.message}`);
        for (const seq of message.failed) this.settle(seq)?.reject(err);
      }
    });
    const fail = (err: Error) => {
      // Whatever was waiting was not acknowledged; a later save starts a new worker.
      if (this.worker === worker) this.worker = null;
      const failure = new StoreError('STORE.UNAVAILABLE', `The case database writer stopped: ${err.message}`, { cause: err });
      for (const seq of [...this.waiting.keys()]) this.settle(seq)?.reject(failure);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (this.waiting.size > 0) fail(new Error(`exit code ${code}`)); else if (this.worker === worker) this.worker = null; });
    this.worker = worker;
    return worker;
  }

  private settle(seq: number): Waiting | undefined {
    const w = this.waiting.get(seq);
    this.waiting.delete(seq);
    if (this.waiting.size === 0) this.worker?.unref();
    return w;
  }
}
