import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { letterCommand, type LetterArgs } from '../../src/cli/letter-command';
import { UsageError } from '../../src/cli/cli-io';
import { loadConfig } from '../../src/config';
import type { CaseRecord } from '../../src/domain/case-record';
import { createStores } from '../../src/store/create-stores';
import { runCli } from '../support/run-cli';
import { acknowledgementCase, stage1Case } from './letter-fixtures';
import { docxText, flat, pdfText } from './read-back';

const ROOT = path.resolve(__dirname, '../..');

/** `complaints letter`: the case read from a temporary SQLite store, as the settings select it. */
describe('cli: letter', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'complaints-letter-'));
  const env = { DATA_DIR: dir, COMPLAINT_POLICY: 'hos-2024', COSMOS_ENDPOINT: '', DIRECTORY_FILE: '' };
  const config = loadConfig(env);
  let responded = '';
  let noDefinition = '';
  const args = (over: Partial<LetterArgs>): LetterArgs => ({
    reference: responded, kind: 'stage-1-response', format: 'pdf', template: undefined, landlord: undefined, date: '2026-03-20', ...over,
  });

  before(async () => {
    const stores = await createStores({ kind: 'sqlite', dataDir: dir });
    const store = async (record: CaseRecord): Promise<string> => {
      const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !['id', 'reference', 'version'].includes(key))) as Omit<CaseRecord, 'id' | 'reference' | 'version'>;
      return (await stores.cases.createCase({ ...rest, referenceYear: 2026 })).reference;
    };
    try {
      responded = await store(stage1Case());
      const blank = acknowledgementCase();
      blank.details.complaint.complaintDefinition = '';
      noDefinition = await store(blank);
    } finally {
      await stores.close();
    }
  });

  it('a stage 1 response as PDF and as Word, from the store', async () => {
    const pdf = await letterCommand(config, args({}));
    assert.equal(pdf.exitCode, 0, pdf.stderr);
    assert.ok(pdf.bytes);
    const text = flat((await pdfText(pdf.bytes)).join('\n'));
    assert.ok(text.includes(responded) && text.includes('Treat the mould and repair the gutter: by Fri 10 Apr 2026') && text.includes('Alex Morgan'), text);
    assert.match(pdf.stderr ?? '', /invented example landlord/);

    const landlordFile = path.join(dir, 'landlord.json');
    writeFileSync(landlordFile, JSON.stringify({ name: 'Northgate Housing', addressLines: ['2 High Street', 'Northgate NG1 1AA'] }));
    const docx = await letterCommand(config, args({ format: 'docx', landlord: landlordFile }));
    assert.equal(docx.exitCode, 0, docx.stderr);
    assert.equal(docx.stderr, undefined);
    assert.ok(docx.bytes);
    const words = flat(docxText(docx.bytes));
    assert.ok(words.startsWith('Northgate Housing 2 High Street Northgate NG1 1AA'), words);
    assert.ok(words.includes('Date: Fri 20 Mar 2026'));
  });

  it('exit 2, saying why: an unknown case, a missing required item, a bad landlord file', async () => {
    const unknown = await letterCommand(config, args({ reference: 'HC-2026-09999' }));
    assert.deepEqual([unknown.exitCode, unknown.stderr], [2, 'There is no case HC-2026-09999 in the store.']);
    const missing = await letterCommand(config, args({ reference: noDefinition, kind: 'acknowledgement' }));
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr ?? '', /would leave out Complaint definition/);
    const notYet = await letterCommand(config, args({ kind: 'stage-2-response' }));
    assert.equal(notYet.exitCode, 2);
    assert.match(notYet.stderr ?? '', /no stage 2 response recorded/);
    const landlord = path.join(dir, 'bad-landlord.json');
    writeFileSync(landlord, JSON.stringify({ name: '' }));
    const bad = await letterCommand(config, args({ landlord }));
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr ?? '', /landlord file .* is not usable: name/);
  });

  it('an unknown kind or format is a usage error', async () => {
    await assert.rejects(letterCommand(config, args({ kind: 'thank-you' })), (e: unknown) => e instanceof UsageError && /--kind must be one of acknowledgement, extension/.test(e.message));
    await assert.rejects(letterCommand(config, args({ format: 'odt' })), UsageError);
    await assert.rejects(letterCommand(config, args({ reference: undefined })), UsageError);
  });

  it('from the command line: the file on stdout, and exit 2 for an unknown kind', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli.ts'), 'letter', responded, '--kind', 'stage-1-response', '--format', 'docx'], {
      cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr.toString());
    assert.equal(run.stdout.subarray(0, 2).toString(), 'PK', 'a zip (.docx) on stdout');
    assert.ok(flat(docxText(run.stdout)).includes('We have upheld your complaint.'));

    const wrong = runCli(['letter', responded, '--kind', 'thanks', '--format', 'pdf'], '', env);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--kind must be one of/);
  });
});
