import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseRecord } from '../../src/domain/case-record';
import { runningDeadlines } from '../../src/store/case-record-rules';
import { createStores } from '../../src/store/create-stores';
import { DEFAULT_SQLITE_FILE } from '../../src/store/sqlite-connection';
import { startWorker } from '../support/child-process';
import { newCase } from '../support/case-fixtures';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

describe('SQLite store shared by several processes', function () {
  this.timeout(60_000);
  let dataDir: string;
  beforeEach(() => { dataDir = makeTempDir('procs'); });
  afterEach(() => removeTempDir(dataDir));

  it('gives two processes creating cases at the same moment distinct references', async () => {
    const workers = [startWorker(['create', dataDir, '25']), startWorker(['create', dataDir, '25'])];
    await Promise.all(workers.map((w) => w.waitFor((l) => l.includes('ready'), 20_000)));
    for (const w of workers) w.child.stdin.write('go\n');
    await Promise.all(workers.map((w) => w.waitFor((l) => l.includes('done'), 30_000)));
    assert.deepEqual(await Promise.all(workers.map((w) => w.exited)), [0, 0]);
    const refs = workers.flatMap((w) => w.lines.filter((l) => l.startsWith('ref ')).map((l) => l.slice(4)));
    assert.equal(refs.length, 50);
    const expected = Array.from({ length: 50 }, (_, i) => `HC-2026-${String(i + 1).padStart(5, '0')}`);
    assert.deepEqual([...refs].sort(), expected);
    // Both processes really interleaved: neither got one contiguous block of numbers.
    const first = workers[0]?.lines.filter((l) => l.startsWith('ref ')).map((l) => Number(l.slice(-5))) ?? [];
    assert.ok(first.some((n, i) => i > 0 && n !== (first[i - 1] ?? 0) + 1), `worker 1 got ${first.join(',')}`);
  });

  it('gives a reminder to exactly one of four processes claiming it at once', async () => {
    const workers = [1, 2, 3, 4].map((n) => startWorker(['claim', dataDir, String(n)]));
    await Promise.all(workers.map((w) => w.waitFor((l) => l.includes('ready'), 20_000)));
    for (const w of workers) w.child.stdin.write('go\n');
    await Promise.all(workers.map((w) => w.waitFor((l) => l.some((x) => x.startsWith('claimed ')), 20_000)));
    const outcomes = workers.map((w) => w.lines.find((l) => l.startsWith('claimed ')));
    assert.equal(outcomes.filter((o) => o === 'claimed true').length, 1, outcomes.join(', '));
    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      const claim = await stores.reminderClaims.getReminderClaim({ caseId: 'case-larkspur-14', stage: 1, kind: 'respond', point: 'due-minus-2' });
      assert.equal(claim?.holder, `worker-${outcomes.indexOf('claimed true') + 1}`);
    } finally {
      await stores.close();
    }
  });

  // Saves one after another, and saves that arrive together and are committed in one
  // transaction (group commit): either way, what was acknowledged survives a SIGKILL.
  for (const [name, args, lines, minCases] of [
    ['keeps every committed case, and nothing half-written, after a writer is killed mid-loop', ['churn'], 60, 15],
    ['keeps every acknowledged save of a batch committed together, after a writer is killed mid-batch', ['burst', '20'], 200, 20],
  ] as const) {
    it(name, async () => {
      const [mode, ...rest] = args;
      const worker = startWorker([mode, dataDir, ...rest]);
      await worker.waitFor((l) => l.length >= lines, 30_000);
      worker.child.kill('SIGKILL');
      await worker.exited;
      const committed = new Map<string, number>();
      for (const line of worker.lines) {
        const [, id, count] = line.split(' ');
        if (id && count) committed.set(id, Number(count));
      }
      assert.ok(committed.size >= minCases);

      // The raw file first: intact, and each case's deadline rows agree with its document.
      const db = new Database(join(dataDir, DEFAULT_SQLITE_FILE));
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        const rows = db.prepare('SELECT id, doc FROM cases').all() as { id: string; doc: string }[];
        for (const row of rows) {
          const doc = JSON.parse(row.doc) as CaseRecord;
          const indexed = db.prepare('SELECT stage, kind, item_id AS id, owner, due FROM running_deadlines WHERE case_id = ? ORDER BY due, kind').all(row.id);
          const expected = runningDeadlines(doc).sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
          assert.deepEqual(indexed, expected, `deadline rows of ${doc.reference}`);
        }
        const orphans = db.prepare('SELECT COUNT(*) AS n FROM running_deadlines WHERE case_id NOT IN (SELECT id FROM cases)').get() as { n: number };
        assert.equal(orphans.n, 0);
      } finally {
        db.close();
      }

      // Then through the store: every write reported as committed is there.
      const stores = await createStores({ kind: 'sqlite', dataDir });
      try {
        for (const [id, count] of committed) {
          const record = await stores.cases.getCase(id);
          assert.ok(record, `committed case ${id} is missing`);
          assert.ok(record.events.length >= count, `case ${record.reference} has ${record.events.length} events, ${count} were committed`);
        }
        const all = await stores.cases.casesReceivedBetween('2026-01-01', '2026-12-31');
        const next = await stores.cases.createCase(newCase());
        assert.equal(next.reference, `HC-2026-${String(all.length + 1).padStart(5, '0')}`);
      } finally {
        await stores.close();
      }
    });
  }

  it('explains clearly when the data directory cannot be used', async () => {
    // A file where the directory should be: fails the same way for root and non-root.
    const blocker = join(dataDir, 'not-a-directory');
    writeFileSync(blocker, 'x');
    await assert.rejects(createStores({ kind: 'sqlite', dataDir: join(blocker, 'data') }), (err: Error) => {
      assert.match(err.message, /^Could not open the case database at .*not-a-directory\/data\/complaints\.sqlite: .*Check that the data directory/);
      return true;
    });
  });
});
