import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFileStore } from '../../src/files/create-file-store';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { makeTempDir, removeTempDir } from '../support/temp-dir';
import { fileStoreContract, SAMPLES } from './file-store.contract';

describe('FolderFileStore', () => {
  let dir: string;
  before(() => { dir = makeTempDir('files'); });
  after(() => removeTempDir(dir));

  fileStoreContract('folder', () => ({
    store: (limits) => createFileStore({ kind: 'folder', dir, ...limits }),
    failingStore: async () => {
      let armed = false;
      const store = new FolderFileStore({
        dir,
        beforeCommit: async (temps) => {
          assert.ok(temps.every((t) => existsSync(t)), 'the temporary files are written before the failure');
          if (armed) throw new Error('disk full (injected)');
        },
      });
      return { store, arm: () => { armed = true; }, disarm: () => { armed = false; } };
    },
    tamper: async (file, bytes) => writeFileSync(path.join(dir, file.caseId, file.fileId), bytes),
    rawNames: async (caseId) => (existsSync(path.join(dir, caseId)) ? readdirSync(path.join(dir, caseId)) : []),
  }));

  it('keeps the bytes as they arrived in DATA_DIR/files/<caseId>/<fileId>, the record beside them', async () => {
    const store = new FolderFileStore({ dir });
    const file = await store.put({ caseId: 'case-1', ...SAMPLES.pdf });
    assert.deepEqual(readdirSync(path.join(dir, 'case-1')).sort(), [file.fileId, `${file.fileId}.json`]);
    assert.deepEqual(readFileSync(path.join(dir, 'case-1', file.fileId)), SAMPLES.pdf.bytes);
  });

  it('ping says when the folder cannot be used', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const ping = await new FolderFileStore({ dir: path.join(blocker, 'files') }).ping();
    assert.equal(ping.ok, false);
    assert.match(ping.message ?? '', /is not a writable folder/);
  });
});
