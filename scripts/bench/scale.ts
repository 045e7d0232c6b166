import { mkdtempSync } from 'node:fs';
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
import { complaintsLogHeader, complaintsLogRow } from '../../src/reports/complaints-log';
import { caseFacts } from '../../src/reports/case-facts';
import { toCsv } from '../../src/reports/csv';
import { reportFromFacts } from '../../src/reports/report';
import { createBenchCases } from './bench-cases';

export interface ScaleFigures {
  sweep: Array<{ store: string; cases: number; due: number; ms: number }>;
  sweepRatios: Array<{ store: string; smallest: number; largest: number; ratio: number }>;
  sweepQuery: string;
  deadlineEngine: { timelinesPerSecond: number; eventsPerTimeline: number };
  report: Array<{ cases: number; ms: number }>;
}

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
    { type: 'paused', on: addCalendarDays(start, 6), reason: 'x' }, { type: 'resumed', on: addCalendarDays(start, 9) },
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
  const sizes = quick ? [1_000, 5_000] : [1_000, 10_000, 100_000];
  const report: ScaleFigures['report'] = [];
  const sqlite = await sweepFigures('sqlite', () => createStores({ kind: 'sqlite', dataDir: mkdtempSync(path.join(tmpdir(), 'bench-sweep-')) }), sizes,
    async (stores) => { report.push(await reportFigures(stores)); });
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
    report,
  };
}

/** The complaints log and the performance figures over every case in the store, as the CLI makes them. */
async function reportFigures(stores: Stores): Promise<{ cases: number; ms: number }> {
  const policy = findPreset('hos-2024');
  if (!policy) throw new Error('the hos-2024 preset is missing');
  const ctx = { policy, calendar: calendarForPolicy(policy), today: londonDateOf(new Date()) };
  const started = process.hrtime.bigint();
  const records = await stores.cases.casesReceivedBetween('2000-01-01', '2100-12-31');
  const facts = records.map((r) => caseFacts(r, ctx));
  toCsv(complaintsLogHeader(policy.stages.length), facts.map((f) => complaintsLogRow(f, policy.stages.length)));
  reportFromFacts(facts, ctx, { from: '2000-01-01', to: '2100-12-31', homes: null });
  return { cases: records.length, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}
