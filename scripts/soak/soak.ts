import { cpus, hostname } from 'node:os';
import { startLocalCosmos } from '../../test/support/cosmos-server';
import { authenticationChecks } from './authentication';
import { cosmosBackend, removeSoakFolders, sqliteBackend } from './backends';
import { crashBurst } from './crash-burst';
import { dataFolderChecks } from './data-folder';
import { mixedTraffic } from './mixed-traffic';
import { printReport, verdicts, type SoakResult } from './soak-report';
import { throttleStorm } from './throttle-storm';

/**
 * `npm run soak`: proof under faults and load (issue 18, docs/soak.md), with printed figures.
 * kill -9 mid-burst on both stores, a throttling storm on Cosmos DB, read-only and full data
 * folders, mixed traffic for memory and event-loop delay, and forged tokens. `--quick` for a
 * shorter run (~2.5 minutes instead of ~5), `--json` for machine-readable output. Exits 1 if
 * any "must" fails. Everything runs on loopback against the bot as its own process.
 */
const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');

async function main(): Promise<void> {
  const started = Date.now();
  const progress = (what: string) => { if (!json) process.stderr.write(`[soak ${Math.round((Date.now() - started) / 1000)}s] ${what}\n`); };
  const cosmos = await startLocalCosmos();
  try {
    const forms = quick ? 100 : 200;
    const burst = { forms, killAt: Math.round(forms * 0.4), concurrency: 25 };
    progress(`kill -9 mid-burst of ${forms} submissions, embedded store`);
    const sqliteCrash = await crashBurst(sqliteBackend('crash'), burst);
    progress(`kill -9 mid-burst of ${forms} submissions, local Cosmos DB server`);
    const cosmosCrash = await crashBurst(cosmosBackend('crash', cosmos), burst);
    // The unconfirmed forms are submitted again once their claims may be taken over (a minute);
    // the other checks run meanwhile.
    const finishing = Promise.all([sqliteCrash.finish(), cosmosCrash.finish()]);
    progress('authentication: forged and misdirected tokens');
    const authentication = await authenticationChecks(sqliteBackend('auth'));
    progress('data folder: read-only and full, at start and during writes');
    const dataFolder = await dataFolderChecks();
    const stormSeconds = quick ? 30 : 60;
    progress(`throttling storm: 429 on a third of Cosmos DB requests, 20 conversations, ${stormSeconds} s`);
    const storm = await throttleStorm(cosmos, { conversations: 20, seconds: stormSeconds });
    progress('re-submitting the forms left unconfirmed by the crashes');
    const crashes = await finishing;
    const mixedSeconds = quick ? 40 : 120;
    progress(`mixed traffic: 10 conversations, ${mixedSeconds} s after a warm-up`);
    const mixed = await mixedTraffic({ conversations: 10, warmUpSeconds: quick ? 30 : 40, seconds: mixedSeconds });
    const result: SoakResult = {
      machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}, ${hostname()}`, date: new Date().toISOString(), quick,
      seconds: Math.round((Date.now() - started) / 1000), crashes, storm, dataFolder, mixed, authentication,
    };
    const checks = verdicts(result);
    if (json) process.stdout.write(`${JSON.stringify({ ...result, checks, passed: checks.every((c) => c.ok) }, null, 2)}\n`);
    else printReport(result, checks);
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await cosmos.stop();
    removeSoakFolders();
  }
}

main().then(() => process.exit(process.exitCode ?? 0), (err: unknown) => {
  process.stderr.write(`soak failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(2);
});
