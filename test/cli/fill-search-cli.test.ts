import { CosmosClient, type Container } from '@azure/cosmos';
import Database from 'better-sqlite3';
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { caseSearchText } from '../../src/domain/case-search-text';
import type { CaseRecord } from '../../src/domain/case-record';
import { createStores } from '../../src/store/create-stores';
import { details, newCase } from '../support/case-fixtures';
import { freshDatabaseName, startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { runCliAsync } from '../support/run-cli';
import { insertCopiedCaseRow } from '../support/sqlite-rows';

type Doc = { id: string; _etag: string; q: { search?: string }; events: unknown };
const tomaszDetails = () => details({ complainant: { complainantName: 'Tomasz Wróbel', address: '3 Heron Walk, Eastholme SE1 7PB' } });
const withoutVersion = ({ version: _version, ...rest }: CaseRecord) => rest;

/** Each case's document as written before the stores kept the text (no q.search), the one `damagedId` names with events that are not a list. */
async function storedWithoutText(container: Container, ids: readonly string[], damagedId: string): Promise<void> {
  for (const id of ids) {
    const doc = (await container.item(id, id).read<Doc>()).resource!;
    delete doc.q.search;
    if (id === damagedId) doc.events = 'not a list';
    await container.item(id, id).replace(doc);
  }
}

describe('complaints fill-search (CLI)', function () {
  this.timeout(60_000);

  describe('on the local Cosmos DB server', () => {
    let cosmos: LocalCosmos;
    before(async () => { cosmos = await startLocalCosmos(); });
    after(async () => { await cosmos.stop(); });

    it('writes the search text of the cases stored without it, leaves a damaged one and the others as they were', async () => {
      const databaseName = freshDatabaseName('fill-search');
      const options = { kind: 'cosmos' as const, endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent, databaseName };
      const stores = await createStores(options);
      const imogen = await stores.cases.createCase(newCase());
      const tomasz = await stores.cases.createCase(newCase({ details: tomaszDetails() }));
      const current = await stores.cases.createCase(newCase({ details: details({ complainant: { complainantName: 'Ada Okafor' } }) }));
      const damaged = await stores.cases.createCase(newCase());
      await stores.close();

      // As documents written before the stores kept the text: no q.search. One of them damaged.
      const client = new CosmosClient({ endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent });
      const container = client.database(databaseName).container('cases');
      const read = async (id: string) => (await container.item(id, id).read<Doc>()).resource!;
      try {
        await storedWithoutText(container, [imogen.id, tomasz.id, damaged.id], damaged.id);
        const untouchedEtag = (await read(current.id))._etag;
        const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fill-search-')), COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'k', COSMOS_DATABASE: databaseName, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1' };

        const run = await runCliAsync(['fill-search'], env);
        assert.equal(run.code, 1, run.stderr);
        assert.deepEqual(JSON.parse(run.stdout), { filled: 2, unreadable: [damaged.id] });
        assert.match(run.stderr, /1 case could not be read and was left as it was/);

        assert.equal((await read(imogen.id)).q.search, caseSearchText(imogen));
        assert.equal((await read(tomasz.id)).q.search, caseSearchText(tomasz));
        assert.equal((await read(damaged.id)).q.search, undefined);
        assert.equal((await read(current.id))._etag, untouchedEtag, 'a case that had its text is not rewritten');

        // The damaged case removed by hand, a search reads only the case that matches, and the
        // filled cases are as they were but for their version (their ETag).
        await container.item(damaged.id, damaged.id).delete();
        const after = await createStores(options);
        try {
          assert.deepEqual((await after.cases.casesMatchingWords(['wrobel', 'se17pb'])).map(withoutVersion), [withoutVersion(tomasz)]);
          assert.notEqual((await after.cases.getCase(tomasz.id))?.version, tomasz.version);
        } finally {
          await after.close();
        }
        const again = await runCliAsync(['fill-search'], env);
        assert.equal(again.code, 0, again.stderr);
        assert.deepEqual(JSON.parse(again.stdout), { filled: 0 });
      } finally {
        client.dispose();
      }
    });

    it('pages through the cases without text, past a damaged one, a page of one at a time', async () => {
      const databaseName = freshDatabaseName('fill-search-pages');
      const stores = await createStores({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent, databaseName });
      const client = new CosmosClient({ endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent });
      try {
        const made: CaseRecord[] = [];
        for (let i = 0; i < 4; i++) made.push(await stores.cases.createCase(newCase()));
        const container = client.database(databaseName).container('cases');
        const damaged = made[1]!.id;
        await storedWithoutText(container, made.map((c) => c.id), damaged);
        assert.deepEqual(await stores.cases.fillSearchText({ pageSize: 1 }), { filled: 3, unreadable: [damaged] });
        for (const c of made) assert.equal((await container.item(c.id, c.id).read<Doc>()).resource!.q.search, c.id === damaged ? undefined : caseSearchText(c));
        assert.deepEqual(await stores.cases.fillSearchText({ pageSize: 1 }), { filled: 0, unreadable: [damaged] });
      } finally {
        client.dispose();
        await stores.close();
      }
    });
  });

  it('on the embedded store: the opening has filled them, and a damaged row is named', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fill-search-sqlite-'));
    const stores = await createStores({ kind: 'sqlite', dataDir });
    const tomasz = await stores.cases.createCase(newCase({ details: tomaszDetails() }));
    await stores.close();
    const db = new Database(path.join(dataDir, 'complaints.sqlite'));
    try {
      db.prepare('UPDATE cases SET search = NULL').run();
      insertCopiedCaseRow(db, tomasz.id, { id: 'damaged', reference: 'HC-2026-99999', version: 'v-damaged', doc: '{not json' });
    } finally {
      db.close();
    }
    const run = await runCliAsync(['fill-search'], { DATA_DIR: dataDir });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { filled: 0, unreadable: ['damaged'] });
    const check = new Database(path.join(dataDir, 'complaints.sqlite'), { readonly: true });
    try {
      assert.equal((check.prepare('SELECT search FROM cases WHERE id = ?').get(tomasz.id) as { search: string }).search, caseSearchText(tomasz));
    } finally {
      check.close();
    }
  });
});
