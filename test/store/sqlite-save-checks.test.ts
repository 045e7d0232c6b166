import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CaseRecordShapeError, type CaseRecord } from '../../src/domain/case-record';
import { createStores } from '../../src/store/create-stores';
import { toDoc } from '../../src/store/sqlite-case-rows';
import { DEFAULT_SQLITE_FILE } from '../../src/store/sqlite-connection';
import { isStoreError } from '../../src/store/store-errors';
import type { Stores } from '../../src/store/stores';
import { details, event, newCase, withEvent } from '../support/case-fixtures';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

/**
 * The save thread reads the stored row it writes over. It checks that row through the case
 * schema only when the saving process has not already checked that very document (same
 * version, same length: sqlite-case-saves.ts), so it need not load the schema for an ordinary
 * save; the append-only and identity checks run on every save.
 */
describe('SQLite save thread checks', function () {
  this.timeout(30_000);
  let dataDir: string;
  let stores: Stores;
  beforeEach(async () => {
    dataDir = makeTempDir('save-checks');
    stores = await createStores({ kind: 'sqlite', dataDir });
  });
  afterEach(async () => {
    await stores.close();
    removeTempDir(dataDir);
  });

  /** Another hand on the file (the sqlite3 shell, a restored backup): the document changed under the same version. */
  function handEdit(record: CaseRecord, doc: string): void {
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    try {
      assert.equal(db.prepare('UPDATE cases SET doc = ? WHERE id = ? AND version = ?').run(doc, record.id, record.version).changes, 1);
    } finally {
      db.close();
    }
  }

  it('refuses to save over a stored document that is not the one the saver checked, naming the row, and leaves it as it was', async () => {
    const created = await stores.cases.createCase(newCase());
    const read = await stores.cases.getCase(created.id);
    assert.ok(read);
    const damaged = toDoc({ ...read, state: 'no-such-state' as CaseRecord['state'] });
    handEdit(read, damaged);

    await assert.rejects(stores.cases.saveCase(withEvent(read, event('note', '2026-03-05'))), /A case row in the embedded database/);
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE), { readonly: true });
    try {
      assert.deepEqual(db.prepare('SELECT doc, version FROM cases WHERE id = ?').get(read.id), { doc: damaged, version: read.version });
    } finally {
      db.close();
    }
  });

  it('reads a case again through the schema when its row changed under the version it knows, by id and by reference', async () => {
    const created = await stores.cases.createCase(newCase());
    const read = await stores.cases.getCase(created.id);
    assert.ok(read);
    // Known now: read again without its document. Then edited by hand, under the same version.
    assert.deepEqual(await stores.cases.getCase(created.id), read);
    handEdit(read, toDoc({ ...read, state: 'no-such-state' as CaseRecord['state'] }));
    await assert.rejects(stores.cases.getCase(created.id), CaseRecordShapeError);
    await assert.rejects(stores.cases.getCaseByReference(created.reference), CaseRecordShapeError);
    // A hand edit that keeps the shape is read as it now is.
    handEdit(read, toDoc({ ...read, estate: 'Hillside Gardens' }));
    assert.equal((await stores.cases.getCaseByReference(created.reference))?.estate, 'Hillside Gardens');
    assert.equal((await stores.cases.getCase(created.id))?.estate, 'Hillside Gardens');
  });

  it('a search reads a row written before the search text was kept, as well as those that match, until its next write keeps it', async () => {
    const older = await stores.cases.createCase(newCase());
    const other = await stores.cases.createCase(newCase({ details: details({ complainant: { complainantName: 'Ravi Anand', address: '2 Mill Lane, Westholme' } }) }));
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    try {
      db.prepare('UPDATE cases SET search = NULL WHERE id = ?').run(older.id);
    } finally {
      db.close();
    }
    const found = async (word: string) => (await stores.cases.casesMatchingWords([word])).map((r) => r.id).sort();
    assert.deepEqual(await found('anand'), [older.id, other.id].sort(), 'the row without a search text may match: the caller decides');
    const saved = await stores.cases.saveCase(withEvent(older, event('note', '2026-03-05')));
    assert.ok(saved.ok);
    assert.deepEqual(await found('anand'), [other.id]);
    assert.deepEqual(await found('threlkeld'), [older.id]);
  });

  it('still refuses a history rewrite and a new reference on a document the saver checked', async () => {
    const created = await stores.cases.createCase(newCase());
    const saved = await stores.cases.saveCase(withEvent(created, event('note', '2026-03-05')));
    assert.ok(saved.ok);
    const record = saved.record;

    await assert.rejects(stores.cases.saveCase({ ...record, events: record.events.slice(0, 1) }), (err) => isStoreError(err, 'STORE.HISTORY_REWRITE'));
    const rewritten = structuredClone(record);
    const first = rewritten.events[0];
    assert.ok(first);
    first.at = '2026-03-01T09:00:00.000Z';
    await assert.rejects(stores.cases.saveCase(rewritten), (err) => isStoreError(err, 'STORE.HISTORY_REWRITE'));
    await assert.rejects(stores.cases.saveCase({ ...record, reference: 'HC-2026-99999' }), /the reference cannot be changed/);

    // The refused saves changed nothing: the version saved last is still the one stored.
    const again = await stores.cases.saveCase(withEvent(record, event('note', '2026-03-06')));
    assert.ok(again.ok);
    assert.equal(again.record.events.length, 3);
  });
});
