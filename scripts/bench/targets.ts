import type { CosmosRequestCounts } from './counting-cosmos';
import type { PackFigures } from './evidence-pack';
import type { ScaleFigures } from './scale';

/** Issue 17's targets for the command line over 100,000 cases. */
const REPORT_TARGET = { ms: 3_000, peakRssMb: 300 };
const DEMO_TARGET_MS = 20_000;
/** The sweep's target: 100,000 cases within 1.5x of 1,000 on the embedded store. */
const SWEEP_RATIO_TARGET = 1.5;

/** One of issue 17's targets as a run measured it: `met` is null when the run did not measure it. */
export interface TargetResult { target: string; measured: string; met: boolean | null }

export interface MeasuredRun {
  scenarios: Array<{ name: string; concurrency: number; p99Ms: number; ratioToPeer: number | null }>;
  /** The echo peer's own peak RSS under its load, beside ours. */
  peerPeakRssMb: number;
  cosmosRequestsPerSubmit: CosmosRequestCounts & { submits: number };
  peakRssMb: number;
  scale: ScaleFigures | null;
  evidencePack: PackFigures | null;
}

/**
 * Every target against what the run measured, in one place: the table and `--json` print the
 * same verdicts, so one quick run says which are met.
 */
export function targetResults(run: MeasuredRun): TargetResult[] {
  const f = (n: number | null | undefined, d = 0) => (n === null || n === undefined ? '-' : n.toFixed(d));
  const at50 = (name: string) => run.scenarios.find((s) => s.name === name && s.concurrency === 50);
  const submit = at50('card-submit-embedded');
  const message = at50('card-message');
  const c = run.cosmosRequestsPerSubmit;
  const out: TargetResult[] = [
    { target: 'card submit at 50 conversations >= 0.8x echo (embedded store)', measured: `${f(submit?.ratioToPeer, 2)}x`, met: (submit?.ratioToPeer ?? 0) >= 0.8 },
    { target: 'card submit p99 < 50 ms at 50 conversations (embedded store)', measured: `${f(submit?.p99Ms, 1)} ms (echo ${f(at50('echo')?.p99Ms, 1)} ms)`, met: (submit?.p99Ms ?? Infinity) < 50 },
    { target: 'card message at 50 conversations >= 0.95x echo', measured: `${f(message?.ratioToPeer, 2)}x`, met: (message?.ratioToPeer ?? 0) >= 0.95 },
    {
      target: 'card submit on Cosmos DB: one point read and one conditional write, no more',
      measured: `${c.pointReads} point reads, ${c.replaces} replaces, ${c.creates} creates, ${c.queries} queries, ${c.other} other per submit (${c.submits} counted)`,
      met: c.pointReads === 1 && c.replaces === 1 && c.creates === 0 && c.queries === 0 && c.other === 0,
    },
    { target: 'peak RSS of the bot under the bench load < 200 MB', measured: `${run.peakRssMb} MB (echo ${run.peerPeakRssMb} MB under its load)`, met: run.peakRssMb < 200 },
  ];
  const scale = run.scale;
  if (scale) {
    const sweep = scale.sweepRatios.find((r) => r.store === 'sqlite');
    out.push({ target: `reminder sweep at 100,000 cases within ${SWEEP_RATIO_TARGET}x of 1,000 (embedded store)`, measured: sweep ? `${sweep.ratio.toFixed(2)}x (${sweep.largest} / ${sweep.smallest})` : '-', met: sweep && sweep.largest === 100_000 ? sweep.ratio <= SWEEP_RATIO_TARGET : null });
    out.push({ target: `complaints demo --cases 100000 < ${DEMO_TARGET_MS / 1000} s`, measured: `${(scale.demo.ms / 1000).toFixed(1)} s at ${scale.demo.cases}`, met: scale.demo.cases === 100_000 ? scale.demo.ms < DEMO_TARGET_MS : null });
    for (const format of ['csv', 'json', 'html']) {
      const runs = scale.report.filter((r) => r.format === format);
      if (!runs.length) continue;
      const ms = Math.max(...runs.map((r) => r.ms));
      const rss = Math.max(...runs.map((r) => r.peakRssMb));
      const cases = runs[0]?.cases ?? 0;
      out.push({
        target: `complaints report --format ${format} over 100,000 cases < ${REPORT_TARGET.ms / 1000} s and < ${REPORT_TARGET.peakRssMb} MB`,
        measured: `worst of ${runs.length}: ${(ms / 1000).toFixed(2)} s, ${rss.toFixed(0)} MB at ${cases}`,
        met: cases === 100_000 ? ms < REPORT_TARGET.ms && rss < REPORT_TARGET.peakRssMb : null,
      });
    }
  }
  if (run.evidencePack) out.push({ target: 'evidence pack of a 200-event case < 2 s', measured: `worst ${run.evidencePack.maxMs.toFixed(0)} ms`, met: run.evidencePack.maxMs < 2000 });
  return out;
}

export function targetLines(results: readonly TargetResult[]): string[] {
  return results.map((r) => `  ${r.target}: ${r.measured} (${r.met === null ? 'not measured at that size' : r.met ? 'met' : 'missed'})`);
}
