import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseRecord } from '../../src/domain/case-record';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { createStores, type StoreOptions } from '../../src/store/create-stores';
import { freshDatabaseName, startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { runCliAsync } from '../support/run-cli';
import { letterPdf, packCase, photoPng } from '../documents/evidence-fixtures';
import { flat, pdfText } from '../documents/read-back';

/** Stores the evidence case (its two files in DATA_DIR/files) and returns its reference and id. */
async function seed(options: StoreOptions, dataDir: string): Promise<{ reference: string; id: string }> {
  const stores = await createStores(options);
  try {
    const draft = packCase({ pdf: { fileId: '00000000-0000-4000-8000-00000000000a', bytes: Buffer.alloc(1) }, photo: { fileId: '00000000-0000-4000-8000-00000000000b', bytes: Buffer.alloc(1) } });
    const rest = Object.fromEntries(Object.entries(draft).filter(([key]) => !['id', 'reference', 'version'].includes(key))) as Omit<CaseRecord, 'id' | 'reference' | 'version'>;
    // The case is stored first (its id is the store's), then the files, then the events naming them.
    const created = await stores.cases.createCase({ ...rest, events: [], referenceYear: 2026 });
    const files = new FolderFileStore({ dir: path.join(dataDir, 'files') });
    const survey = await letterPdf('Damp survey: rising damp in the rear wall.');
    const photo = photoPng();
    const pdf = await files.put({ caseId: created.id, fileName: 'damp-survey.pdf', contentType: 'application/pdf', bytes: survey });
    const png = await files.put({ caseId: created.id, fileName: 'mould-bedroom.png', contentType: 'image/png', bytes: photo });
    const full = packCase({ pdf: { fileId: pdf.fileId, bytes: survey }, photo: { fileId: png.fileId, bytes: photo } });
    const saved = await stores.cases.saveCase({ ...full, id: created.id, reference: created.reference, version: created.version });
    assert.ok(saved.ok, 'the case is stored');
    return { reference: created.reference, id: created.id };
  } finally {
    await stores.close();
  }
}

async function checkPack(run: Awaited<ReturnType<typeof runCliAsync>>, reference: string): Promise<void> {
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdoutBytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = flat((await pdfText(run.stdoutBytes)).join('\n'));
  assert.ok(text.includes(`Complaint file ${reference}`) && text.includes('Damp survey: rising damp in the rear wall.') && text.includes('BACS payment 88812'), text.slice(0, 300));
}

// `complaints evidence` as an administrator runs it, against the store the settings select.
describe('cli: evidence', function () {
  this.timeout(120_000);

  it('on the embedded store: the PDF on stdout, HTML too, parts into a folder, each recorded on the case', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'evidence-cli-'));
    const { reference, id } = await seed({ kind: 'sqlite', dataDir }, dataDir);
    const env = { DATA_DIR: dataDir };
    await checkPack(await runCliAsync(['evidence', reference, '--format', 'pdf'], env), reference);

    const html = await runCliAsync(['evidence', reference.toLowerCase(), '--format', 'html'], env);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, new RegExp(`<title>Complaint file ${reference}</title>`));

    const out = path.join(dataDir, 'pack');
    const written = await runCliAsync(['evidence', reference, '--out', out], env);
    assert.equal(written.code, 0, written.stderr);
    const listed = JSON.parse(written.stdout) as { parts: Array<{ file: string; bytes: number }> };
    assert.equal(listed.parts.length, 1);
    assert.ok(existsSync(listed.parts[0]!.file) && readFileSync(listed.parts[0]!.file).length === listed.parts[0]!.bytes);

    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      const made = (await stores.cases.getCase(id))!.events.filter((e) => e.type === 'evidence-pack-made');
      assert.deepEqual(made.map((e) => [e.by, e.type === 'evidence-pack-made' ? e.format : '']), [['admin-cli', 'pdf'], ['admin-cli', 'html'], ['admin-cli', 'pdf']]);
      assert.match(made[0]!.why ?? '', /^Made with "complaints evidence" by /);
    } finally {
      await stores.close();
    }

    const unknown = await runCliAsync(['evidence', 'HC-2026-99999'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /There is no case HC-2026-99999/);
    const badFormat = await runCliAsync(['evidence', reference, '--format', 'docx'], env);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be pdf or html/);
  });

  describe('on the local Cosmos DB server', () => {
    let cosmos: LocalCosmos;
    before(async () => { cosmos = await startLocalCosmos(); });
    after(async () => { await cosmos.stop(); });

    it('the same pack, read through the real @azure/cosmos client', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'evidence-cosmos-'));
      const databaseName = freshDatabaseName('evidence');
      const { reference } = await seed({ kind: 'cosmos', endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent, databaseName }, dataDir);
      const run = await runCliAsync(['evidence', reference, '--format', 'pdf'], {
        DATA_DIR: dataDir, COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'k', COSMOS_DATABASE: databaseName, NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_NO_WARNINGS: '1',
      });
      await checkPack(run, reference);
    });
  });
});
