/**
 * A separate process writing to a shared SQLite file, for the multi-process tests
 * (test/store/sqlite-processes.test.ts). Run with: node --import tsx sqlite-worker.ts MODE DATA_DIR [COUNT]
 *
 *   create: prints "ready", waits for "go" on stdin, creates COUNT cases one after another,
 *           prints each reference as "ref <reference>", then "done".
 *   claim:  prints "ready", waits for "go", claims one reminder key as holder COUNT and
 *           prints "claimed true" or "claimed false".
 *   churn:  creates cases and appends events to them in an endless loop, printing
 *           "committed <id> <eventCount>" after each write has committed, until killed.
 *   burst:  creates COUNT cases, then appends a note to every one of them at once, over and
 *           over, so that the saves are committed in batches; prints "committed <id>
 *           <eventCount>" as each save is acknowledged, until killed.
 */
import { createInterface } from 'node:readline';
import { createStores } from '../../src/store/create-stores';
import { details, event, newCase, withEvent } from './case-fixtures';

async function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  lines.close();
}

async function main(): Promise<void> {
  const [mode, dataDir, count] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: sqlite-worker.ts create|churn DATA_DIR [COUNT]');
  const stores = await createStores({ kind: 'sqlite', dataDir, busyTimeoutMs: 10_000 });
  if (mode === 'create') {
    process.stdout.write('ready\n');
    await waitForGo();
    for (let i = 0; i < Number(count); i += 1) {
      const created = await stores.cases.createCase(newCase());
      process.stdout.write(`ref ${created.reference}\n`);
      // A short pause so the two processes' runs overlap rather than one finishing first.
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    process.stdout.write('done\n');
    await stores.close();
    return;
  }
  if (mode === 'claim') {
    process.stdout.write('ready\n');
    await waitForGo();
    const key = { caseId: 'case-larkspur-14', stage: 1, kind: 'respond', point: 'due-minus-2' };
    const won = await stores.reminderClaims.claimReminder(key, `worker-${String(count)}`, '2026-03-26T10:00:00.000Z', '2026-03-26T09:00:00.000Z');
    process.stdout.write(`claimed ${String(won)}\n`);
    await stores.close();
    return;
  }
  if (mode === 'churn') {
    for (let n = 0; ; n += 1) {
      let record = await stores.cases.createCase(newCase({ details: details({ complainant: { complainantName: `Resident ${n}` }, complaint: { description: 'x'.repeat(2000) } }) }));
      process.stdout.write(`committed ${record.id} ${record.events.length}\n`);
      for (let i = 0; i < 3; i += 1) {
        const result = await stores.cases.saveCase(withEvent(record, event('note', '2026-03-05', { why: `Chased contractor, visit ${i}` })));
        if (!result.ok) throw new Error(`unexpected ${result.code}`);
        record = result.record;
        process.stdout.write(`committed ${record.id} ${record.events.length}\n`);
      }
    }
  }
  if (mode === 'burst') {
    const records = await Promise.all(Array.from({ length: Number(count) }, (_, n) => stores.cases.createCase(newCase({ details: details({ complainant: { complainantName: `Resident ${n}` } }) }))));
    for (const r of records) process.stdout.write(`committed ${r.id} ${r.events.length}\n`);
    for (let round = 0; ; round += 1) {
      await Promise.all(records.map(async (record, i) => {
        const result = await stores.cases.saveCase(withEvent(record, event('note', '2026-03-05', { why: `Round ${round}` })));
        if (!result.ok) throw new Error(`unexpected ${result.code}`);
        records[i] = result.record;
        process.stdout.write(`committed ${result.record.id} ${result.record.events.length}\n`);
      }));
    }
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
