import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { londonDateOf } from '../../src/domain/calendar-date';
import { createStores } from '../../src/store/create-stores';
import { freePort } from '../../test/support/bot-process';
import { createBenchCases } from './bench-cases';
import { startCountingCosmos, type CosmosRequestCounts } from './counting-cosmos';
import { load, type LoadResult } from './load';
import { compiledPeer, startServer, type ServerProcess } from './processes';
import { evidencePackFigures, type PackFigures } from './evidence-pack';
import { commandLineLines, scaleFigures, type ScaleFigures } from './scale';
import { targetLines, targetResults } from './targets';

/**
 * `npm run bench`: how fast the bot answers, side by side with the floor the platform allows,
 * and how its costs grow with the case load. Everything on loopback. `--quick` for a short
 * run, `--json` for machine-readable output, `--answering` for the answering figures only
 * (no scale or evidence-pack figures).
 */
const quick = process.argv.includes('--quick');
const answeringOnly = process.argv.includes('--answering');
/** Card submits sent one at a time on Cosmos DB while the server counts the requests they cost. */
const COUNTED_SUBMITS = 20;
const json = process.argv.includes('--json');
const SECONDS = quick ? 2 : 8;
const CONCURRENCY = [1, 10, 50];
const ALEX = { id: '29:alex', name: 'Alex Morgan', aadObjectId: '00000000-0000-4000-8000-000000000001' };

interface Scenario { name: string; concurrency: number; rps: number; p50Ms: number; p99Ms: number; ratioToFloor: number | null; ratioToPeer: number | null; errors: number }

/** A Bot Connector stand-in that only counts what the bots send (replies and cards). */
async function countingConnector(): Promise<{ url: string; count: () => number; close: () => void }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => { count++; res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x"}'); });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, count: () => count, close: () => server.close() };
}

function activity(serviceUrl: string, connection: number, n: number, extra: object) {
  return {
    channelId: 'msteams', serviceUrl, id: `b-${connection}-${n}`, from: ALEX, recipient: { id: '28:bot', name: 'Complaints' },
    // One person, one personal chat, as in Teams; connections differ by the case they act on.
    conversation: { id: 'bench-alex', conversationType: 'personal' }, ...extra,
  };
}

async function run(name: string, server: ServerProcess, body: (url: string) => (c: number, n: number) => object, connectorUrl: string): Promise<Array<Omit<Scenario, 'ratioToFloor' | 'ratioToPeer'>>> {
  const out = [];
  for (const c of CONCURRENCY) {
    const r: LoadResult = await load(server.url, c, SECONDS, body(connectorUrl));
    out.push({ name, concurrency: c, rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors + r.non2xx });
  }
  return out;
}


async function main(): Promise<void> {
  const connector = await countingConnector();
  const now = new Date();
  const today = londonDateOf(now);
  const message = (url: string) => (c: number, n: number) => activity(url, c, n, { type: 'message', text: 'help' });
  const results: Array<Omit<Scenario, 'ratioToFloor' | 'ratioToPeer'>> = [];
  let peakRssMb = 0;

  const floor = await startServer('scripts/bench/floor-server.ts', await freePort(), {}, '/api/messages');
  results.push(...await run('floor', floor, message, connector.url));
  await floor.stop();

  const peer = compiledPeer('scripts/bench/echo-bot.ts');
  const echo = await startServer(peer, await freePort(), {}, '/api/messages');
  results.push(...await run('echo', echo, message, connector.url));
  const echoRssMb = echo.peakRssMb();
  await echo.stop();
  rmSync(path.dirname(peer), { recursive: true, force: true });

  // This bot on the embedded store: a message that shows a card, and a card submit that
  // validates and appends an event (a note) to a case, one case per conversation.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const seed = await createStores({ kind: 'sqlite', dataDir });
  const caseIds = await createBenchCases(seed.cases, Math.max(...CONCURRENCY), today, now);
  await seed.close();
  // No app id: a local run, unauthenticated on loopback, as npm run dev runs it.
  const appEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'error', REMINDER_SWEEP_SECONDS: '0', LOCAL_UNAUTHENTICATED: 'true' };
  const submit = (url: string) => (c: number, n: number) => activity(url, c, n, {
    type: 'invoke', name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'case.note', data: { caseId: caseIds[c % caseIds.length], version: 'any', on: today, channel: 'internal', text: `Benchmark note ${n}` } } },
  });
  // The bot runs as App Service runs it: compiled JavaScript (npm start), not through tsx.
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  const app = await startServer('dist/index.js', await freePort(), appEnv, '/healthz');
  results.push(...await run('card-message', app, message, connector.url));
  results.push(...await run('card-submit-embedded', app, submit, connector.url));
  const embeddedRssMb = app.peakRssMb();
  peakRssMb = Math.max(peakRssMb, embeddedRssMb);
  await app.stop();

  // The same submit on Cosmos DB (the local emulator: informative only, it is not the service).
  const cosmos = await startCountingCosmos();
  const cosmosStores = await createStores({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'bench', databaseName: 'bench', agent: cosmos.agent });
  const cosmosIds = await createBenchCases(cosmosStores.cases, Math.max(...CONCURRENCY), today, now);
  await cosmosStores.close();
  const cosmosApp = await startServer('dist/index.js', await freePort(), {
    ...appEnv, COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'bench', COSMOS_DATABASE: 'bench', NODE_TLS_REJECT_UNAUTHORIZED: '0',
  }, '/healthz');
  const cosmosSubmit = (url: string) => (c: number, n: number) => ({ ...submit(url)(c, n), value: { action: { type: 'Action.Execute', verb: 'case.note', data: { caseId: cosmosIds[c % cosmosIds.length], version: 'any', on: today, channel: 'internal', text: `Benchmark note ${n}` } } } });
  results.push(...await run('card-submit-cosmos', cosmosApp, cosmosSubmit, connector.url));
  // Then submits one at a time, each awaited, while the server counts what they cost; first
  // a pause, so that nothing of the load run is still being answered.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  cosmos.reset();
  for (let n = 0; n < COUNTED_SUBMITS; n++) {
    const res = await fetch(`${cosmosApp.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cosmosSubmit(connector.url)(n, 1_000_000 + n)) });
    if (!res.ok) throw new Error(`a counted Cosmos DB submit answered ${res.status}`);
    await res.arrayBuffer();
  }
  const cosmosRequests = perSubmit(cosmos.counts(), COUNTED_SUBMITS);
  const cosmosRssMb = cosmosApp.peakRssMb();
  peakRssMb = Math.max(peakRssMb, cosmosRssMb);
  await cosmosApp.stop();
  await cosmos.stop();
  connector.close();

  const scale: ScaleFigures | null = answeringOnly ? null : await scaleFigures(quick);
  const evidencePack: PackFigures | null = answeringOnly ? null : await evidencePackFigures(quick);
  const rpsOf = (name: string, c: number) => results.find((r) => r.name === name && r.concurrency === c)?.rps ?? 0;
  const scenarios: Scenario[] = results.map((r) => ({
    ...r,
    ratioToFloor: rpsOf('floor', r.concurrency) ? r.rps / rpsOf('floor', r.concurrency) : null,
    ratioToPeer: rpsOf('echo', r.concurrency) ? r.rps / rpsOf('echo', r.concurrency) : null,
  }));
  const output = {
    machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`, quick, secondsPerRun: SECONDS, scenarios,
    peakRssMb: Math.round(peakRssMb), peakRssEmbeddedMb: Math.round(embeddedRssMb), peakRssCosmosMb: Math.round(cosmosRssMb), peerPeakRssMb: Math.round(echoRssMb), cosmosRequestsPerSubmit: cosmosRequests,
    ...(scale ?? {}), ...(evidencePack ? { evidencePack } : {}),
  };
  const targets = targetResults({ scenarios, peerPeakRssMb: output.peerPeakRssMb, cosmosRequestsPerSubmit: cosmosRequests, peakRssMb: output.peakRssMb, scale, evidencePack });
  if (json) { process.stdout.write(`${JSON.stringify({ ...output, targets }, null, 2)}\n`); return; }
  printTable(output, scenarios, scale, evidencePack);
  process.stdout.write(`\nTargets (issue 17):\n${targetLines(targets).join('\n')}\n`);
}

/** The server's counts divided by the number of submits, and whether that is one read and one write of the case. */
function perSubmit(counts: CosmosRequestCounts, submits: number): CosmosRequestCounts & { submits: number } {
  const per = (n: number) => Math.round((n / submits) * 100) / 100;
  const byContainer: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts.byContainer)) byContainer[name] = per(n);
  return { submits, pointReads: per(counts.pointReads), replaces: per(counts.replaces), creates: per(counts.creates), queries: per(counts.queries), other: per(counts.other), byContainer };
}

interface Printed { machine: string; peakRssMb: number; peakRssEmbeddedMb: number; peakRssCosmosMb: number; peerPeakRssMb: number; cosmosRequestsPerSubmit: CosmosRequestCounts & { submits: number } }

function printTable(output: Printed, scenarios: Scenario[], scale: ScaleFigures | null, evidencePack: PackFigures | null): void {
  const f = (n: number | null, d = 0) => (n === null ? '-' : n.toFixed(d));
  const lines = [`Machine: ${output.machine}`, '', 'scenario               conc      rps   p50 ms   p99 ms  x floor  x echo  errors'];
  for (const s of scenarios) lines.push(`${s.name.padEnd(22)} ${String(s.concurrency).padStart(4)} ${f(s.rps).padStart(8)} ${f(s.p50Ms, 1).padStart(8)} ${f(s.p99Ms, 1).padStart(8)} ${f(s.ratioToFloor, 2).padStart(8)} ${f(s.ratioToPeer, 2).padStart(7)} ${String(s.errors).padStart(7)}`);
  const c = output.cosmosRequestsPerSubmit;
  lines.push('', 'Answering:');
  lines.push(`  card submit on Cosmos DB, requests per submit (${c.submits} counted): by container ${Object.entries(c.byContainer).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  lines.push(`  peak RSS: ${output.peakRssMb} MB (embedded ${output.peakRssEmbeddedMb}, Cosmos DB ${output.peakRssCosmosMb}); the echo peer under its load: ${output.peerPeakRssMb} MB`);
  if (scale) printScale(lines, scale);
  if (evidencePack) {
    const p = evidencePack;
    lines.push(`  evidence pack, ${p.events} events, no attachments: median ${p.medianMs.toFixed(0)} ms, worst ${p.maxMs.toFixed(0)} ms of ${p.runs}, ${Math.round(p.bytes / 1024)} KB`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printScale(lines: string[], output: ScaleFigures): void {
  const f = (n: number | null, d = 0) => (n === null ? '-' : n.toFixed(d));
  lines.push('', 'Scale:');
  for (const s of output.sweep) lines.push(`  sweep ${s.store.padEnd(8)} ${String(s.cases).padStart(7)} cases, ${s.due} due: ${s.ms.toFixed(1)} ms`);
  for (const r of output.sweepRatios) lines.push(`  sweep ${r.store}: ${r.largest} / ${r.smallest} cases = ${r.ratio.toFixed(2)}x${r.store === 'sqlite' ? '' : ' (information only: the local server scans)'}`);
  if (output.sweepQuery) lines.push(`  sweep query on Cosmos DB: ${output.sweepQuery}`);
  lines.push(`  deadline engine: ${f(output.deadlineEngine.timelinesPerSecond)} timelines/s (${output.deadlineEngine.eventsPerTimeline} events each)`);
  lines.push(...commandLineLines(output));
}

main().then(() => process.exit(0), (err: unknown) => { process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`); process.exit(1); });
