import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { calendarForPolicy } from '../../src/calendar/policy-calendar';
import { runCaseCommand, type CommandRunResult } from '../../src/cases/run-case-command';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import { CaseRecordShapeError, parseCaseRecord, type CaseRecord } from '../../src/domain/case-record';
import { addNote } from '../../src/domain/commands/add-note';
import { findPreset, listPresets } from '../../src/policies/preset-registry';
import { generateDemoCases } from '../../src/reports/demo-cases';
import { createStores } from '../../src/store/create-stores';
import { fromRow, toDoc } from '../../src/store/sqlite-case-rows';
import { DEFAULT_SQLITE_FILE } from '../../src/store/sqlite-connection';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { newCase } from '../support/case-fixtures';

/** fromRow keeps the rows it has checked, by version: a second read must be the same record, and the caller's own. */
describe('SQLite case rows read again', () => {
  const record = (): CaseRecord => {
    const input: Partial<ReturnType<typeof newCase>> = newCase();
    delete input.referenceYear;
    return { ...(input as Omit<CaseRecord, 'id' | 'reference' | 'version'>), id: 'case-1', reference: 'HC-2026-00001', version: `v-${Math.random()}` };
  };

  it('gives the same record for a version read before, as a copy the caller may change', () => {
    const r = record();
    const row = { doc: toDoc(r), version: r.version };
    const first = fromRow(row);
    const second = fromRow(row);
    assert.deepEqual(second, first);
    assert.notEqual(second.events, first.events);
    first.events.length = 0;
    assert.equal(fromRow(row).events.length, r.events.length);
  });

  it('checks a document again when the row under a known version is not the one checked', () => {
    const r = record();
    fromRow({ doc: toDoc(r), version: r.version });
    // A hand-edited row: the same version, a damaged document.
    const damaged = toDoc({ ...r, state: 'no-such-state' as CaseRecord['state'] });
    assert.throws(() => fromRow({ doc: damaged, version: r.version }), CaseRecordShapeError);
  });
});

/**
 * saveCase keeps the document it wrote as known good, without reading it back through the
 * schema (rememberWritten). That holds only if the schema makes of every document the domain
 * writes exactly that document: checked here on whole demo histories of every preset, each
 * saved with a note through the command runner, as a card submit saves it.
 */
describe('SQLite case rows written by this process', () => {
  it('are what the schema reads from them, for demo cases of every preset', async function () {
    this.timeout(120_000);
    const dataDir = makeTempDir('rows-written');
    const stores = await createStores({ kind: 'sqlite', dataDir });
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE), { readonly: true });
    try {
      const alex = DEMO_DIRECTORY.people.find((p) => p.id === 'alex.morgan');
      assert.ok(alex);
      let saved = 0;
      for (const { id: policyId } of listPresets()) {
        const policy = findPreset(policyId);
        assert.ok(policy);
        const ctx = { policy, directory: DEMO_DIRECTORY, calendar: calendarForPolicy(policy), now: () => new Date('2026-11-20T10:00:00Z'), newId: randomUUID };
        for (const input of generateDemoCases({ count: 25, seed: 7, today: '2026-11-20', policy, calendar: ctx.calendar, directory: DEMO_DIRECTORY })) {
          const created = await stores.cases.createCase(input);
          const result: CommandRunResult = await runCaseCommand(stores.cases, ctx, created.id, { seenVersion: null }, alex, addNote, { on: '2026-11-20', channel: 'internal', text: 'Checked' });
          if (!result.ok) assert.fail(result.message);
          const stored = db.prepare('SELECT doc, version FROM cases WHERE id = ?').get(result.record.id) as { doc: string; version: string };
          const throughSchema = parseCaseRecord({ ...(JSON.parse(stored.doc) as object), version: stored.version }, 'test');
          assert.deepEqual(result.record, throughSchema);
          assert.deepEqual(await stores.cases.getCase(result.record.id), throughSchema);
          saved++;
        }
      }
      assert.equal(saved, 25 * listPresets().length);
    } finally {
      db.close();
      await stores.close();
      removeTempDir(dataDir);
    }
  });
});
