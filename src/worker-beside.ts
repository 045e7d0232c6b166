import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` that sits beside `fromFile` (the caller's
 * __filename): compiled JavaScript in production; TypeScript under tsx in tests and scripts,
 * where a worker does not inherit tsx's loader for a .ts entry and registers it first. The save
 * thread and the report's reading thread start this way.
 */
export function startWorkerBeside(fromFile: string, name: string, options: WorkerOptions): Worker {
  const entry = path.join(path.dirname(fromFile), `${name}${path.extname(fromFile)}`);
  if (entry.endsWith('.js')) return new Worker(entry, options);
  const tsx = createRequire(fromFile).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}
