import assert from 'node:assert/strict';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import { BlobFileStore } from '../../src/files/blob-file-store';
import { createFileStore } from '../../src/files/create-file-store';
import { startAzurite, LostAnswerProxy, azuriteConnectionString, type LocalAzurite } from '../support/azurite';
import { closedLoopbackPort } from '../support/free-port';
import { fileStoreContract, SAMPLES } from './file-store.contract';

/** Azurite started here, on a free port, in a temporary folder: nothing outside npm. */
describe('BlobFileStore on Azurite', function () {
  this.timeout(60_000);
  let azurite: LocalAzurite;
  let proxy: LostAnswerProxy;
  let container: ContainerClient;
  const containerName = `files-${randomUUID().slice(0, 8)}`;
  const noRetry = { retryOptions: { maxTries: 1 } };

  before(async () => {
    azurite = await startAzurite();
    proxy = await LostAnswerProxy.start(azurite.port);
    container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(containerName);
  });
  after(async () => {
    await proxy?.stop();
    await azurite?.stop();
  });

  fileStoreContract('Azure Blob Storage (Azurite)', () => ({
    store: (limits) => createFileStore({ kind: 'blob', connectionString: azurite.connectionString, containerName, ...limits }),
    failingStore: async () => {
      const store = new BlobFileStore({ connectionString: azuriteConnectionString(proxy.port), containerName, pipeline: noRetry });
      assert.equal((await store.ping()).ok, true); // the container exists before any write is failed
      return { store, arm: () => { proxy.loseAnswers = 1; }, disarm: () => {
        assert.equal(proxy.loseAnswers, 0, 'the upload landed and its answer was lost');
      } };
    },
    tamper: async (file, bytes) => {
      const blob = container.getBlockBlobClient(`${file.caseId}/${file.fileId}`);
      const { metadata, contentType } = await blob.getProperties();
      await blob.uploadData(bytes, { metadata: metadata ?? {}, blobHTTPHeaders: { blobContentType: contentType ?? '' } });
    },
    rawNames: async (caseId) => {
      const names: string[] = [];
      for await (const b of container.listBlobsFlat({ prefix: `${caseId}/`, includeUncommitedBlobs: true, includeDeleted: false })) names.push(b.name);
      return names;
    },
  }));

  it('one Put Blob per file, with the hash, name and time as metadata and the content type set', async () => {
    const store = new BlobFileStore({ connectionString: azurite.connectionString, containerName });
    const file = await store.put({ caseId: 'case-1', ...SAMPLES.docx, fileName: 'Rapport d’expertise.docx' });
    const props = await container.getBlockBlobClient(`case-1/${file.fileId}`).getProperties();
    assert.equal(props.contentType, SAMPLES.docx.contentType);
    assert.deepEqual(props.metadata, { sha256: file.sha256, filename: encodeURIComponent('Rapport d’expertise.docx'), storedat: file.storedAt });
    assert.equal(props.blobType, 'BlockBlob');
  });

  it('names the endpoint and what to check when the account cannot be reached, and ping says so without throwing', async () => {
    const port = await closedLoopbackPort();
    const store = new BlobFileStore({ connectionString: azuriteConnectionString(port), containerName, pipeline: noRetry });
    await assert.rejects(store.put({ caseId: 'case-1', ...SAMPLES.pdf }), (err: unknown) => {
      assert.match((err as Error).message, new RegExp(`Could not create the container in container ${containerName} at http://127\\.0\\.0\\.1:${port}/devstoreaccount1.*Check FILES_BLOB_URL`, 's'));
      return true;
    });
    const ping = await store.ping();
    assert.equal(ping.ok, false);
    assert.match(ping.message ?? '', /127\.0\.0\.1/);
  });

  it('with Entra ID it does not create the container; a missing one is named', async () => {
    const store = new BlobFileStore({ connectionString: azurite.connectionString, containerName: 'not-provisioned', createIfMissing: false, pipeline: noRetry });
    await assert.rejects(store.put({ caseId: 'case-1', ...SAMPLES.pdf }), /The container does not exist: create it \(infra\/azure\.bicep does\), or check FILES_BLOB_CONTAINER/);
    assert.equal((await store.ping()).ok, false);
  });
});
