import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded into the bot's process by the soak (`node --import tsx --import <this> src/index.ts`),
 * so the production entry point is measured unchanged: it watches the event loop's delay, and
 * on SIGUSR2 prints one line to stderr with the delay since the last signal and the memory in
 * use, then starts a new window. With --expose-gc it collects garbage first, so the memory
 * figure is what is still held, not what the collector has yet to reclaim.
 */
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  const memory = process.memoryUsage();
  const reading = {
    p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max),
    rssMb: Math.round((memory.rss / 1048576) * 10) / 10, heapUsedMb: Math.round((memory.heapUsed / 1048576) * 10) / 10, collected: Boolean(gc),
  };
  histogram.reset();
  process.stderr.write(`soak-probe ${JSON.stringify(reading)}\n`);
});
