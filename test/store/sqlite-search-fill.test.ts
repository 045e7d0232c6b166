import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { caseSearchText } from '../../src/domain/case-search-text';
import { createStores } from '../../src/store/create-stores';
import { details, newCase } from '../support/case-fixtures';
import { insertCopiedCaseRow } from '../support/sqlite-rows';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

describe('SQLite: the search text of cases stored before it existed', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = makeTempDir('search-fill'); });
  afterEach(() => removeTempDir(dataDir));

  const file = () => join(dataDir, 'complaints.sqlite');

  /** The file as migration 7 left it: no search column, no index of rows without it. */
  function backToVersion7(): void {
    const db = new Database(file());
    try {
      db.exec('DROP INDEX cases_without_search; ALTER TABLE cases DROP COLUMN search;');
      db.pragma('user_version = 7');
    } finally {
      db.close();
    }
  }

  it('is filled on opening, so find reads only the matching case, and a damaged row is left as it was', async () => {
    const stores = await createStores({ kind: 'sqlite', dataDir });
    const imogen = await stores.cases.createCase(newCase());
    const tomasz = await stores.cases.createCase(newCase({ details: details({ complainant: { complainantName: 'Tomasz Wróbel', address: '3 Heron Walk, Eastholme SE1 7PB' } }) }));
    await stores.close();
    backToVersion7();
    // A row damaged by hand: its document is not JSON.
    const raw = new Database(file());
    try {
      insertCopiedCaseRow(raw, imogen.id, { id: 'damaged', reference: 'HC-2026-99999', version: 'v-damaged', doc: '{not json' });
    } finally {
      raw.close();
    }

    const reopened = await createStores({ kind: 'sqlite', dataDir });
    try {
      const db = new Database(file(), { readonly: true });
      try {
        assert.equal(db.pragma('user_version', { simple: true }), 10);
        const rows = db.prepare('SELECT id, search, version FROM cases ORDER BY reference').all() as Array<{ id: string; search: string | null; version: string }>;
        assert.deepEqual(rows, [
          { id: imogen.id, search: caseSearchText(imogen), version: imogen.version },
          { id: tomasz.id, search: caseSearchText(tomasz), version: tomasz.version },
          { id: 'damaged', search: null, version: 'v-damaged' },
        ]);
      } finally {
        db.close();
      }
      // The version is unchanged, so a card showing the case is not made stale by the filling.
      assert.deepEqual(await reopened.cases.getCase(tomasz.id), tomasz);
      // "wrobel se17pb": accents and the postcode's space do not matter. The damaged row has no
      // text, so it is still read as "may match", as before the upgrade, and its error surfaces.
      await assert.rejects(reopened.cases.casesMatchingWords(['wrobel', 'se17pb']), /damaged|JSON|HC-2026-99999|Unexpected/i);
    } finally {
      await reopened.close();
    }

    // Without the damaged row, the same search reads only Tomasz's case.
    const db = new Database(file());
    try { db.prepare("DELETE FROM cases WHERE id = 'damaged'").run(); } finally { db.close(); }
    const again = await createStores({ kind: 'sqlite', dataDir });
    try {
      assert.deepEqual((await again.cases.casesMatchingWords(['wrobel', 'se17pb'])).map((r) => r.reference), [tomasz.reference]);
      assert.deepEqual((await again.cases.casesMatchingWords(['threlkeld'])).map((r) => r.reference), [imogen.reference]);
    } finally {
      await again.close();
    }
  });

  it('fills only rows without text: a row whose text a save wrote is left as it is', async () => {
    const stores = await createStores({ kind: 'sqlite', dataDir });
    const created = await stores.cases.createCase(newCase());
    await stores.close();
    backToVersion7();
    // Opening brings the file to version 9 and fills the row; a second opening finds nothing to fill.
    const first = await createStores({ kind: 'sqlite', dataDir });
    await first.close();
    const db = new Database(file());
    try {
      db.prepare("UPDATE cases SET search = 'written by a save' WHERE id = ?").run(created.id);
    } finally {
      db.close();
    }
    const second = await createStores({ kind: 'sqlite', dataDir });
    await second.close();
    const check = new Database(file(), { readonly: true });
    try {
      assert.equal((check.prepare('SELECT search FROM cases WHERE id = ?').get(created.id) as { search: string }).search, 'written by a save');
    } finally {
      check.close();
    }
  });
});
