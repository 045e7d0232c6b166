import type { AuthRow } from './authentication';
import type { CrashFigures } from './crash-burst';
import type { FolderCase } from './data-folder';
import type { MixedFigures } from './mixed-traffic';
import type { StormFigures } from './throttle-storm';

export interface SoakResult {
  machine: string;
  date: string;
  quick: boolean;
  seconds: number;
  crashes: CrashFigures[];
  storm: StormFigures;
  dataFolder: FolderCase[];
  mixed: MixedFigures;
  authentication: AuthRow[];
}

/** One "must" of issue 18, met or not, with the figure that decides it. */
export interface Check { must: string; figure: string; ok: boolean }

/** RSS at the end may be at most this much above RSS after warm-up. */
const RSS_GROWTH_LIMIT_PERCENT = 10;

export function verdicts(r: SoakResult): Check[] {
  const checks: Check[] = [];
  for (const c of r.crashes) {
    checks.push({ must: `kill -9 (${c.store}): every confirmed submission stored whole, none twice, none half-written`, figure: `lost ${c.lost}, duplicates ${c.duplicates}, half-written ${c.halfWritten}`, ok: c.lost === 0 && c.duplicates === 0 && c.halfWritten === 0 });
    checks.push({ must: `kill -9 (${c.store}): each unconfirmed form, submitted again, ends as exactly one case`, figure: `${c.endedAsOneCase} of ${c.resubmitted}, duplicates after ${c.duplicatesAfter}`, ok: c.endedAsOneCase === c.resubmitted && c.duplicatesAfter === 0 });
  }
  const s = r.storm;
  checks.push({ must: 'throttling storm: no error shown that retrying would have avoided', figure: `${s.errorsShown} of ${s.actions} answers`, ok: s.errorsShown === 0 });
  checks.push({ must: 'throttling storm: nothing confirmed is lost', figure: `lost cases ${s.lostCases}, notes ${s.lostNotes}`, ok: s.lostCases === 0 && s.lostNotes === 0 });
  for (const f of r.dataFolder) {
    const during = f.submitted === undefined ? '' : `, confirmed ${f.confirmed ?? 0}/${f.submitted}, lost ${f.lost ?? 0}, /readyz after ${f.readyzAfter ?? '-'}`;
    checks.push({ must: `data folder ${f.name}: stays up, /healthz 200, /readyz 503 and bare, log names the folder${f.submitted === undefined ? '' : ', nothing lost'}`, figure: `up ${f.stayedUp}, healthz ${f.healthz}, readyz ${f.readyz}, bare ${f.readyzBare}, named ${f.logNamesFolder}${during}`, ok: f.ok });
  }
  const m = r.mixed;
  // 40 s of readings that swing by a third cannot tell a 10% trend from the swings: a quick run
  // shows the figure, and the full run's two minutes decide.
  const rssMet = m.rssGrowthPercent <= RSS_GROWTH_LIMIT_PERCENT;
  checks.push({
    must: `mixed traffic: RSS at the end within ${RSS_GROWTH_LIMIT_PERCENT}% of RSS after warm-up${r.quick ? ' (information only in a quick run)' : ''}`,
    figure: `${m.rssAfterWarmUpMb} -> ${m.rssAtEndMb} MB (${m.rssGrowthPercent}%)${r.quick && !rssMet ? ', over: run the full soak to decide' : ''}`, ok: rssMet || r.quick,
  });
  checks.push({ must: 'mixed traffic: no error shown, nothing lost', figure: `errors ${m.errorsShown}, lost cases ${m.lostCases}, notes ${m.lostNotes}`, ok: m.errorsShown === 0 && m.lostCases === 0 && m.lostNotes === 0 });
  const refused = r.authentication.filter((a) => a.expected !== '2xx');
  checks.push({ must: 'authentication: every forged or misdirected request gets 401 or 403', figure: `${refused.filter((a) => a.ok).length} of ${refused.length}`, ok: refused.every((a) => a.ok) });
  checks.push({ must: 'authentication: a token the issuer signed for this bot is let in (control)', figure: String(r.authentication.find((a) => a.expected === '2xx')?.status ?? '-'), ok: r.authentication.filter((a) => a.expected === '2xx').every((a) => a.ok) });
  return checks;
}

export function printReport(r: SoakResult, checks: Check[]): void {
  const lines: string[] = [`Soak, ${r.quick ? 'quick' : 'full'} run: ${r.machine}; ${r.date}; ${r.seconds} s`, ''];
  lines.push('kill -9 in the middle of a burst of submissions, restarted on the same store:');
  lines.push('  store    forms  sent  confirmed  stored  duplicates  half-written  lost | re-submitted  one case each  duplicates after');
  for (const c of r.crashes) {
    lines.push(`  ${c.store.padEnd(7)} ${pad(c.forms, 6)} ${pad(c.sent, 5)} ${pad(c.confirmed, 10)} ${pad(c.stored, 7)} ${pad(c.duplicates, 11)} ${pad(c.halfWritten, 13)} ${pad(c.lost, 5)} | ${pad(c.resubmitted, 12)} ${pad(c.endedAsOneCase, 14)} ${pad(c.duplicatesAfter, 17)}`);
  }
  const s = r.storm;
  lines.push('', `Throttling storm on Cosmos DB (429 + x-ms-retry-after-ms on every third request), ${s.conversations} conversations, ${s.seconds} s:`);
  lines.push(`  Cosmos DB requests ${s.cosmosRequests}, throttled ${s.throttled}; answers ${s.actions}; cases confirmed ${s.casesConfirmed}, notes ${s.notesConfirmed}; errors shown ${s.errorsShown}; lost ${s.lostCases + s.lostNotes}`);
  for (const e of s.errorSamples) lines.push(`    shown: ${e}`);
  lines.push('', 'Data folder:');
  for (const f of r.dataFolder) {
    lines.push(`  ${f.name}: up ${yes(f.stayedUp)}, /healthz ${f.healthz}, /readyz ${f.readyz} (bare ${yes(f.readyzBare)}), log names the folder ${yes(f.logNamesFolder)}${f.submitted === undefined ? '' : `; submits ${f.submitted}, confirmed ${f.confirmed ?? 0}, lost ${f.lost ?? 0}, /readyz after ${f.readyzAfter ?? '-'}`}`);
    lines.push(`    how: ${f.how}`);
    for (const t of f.told ?? []) lines.push(`    told: ${t}`);
  }
  const m = r.mixed;
  lines.push('', `Mixed traffic on the embedded store, ${m.conversations} conversations, ${m.seconds} s after ${m.warmUpSeconds} s of warm-up (${m.actions} answers, ${m.actionsPerSecond}/s):`);
  lines.push(`  RSS after warm-up ${m.rssAfterWarmUpMb} MB, at the end ${m.rssAtEndMb} MB (the least-squares line through ${m.rssReadings} readings, one a second): ${m.rssGrowthPercent}% (${m.rssGrowthPercent <= RSS_GROWTH_LIMIT_PERCENT ? 'within' : 'over'} ${RSS_GROWTH_LIMIT_PERCENT}%)`);
  lines.push(`  RSS readings from ${m.rssMinMb} to ${m.rssMaxMb} MB, median ${m.rssMedianMb}; every 5 s: ${m.rssSeriesMb.join(' ')}`);
  lines.push(`  main-thread heap in use ${m.heapAfterWarmUpMb} -> ${m.heapAtEndMb} MB`);
  lines.push(`  event-loop delay p50 ${m.loopDelayP50Ms} ms, p99 ${m.loopDelayP99Ms} ms, max ${m.loopDelayMaxMs} ms; errors shown ${m.errorsShown}; lost ${m.lostCases + m.lostNotes}`);
  lines.push('', 'Authentication (app id set, keys served locally as OpenID metadata):');
  for (const a of r.authentication) lines.push(`  ${a.request.padEnd(48)} ${String(a.status).padStart(4)}  (expected ${a.expected}) ${a.ok ? 'ok' : 'FAILED'}`);
  lines.push('', 'Summary:');
  for (const c of checks) lines.push(`  ${c.ok ? 'met   ' : 'MISSED'} ${c.must}: ${c.figure}`);
  lines.push('', checks.every((c) => c.ok) ? 'Every must met.' : `${checks.filter((c) => !c.ok).length} must(s) missed.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const pad = (n: number, width: number) => String(n).padStart(width);
const yes = (b: boolean) => (b ? 'yes' : 'NO');
