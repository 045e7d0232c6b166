import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStores } from '../../src/store/create-stores';
import { newCase } from '../support/case-fixtures';
import { runCli } from '../support/run-cli';

/**
 * `complaints demo` never mixes invented cases with real ones by accident: it refuses a store
 * holding a real case (exit 2, nothing written) unless --into-live-store is given, and its
 * cases are marked as demo cases in the complaints log.
 */
describe('complaints demo (CLI): refusing a store with real cases', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  const tempDir = (prefix: string) => { const dir = mkdtempSync(path.join(tmpdir(), prefix)); dirs.push(dir); return dir; };
  after(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });
  const env = (dir: string) => ({ DATA_DIR: dir, COMPLAINT_POLICY: 'hos-2024', COSMOS_ENDPOINT: '' });
  const count = async (dataDir: string) => {
    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      return { real: await stores.cases.countCases({ demo: false }), demo: await stores.cases.countCases({ demo: true }) };
    } finally {
      await stores.close();
    }
  };
  const withRealCase = async () => {
    const dataDir = tempDir('demo-live-');
    const stores = await createStores({ kind: 'sqlite', dataDir });
    await stores.cases.createCase(newCase());
    await stores.close();
    return dataDir;
  };

  it('fills an empty store, and again a store that holds only demo cases', async () => {
    const dataDir = tempDir('demo-empty-');
    const first = runCli(['demo', '--cases', '5', '--seed', '2'], '', env(dataDir));
    assert.equal(first.code, 0, first.stderr);
    const out = JSON.parse(first.stdout) as { created: number; realCases: number; store: string; intoLiveStore: boolean };
    assert.deepEqual([out.created, out.realCases, out.store, out.intoLiveStore], [5, 0, `the embedded database in ${dataDir}`, false]);
    const second = runCli(['demo', '--cases', '3'], '', env(dataDir));
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await count(dataDir), { real: 0, demo: 8 });
  });

  it('refuses a store that holds a real case: exit 2, the data folder and the count on stderr, nothing written', async () => {
    const dataDir = await withRealCase();
    const run = runCli(['demo', '--cases', '5'], '', env(dataDir));
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.ok(run.stderr.startsWith(`complaints demo refused: the embedded database in ${dataDir} holds 1 real (non-demo) case. `), run.stderr);
    assert.match(run.stderr, /sit beside residents' complaints, and be counted in the complaints log and the figures/);
    assert.match(run.stderr, /point DATA_DIR at an empty folder .* add --into-live-store/);
    assert.deepEqual(await count(dataDir), { real: 1, demo: 0 });
  });

  it('writes into it with --into-live-store, and the complaints log marks which rows are demo cases', async () => {
    const dataDir = await withRealCase();
    const run = runCli(['demo', '--cases', '4', '--into-live-store'], '', env(dataDir));
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { created: number; realCases: number; intoLiveStore: boolean };
    assert.deepEqual([out.created, out.realCases, out.intoLiveStore], [4, 1, true]);
    assert.deepEqual(await count(dataDir), { real: 1, demo: 4 });

    const csv = runCli(['report', '--from', '2000-01-01', '--to', '2100-12-31', '--format', 'csv'], '', env(dataDir));
    assert.equal(csv.code, 0, csv.stderr);
    const lines = csv.stdout.split('\r\n').filter((l) => /^(Reference|HC-)/.test(l));
    assert.ok(lines[0]!.endsWith(',Demo case'), lines[0]);
    const marks = lines.slice(1).map((l) => l.split(',').at(-1));
    assert.deepEqual([marks.filter((m) => m === 'yes').length, marks.filter((m) => m === 'no').length], [4, 1]);

    const json = runCli(['report', '--from', '2000-01-01', '--to', '2100-12-31', '--format', 'json'], '', env(dataDir));
    const report = JSON.parse(json.stdout) as { figures: { casesReceived: number; demoCases: number } };
    assert.deepEqual([report.figures.casesReceived, report.figures.demoCases], [5, 4]);
  });
});
