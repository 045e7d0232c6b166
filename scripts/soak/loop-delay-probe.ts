import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Loaded into the bot's process by the soak (`node --import tsx --import <this> src/index.ts`),
 * so the production entry point is measured unchanged: it watches the event loop's delay, and
 * on SIGUSR2 prints one line to stderr with the delay since the last signal and the memory in
 * use, then starts a new window. It forces no garbage collection: that would change what is
 * measured.
 */
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();

process.on('SIGUSR2', () => {
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  const memory = process.memoryUsage();
  const reading = {
    p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max),
    heapUsedMb: mb(memory.heapUsed),
  };
  histogram.reset();
  process.stderr.write(`soak-probe ${JSON.stringify(reading)}\n`);
});
