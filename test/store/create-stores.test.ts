import Database from 'better-sqlite3';
import { CosmosClient } from '@azure/cosmos';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createStores } from '../../src/store/create-stores';
import { CASES_CONTAINER } from '../../src/store/cosmos-containers';
import { SqliteCaseStore } from '../../src/store/sqlite-case-store';
import { details, newCase } from '../support/case-fixtures';
import { startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

describe('createStores', () => {
  describe('sqlite', () => {
    let dataDir: string;
    beforeEach(() => { dataDir = makeTempDir('factory'); });
    afterEach(() => removeTempDir(dataDir));

    it('creates the data directory and a WAL-mode file on first use, and reports health', async () => {
      const nested = join(dataDir, 'not', 'yet', 'there');
      const stores = await createStores({ kind: 'sqlite', dataDir: nested });
      const health = await stores.ping();
      assert.deepEqual({ ok: health.ok, kind: health.kind }, { ok: true, kind: 'sqlite' });
      await stores.cases.createCase(newCase());
      await stores.close();
      const file = join(nested, 'complaints.sqlite');
      assert.ok(existsSync(file));
      const db = new Database(file, { readonly: true });
      try {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(db.pragma('user_version', { simple: true }), 10);
      } finally {
        db.close();
      }
      const after = await stores.ping();
      assert.equal(after.ok, false);
      await stores.close(); // idempotent
    });

    it('keeps cases when the file is reopened, and a standalone store closes its own connection', async () => {
      const first = SqliteCaseStore.open({ dataDir, referencePrefix: 'RH' });
      const created = await first.createCase(newCase());
      assert.equal(created.reference, 'RH-2026-00001');
      await first.close();
      await assert.rejects(first.getCase(created.id), /not open|closed/i);
      const stores = await createStores({ kind: 'sqlite', dataDir, referencePrefix: 'RH' });
      try {
        assert.deepEqual(await stores.cases.getCaseByReference('RH-2026-00001'), created);
      } finally {
        await stores.close();
      }
    });
  });

  describe('sqlite migration 2 (demo marker)', () => {
    let dataDir: string;
    beforeEach(() => { dataDir = makeTempDir('migrate'); });
    afterEach(() => removeTempDir(dataDir));

    it('brings a version 1 file up, marking the cases whose details say demo', async () => {
      const stores = await createStores({ kind: 'sqlite', dataDir });
      const real = await stores.cases.createCase(newCase());
      const demo = await stores.cases.createCase(newCase({ details: { ...details(), demo: true } }));
      await stores.close();
      // Back to the version 1 schema: no is_demo column.
      const db = new Database(join(dataDir, 'complaints.sqlite'));
      try {
        db.exec('DROP INDEX cases_by_demo; ALTER TABLE cases DROP COLUMN is_demo; ALTER TABLE running_deadlines DROP COLUMN item_id; ALTER TABLE running_deadlines DROP COLUMN owner; '
          + 'DROP INDEX key_values_by_expiry; ALTER TABLE key_values DROP COLUMN expires_at; DROP TABLE case_access; '
          + 'DROP INDEX cases_maybe_awaiting_decision; ALTER TABLE cases DROP COLUMN awaits_decision; DROP TABLE dissatisfaction; DROP INDEX cases_without_search; ALTER TABLE cases DROP COLUMN search;');
        db.pragma('user_version = 1');
      } finally {
        db.close();
      }
      const reopened = await createStores({ kind: 'sqlite', dataDir });
      try {
        assert.deepEqual([await reopened.cases.countCases({ demo: false }), await reopened.cases.countCases({ demo: true })], [1, 1]);
        assert.deepEqual(await reopened.cases.getCase(real.id), real);
        assert.deepEqual(await reopened.cases.getCase(demo.id), demo);
      } finally {
        await reopened.close();
      }
    });
  });

  describe('cosmos', () => {
    let server: LocalCosmos;
    before(async () => { server = await startLocalCosmos(); });
    after(async () => server.stop());

    it('creates the default database and containers with their partition keys and indexing policy', async () => {
      const stores = await createStores({ kind: 'cosmos', endpoint: server.endpoint, key: 'k', agent: server.agent });
      try {
        assert.equal((await stores.ping()).ok, true);
        const client = new CosmosClient({ endpoint: server.endpoint, key: 'k', agent: server.agent });
        try {
          const { resource } = await client.database('housing-complaints').container('cases').read();
          assert.deepEqual(resource?.partitionKey?.paths, ['/id']);
          assert.deepEqual(resource?.indexingPolicy?.compositeIndexes, CASES_CONTAINER.indexingPolicy?.compositeIndexes);
          const { resources } = await client.database('housing-complaints').containers.readAll().fetchAll();
          assert.deepEqual(resources.map((c) => c.id).sort(), ['bot-state', 'case-access', 'case-references', 'cases', 'conversation-refs', 'dissatisfaction', 'reminder-claims']);
          const claims = resources.find((c) => c.id === 'reminder-claims');
          assert.deepEqual(claims?.partitionKey?.paths, ['/caseId']);
        } finally {
          client.dispose();
        }
      } finally {
        await stores.close();
      }
    });
  });
});
