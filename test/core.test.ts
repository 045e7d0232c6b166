import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';
import { buildCore, fileStoreOptionsFor, storeOptionsFor } from '../src/core';
import { DEMO_DIRECTORY } from '../src/directory/demo-directory';
import { findPreset } from '../src/policies/preset-registry';
import { createStores } from '../src/store/create-stores';
import { freshDatabaseName, startLocalCosmos, type LocalCosmos } from './support/cosmos-server';
import { runCliAsync } from './support/run-cli';
import { makeTempDir, removeTempDir } from './support/temp-dir';

const COSMOS = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_DATABASE: 'complaints' };
const APP_ID = '3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f';
const TENANT = 'f0e1d2c3-b4a5-4697-8877-665544332211';

describe('buildCore', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = makeTempDir('core'); });
  afterEach(() => removeTempDir(dataDir));

  it('opens the store in DATA_DIR with the configured preset, its calendar and the directory, in one case context', async () => {
    const now = new Date('2026-03-04T10:00:00Z');
    const config = loadConfig({ DATA_DIR: dataDir, COMPLAINT_POLICY: 'city-of-london' });
    const core = await buildCore(config, { now: () => now });
    try {
      assert.equal(core.policy.id, 'city-of-london');
      assert.equal(core.calendar.isWorkingDay('2026-03-04'), true);
      assert.equal(core.calendar.isWorkingDay('2026-12-25'), false, 'Christmas Day, a bank holiday in England');
      assert.equal(core.directory, DEMO_DIRECTORY, 'no DIRECTORY_FILE: the demo directory');
      assert.deepEqual(
        { policy: core.ctx.policy, calendar: core.ctx.calendar, directory: core.ctx.directory, now: core.ctx.now() },
        { policy: core.policy, calendar: core.calendar, directory: core.directory, now },
      );
      assert.notEqual(core.ctx.newId(), core.ctx.newId());
      const health = await core.stores.ping();
      assert.deepEqual({ ok: health.ok, kind: health.kind }, { ok: true, kind: 'sqlite' });
      assert.deepEqual(await core.stores.cases.casesReceivedBetween('1900-01-01', '9999-12-31'), []);
      assert.equal((await core.stores.keyValue.put('core-test', { kept: true })).ok, true);
      assert.equal(core.files.kind, 'folder');
      const file = await core.files.put({ caseId: 'core-case', fileName: 'note.txt', contentType: 'text/plain', bytes: Buffer.from('a phone note') });
      assert.ok(existsSync(path.join(dataDir, 'files', 'core-case', file.fileId)), 'files are kept in DATA_DIR/files');
    } finally {
      await core.close();
    }
    assert.equal((await core.stores.ping()).ok, false, 'close() closes the stores');
    assert.ok(existsSync(path.join(dataDir, 'complaints.sqlite')));
    const again = await buildCore(config);
    try {
      assert.deepEqual((await again.stores.keyValue.get('core-test'))?.value, { kept: true });
    } finally {
      await again.close();
    }
  });

  it('takes a policy file, and its calendar keeps the policy\'s closure days', async () => {
    const file = path.join(dataDir, 'our-policy.json');
    writeFileSync(file, JSON.stringify({ ...findPreset('hos-2024'), id: 'our-policy', closureDays: ['2026-03-05'] }));
    const core = await buildCore(loadConfig({ DATA_DIR: dataDir, COMPLAINT_POLICY: file }));
    try {
      assert.equal(core.policy.id, 'our-policy');
      assert.equal(core.calendar.isWorkingDay('2026-03-05'), false);
      assert.equal(core.calendar.addWorkingDays('2026-03-04', 1), '2026-03-06');
    } finally {
      await core.close();
    }
  });

  it('refuses an unusable policy, naming the setting and the policy, before opening a store', async () => {
    const notYet = path.join(dataDir, 'not-yet');
    await assert.rejects(buildCore(loadConfig({ DATA_DIR: notYet, COMPLAINT_POLICY: 'no-such-policy' })), (err: Error) => {
      assert.ok(err instanceof ConfigError, 'a ConfigError: the CLI exits 2 and points at .env.example');
      assert.match(err.message, /^COMPLAINT_POLICY "no-such-policy" is not a usable policy:\n {2}- No policy preset "no-such-policy"\. Presets: .*hos-2024/);
      return true;
    });
    const file = path.join(dataDir, 'our-policy.json');
    writeFileSync(file, '{ not json');
    await assert.rejects(buildCore(loadConfig({ DATA_DIR: notYet, COMPLAINT_POLICY: file })), (err: Error) =>
      err instanceof ConfigError && err.message.startsWith(`COMPLAINT_POLICY "${file}" is not a usable policy:\n  - Policy file ${file} is not valid JSON`));
    assert.equal(existsSync(notYet), false, 'no store was opened');
  });

  it('refuses a DIRECTORY_FILE that cannot be read, naming it', async () => {
    const file = path.join(dataDir, 'missing-directory.json');
    await assert.rejects(buildCore(loadConfig({ DATA_DIR: dataDir, DIRECTORY_FILE: file })), (err: Error) =>
      err instanceof ConfigError && err.message.startsWith(`DIRECTORY_FILE ${file} cannot be read as JSON`));
  });

  it('refuses an unusable LANDLORD_FILE or LETTER_TEMPLATE, naming the setting, and says when the letterhead is the invented example', async () => {
    const landlord = path.join(dataDir, 'landlord.json');
    writeFileSync(landlord, JSON.stringify({ name: 'Northgate Homes' }));
    await assert.rejects(buildCore(loadConfig({ DATA_DIR: dataDir, LANDLORD_FILE: landlord })), (err: Error) =>
      err instanceof ConfigError && err.message.startsWith('LANDLORD_FILE: ') && err.message.includes('addressLines'));
    await assert.rejects(buildCore(loadConfig({ DATA_DIR: dataDir, LETTER_TEMPLATE: path.join(dataDir, 'nope.docx') })), (err: Error) =>
      err instanceof ConfigError && err.message.startsWith('LETTER_TEMPLATE: Cannot read the letter template'));
    writeFileSync(landlord, JSON.stringify({ name: 'Northgate Homes', addressLines: ['1 High Street'] }));
    const core = await buildCore(loadConfig({ DATA_DIR: dataDir, LANDLORD_FILE: landlord }));
    try {
      assert.equal(core.letters.landlord.name, 'Northgate Homes');
      assert.equal(core.letters.exampleLandlord, false);
    } finally {
      await core.close();
    }
    const example = await buildCore(loadConfig({ DATA_DIR: dataDir }));
    await example.close();
    assert.equal(example.letters.exampleLandlord, true);
  });
});

describe('storeOptionsFor', () => {
  it('the embedded database in DATA_DIR', () => {
    assert.deepEqual(storeOptionsFor(loadConfig({ DATA_DIR: '/srv/complaints' })), { kind: 'sqlite', dataDir: '/srv/complaints' });
  });

  it('Cosmos DB without a key: a user-assigned bot signs in as its own managed identity', () => {
    const config = loadConfig({ ...COSMOS, MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT });
    assert.deepEqual(storeOptionsFor(config), {
      kind: 'cosmos', endpoint: COSMOS.COSMOS_ENDPOINT, databaseName: 'complaints', managedIdentityClientId: APP_ID,
    });
  });

  it('Cosmos DB for a SingleTenant bot (its app id is no managed identity) or with no bot: the key, or else the default credential chain', () => {
    const singleTenant = { ...COSMOS, MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'p' };
    const cosmos = { kind: 'cosmos', endpoint: COSMOS.COSMOS_ENDPOINT, databaseName: 'complaints' };
    assert.deepEqual(storeOptionsFor(loadConfig({ ...singleTenant, COSMOS_KEY: 'k' })), { ...cosmos, key: 'k' });
    assert.deepEqual(storeOptionsFor(loadConfig(singleTenant)), cosmos);
    assert.deepEqual(storeOptionsFor(loadConfig(COSMOS)), cosmos);
  });
});

describe('fileStoreOptionsFor', () => {
  const BLOB = { FILES_BLOB_URL: 'https://acct.blob.core.windows.net' };

  it('a folder in DATA_DIR by default', () => {
    assert.deepEqual(fileStoreOptionsFor(loadConfig({ DATA_DIR: '/srv/complaints' })), { kind: 'folder', dir: '/srv/complaints/files' });
  });

  it('Blob Storage by URL: a user-assigned bot signs in as its own managed identity, anything else with the default chain', () => {
    const msi = loadConfig({ ...BLOB, MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT });
    assert.deepEqual(fileStoreOptionsFor(msi), { kind: 'blob', accountUrl: BLOB.FILES_BLOB_URL, containerName: 'case-files', managedIdentityClientId: APP_ID });
    const singleTenant = loadConfig({ ...BLOB, FILES_BLOB_CONTAINER: 'letters', MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'p' });
    assert.deepEqual(fileStoreOptionsFor(singleTenant), { kind: 'blob', accountUrl: BLOB.FILES_BLOB_URL, containerName: 'letters' });
  });

  it('a connection string (Azurite) wins over the URL, and a bad container name is refused, naming the setting', () => {
    const config = loadConfig({ ...BLOB, FILES_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    assert.deepEqual(fileStoreOptionsFor(config), { kind: 'blob', connectionString: 'UseDevelopmentStorage=true', containerName: 'case-files' });
    assert.throws(() => loadConfig({ FILES_BLOB_CONTAINER: 'Case_Files' }), /FILES_BLOB_CONTAINER: must be 3-63 lower-case letters.*private blob container/);
    assert.throws(() => loadConfig({ FILES_BLOB_URL: 'not a url' }), /FILES_BLOB_URL: .*Azure Blob Storage endpoint/);
  });
});

/**
 * The CLI commands that open the store, run as `complaints ...` against a local Cosmos DB
 * with no COSMOS_KEY, as on App Service with a user-assigned identity: a fake App Service
 * identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER) records which identity each token
 * request asks for. Asking for none would get the app service's system-assigned identity.
 */
describe('CLI store commands with Cosmos DB and a user-assigned managed identity', function () {
  this.timeout(120_000);
  let cosmos: LocalCosmos;
  let identity: Server;
  let identityEndpoint: string;
  const tokenRequests: URLSearchParams[] = [];
  const databaseName = freshDatabaseName('core-msi');

  before(async () => {
    cosmos = await startLocalCosmos();
    // The containers exist already (provisioned by infrastructure code; Entra ID cannot create them).
    const provision = await createStores({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent, databaseName });
    await provision.close();
    identity = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      tokenRequests.push(url.searchParams);
      // Not chained: restify (loaded by other tests in the same run) replaces writeHead with one returning nothing.
      if (req.headers['x-identity-header'] !== 'test-identity-header') {
        res.statusCode = 401;
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({
        access_token: 'fake-token', token_type: 'Bearer', resource: url.searchParams.get('resource'),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600), client_id: url.searchParams.get('client_id') ?? 'system-assigned',
      }));
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    identityEndpoint = `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`;
  });
  after(async () => {
    await new Promise<void>((resolve) => identity.close(() => resolve()));
    await cosmos.stop();
  });
  beforeEach(() => { tokenRequests.length = 0; });

  const env = () => ({
    COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_DATABASE: databaseName,
    MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT,
    IDENTITY_ENDPOINT: identityEndpoint, IDENTITY_HEADER: 'test-identity-header',
    // The local server's certificate is self-signed; the CLI has no agent option.
    NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1',
  });

  for (const args of [
    ['purge', '--closed-before', '2020-01-01', '--dry-run'],
    ['report', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'json'],
    ['demo', '--cases', '2', '--into-live-store'],
  ]) {
    it(`${args[0]} asks for the bot's identity (its app id as client_id)`, async () => {
      const run = await runCliAsync(args, env());
      assert.equal(run.code, 0, run.stderr);
      assert.ok(tokenRequests.length > 0, 'signed in through the identity endpoint');
      assert.deepEqual(tokenRequests.map((q) => q.get('client_id')), tokenRequests.map(() => APP_ID));
    });
  }

  it('demo refuses a Cosmos DB account without --into-live-store, naming the endpoint and its real cases (exit 2)', async () => {
    const run = await runCliAsync(['demo', '--cases', '2'], env());
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    const endpoint = cosmos.endpoint.replace(/\/?$/, '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(run.stderr, new RegExp(`^complaints demo refused: the store is the Cosmos DB account ${endpoint} \\(database ${databaseName}\\), which holds \\d+ real \\(non-demo\\) cases?\\.`));
    assert.match(run.stderr, /--into-live-store/);
  });
});
