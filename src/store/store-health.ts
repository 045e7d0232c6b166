import type { StoreHealth } from './stores';

/** Runs a store's probe and says how it went and how long it took; never throws (see `Stores.ping`). */
export async function timedProbe(kind: 'sqlite' | 'cosmos', probe: () => Promise<void> | void): Promise<StoreHealth> {
  const started = Date.now();
  try {
    await probe();
    return { ok: true, kind, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, kind, latencyMs: Date.now() - started, message: err instanceof Error ? err.message : String(err) };
  }
}
