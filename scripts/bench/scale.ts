import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { addCalendarDays, londonDateOf } from '../../src/domain/calendar-date';
import type { CaseEvent } from '../../src/domain/case-events';
import { deriveCase } from '../../src/domain/case-timeline';
import { findPreset } from '../../src/policies/preset-registry';
import { createStores } from '../../src/store/create-stores';
import type { Stores } from '../../src/store/stores';
import { startLocalCosmos } from '../../test/support/cosmos-server';
import { createBenchCases } from './bench-cases';

export interface ScaleFigures {
  sweep: Array<{ store: string; cases: number; due: number; ms: number }>;
  sweepRatios: Array<{ store: string; smallest: number; largest: number; ratio: number }>;
  sweepQuery: string;
  deadlineEngine: { timelinesPerSecond: number; eventsPerTimeline: number };
  /** `complaints demo --cases N` into an empty embedded store, as its own process. */
  demo: CliRun & { cases: number };
  /** `complaints report` over every case of that store, each format as its own process, RUNS times. */
  report: Array<CliRun & { cases: number; format: string; run: number }>;
}

/** One command-line run: wall time of the whole process (start-up included) and its peak resident set. */
export interface CliRun { ms: number; peakRssMb: number }

const RUNS = 2;
const ROOT = path.resolve(__dirname, '../..');
/** Writes the process's peak RSS (getrusage, in KB) to stderr as it exits, so that even the last moment is counted. */
const PEAK_RSS_PROBE = 'data:text/javascript,process.on("exit",()=>{process.stderr.write("\\npeak-rss-kb="+process.resourceUsage().maxRSS+"\\n")})';

const DUE = 100;

/**
 * Finding and claiming the due reminders: the work that must grow with the number of due
 * items, not the number of cases. Each size adds open cases whose deadlines are years away
 * to the same 100 cases with deadlines this week.
 */
async function sweepFigures(store: string, open: () => Promise<Stores>, sizes: number[], afterLargest?: (stores: Stores) => Promise<void>): Promise<ScaleFigures['sweep']> {
  const stores = await open();
  const now = new Date();
  const today = londonDateOf(now);
  const horizon = addCalendarDays(today, 10);
  const out: ScaleFigures['sweep'] = [];
  try {
    await createBenchCases(stores.cases, DUE, today, now);
    let total = DUE;
    for (const size of sizes) {
      await createBenchCases(stores.cases, size - total, '2031-01-06', now);
      total = size;
      // One unmeasured pass first, so the figure is the steady cost, not statement preparation.
      await stores.cases.deadlinesDueBy(horizon);
      const started = process.hrtime.bigint();
      const due = await stores.cases.deadlinesDueBy(horizon);
      const leaseUntil = new Date(now.getTime() + 60_000).toISOString();
      let claimed = 0;
      for (const d of due) {
        if (await stores.reminderClaims.claimReminder({ caseId: d.caseId, stage: d.stage, kind: d.kind, point: `bench-${size}` }, 'bench', leaseUntil, now.toISOString())) claimed++;
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      out.push({ store, cases: size, due: claimed, ms });
    }
    if (afterLargest) await afterLargest(stores);
  } finally {
    await stores.close();
  }
  return out;
}

/** Deadlines computed per second: whole timelines (receipt to stage 2 response) through the domain. */
function engineFigures(quick: boolean): ScaleFigures['deadlineEngine'] {
  const policy = findPreset('hos-2024');
  if (!policy) throw new Error('the hos-2024 preset is missing');
  const calendar = calendarForPolicy(policy);
  const timeline = (start: string): CaseEvent[] => [
    { type: 'received', on: start }, { type: 'acknowledged', on: addCalendarDays(start, 2) },
    { type: 'extended', on: addCalendarDays(start, 5), workingDays: 5, reason: 'x' },
    { type: 'paused', on: addCalendarDays(start, 6), reason: 'x', complainantConsented: true }, { type: 'resumed', on: addCalendarDays(start, 9) },
    { type: 'responded', on: addCalendarDays(start, 15), outcome: 'upheld' }, { type: 'escalation-requested', on: addCalendarDays(start, 20) },
    { type: 'acknowledged', on: addCalendarDays(start, 22) }, { type: 'responded', on: addCalendarDays(start, 40), outcome: 'not-upheld' },
  ];
  const starts = Array.from({ length: 365 }, (_, i) => addCalendarDays('2026-01-01', i));
  const runs = quick ? 5_000 : 50_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    const result = deriveCase(timeline(starts[i % starts.length] ?? '2026-01-01'), { policy, calendar });
    if (!result.ok) throw new Error(result.message);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { timelinesPerSecond: runs / seconds, eventsPerTimeline: 9 };
}

export async function scaleFigures(quick: boolean): Promise<ScaleFigures> {
  // The targets' own sizes even in --quick (issue 17: one quick run shows every target), which
  // skips only the middle size; about a minute more than at 10,000.
  const sizes = quick ? [1_000, 100_000] : [1_000, 10_000, 100_000];
  const { demo, report } = await commandLineFigures(100_000);
  const sqlite = await sweepFigures('sqlite', () => createStores({ kind: 'sqlite', dataDir: mkdtempSync(path.join(tmpdir(), 'bench-sweep-')) }), sizes);
  // The local Cosmos emulator scans where the real service uses its index; smaller sizes, for information.
  const cosmos = await startLocalCosmos();
  let cosmosSweep: ScaleFigures['sweep'];
  try {
    cosmosSweep = await sweepFigures('cosmos', () => createStores({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'bench', databaseName: 'bench-sweep', agent: cosmos.agent }), quick ? [1_000] : [1_000, 10_000]);
  } finally {
    await cosmos.stop();
  }
  const sweep = [...sqlite, ...cosmosSweep];
  const ratios = ['sqlite', 'cosmos'].flatMap((store) => {
    const rows = sweep.filter((s) => s.store === store);
    const first = rows[0];
    const last = rows.at(-1);
    return first && last && rows.length > 1 ? [{ store, smallest: first.cases, largest: last.cases, ratio: last.ms / first.ms }] : [];
  });
  return {
    sweep, sweepRatios: ratios,
    sweepQuery: 'SELECT c.id AS caseId, c.reference, c.responsibleOfficerId, r.stage, r.kind, r.due FROM c JOIN r IN c.q.running WHERE c.q.dueOn <= @date AND r.due <= @date',
    deadlineEngine: engineFigures(quick),
    demo,
    report,
  };
}

/**
 * The admin command line as an administrator runs it (`node dist/cli.js`, compiled by the
 * bench before this runs): the demo data, then the report over all of it in every format.
 */
export async function commandLineFigures(cases: number): Promise<Pick<ScaleFigures, 'demo' | 'report'>> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: the bench builds it (npm run -s build) before the scale figures`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-report-'));
  const env = { DATA_DIR: dataDir, COSMOS_ENDPOINT: '', COMPLAINT_POLICY: 'hos-2024', LOG_LEVEL: 'error' };
  try {
    const demo = { cases, ...await runCli(cli, ['demo', '--cases', String(cases)], env) };
    const today = londonDateOf(new Date());
    const report: ScaleFigures['report'] = [];
    for (let run = 1; run <= RUNS; run++) {
      for (const format of ['csv', 'json', 'html']) {
        report.push({ cases, format, run, ...await runCli(cli, ['report', '--from', '2000-01-01', '--to', today, '--format', format], env) });
      }
    }
    return { demo, report };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs the command line to the end, its output thrown away; fails on a non-zero exit. */
function runCli(cli: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', PEAK_RSS_PROBE, cli, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const kb = /peak-rss-kb=(\d+)/.exec(stderr)?.[1];
      if (code !== 0 || kb === undefined) reject(new Error(`complaints ${args.join(' ')} exited ${String(code)}: ${stderr.slice(0, 2000)}`));
      else resolve({ ms, peakRssMb: Number(kb) / 1024 });
    });
  });
}

/** The command-line figures as lines; their verdicts are with the other targets (targets.ts). */
export function commandLineLines(figures: Pick<ScaleFigures, 'demo' | 'report'>): string[] {
  const { demo } = figures;
  const lines = [`  complaints demo --cases ${demo.cases}: ${(demo.ms / 1000).toFixed(1)} s, peak RSS ${demo.peakRssMb.toFixed(0)} MB`];
  for (const format of ['csv', 'json', 'html']) {
    const runs = figures.report.filter((r) => r.format === format);
    if (!runs.length) continue;
    lines.push(`  complaints report --format ${format.padEnd(4)} over ${runs[0]?.cases ?? 0} cases: ${runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ')}; peak RSS ${runs.map((r) => `${r.peakRssMb.toFixed(0)} MB`).join(', ')}`);
  }
  return lines;
}
