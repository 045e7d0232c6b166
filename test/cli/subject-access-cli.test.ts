import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SubjectAccessExport } from '../../src/documents/subject-access/subject-access-export';
import { createStores, type StoreOptions } from '../../src/store/create-stores';
import { freshDatabaseName, startLocalCosmos, type LocalCosmos } from '../support/cosmos-server';
import { runCliAsync } from '../support/run-cli';
import { flat, pdfText } from '../documents/read-back';
import { DESCRIPTION, NOTE } from '../domain/erase-fixtures';
import { cliEnv, seedResidentCases, type Seeded } from './erase-seed';
import Database from 'better-sqlite3';
import { subjectAccessCommand } from '../../src/cli/subject-access-command';
import { loadConfig } from '../../src/config';
import { DEFAULT_SQLITE_FILE } from '../../src/store/sqlite-connection';

/** The export's matches and reasons, as a person checking them reads them. */
function checkMatches(data: SubjectAccessExport, s: Seeded): void {
  const r = s.references;
  assert.deepEqual(data.matches, [
    { reference: r.closed, reasons: ['the case asked about'] },
    { reference: r.refused, reasons: ['the same email address'] },
    { reference: r.open, reasons: ['the same phone number'] },
    { reference: r.remedyDue, reasons: ['the same name at the same address'] },
  ]);
}

async function subjectAccessEvents(options: StoreOptions, s: Seeded): Promise<Record<string, string[]>> {
  const stores = await createStores(options);
  try {
    const out: Record<string, string[]> = {};
    for (const [name, id] of Object.entries(s.ids)) {
      out[name] = (await stores.cases.getCase(id))!.events.filter((e) => e.type === 'subject-access-made').map((e) => `${e.by}: ${e.type === 'subject-access-made' ? e.format : ''}, ${e.why ?? ''}`);
    }
    return out;
  } finally {
    await stores.close();
  }
}

// `complaints subject-access` as an administrator runs it, against the store the settings select.
describe('cli: subject-access', function () {
  this.timeout(120_000);

  it('on the embedded store: every matched case in JSON, with why each matched, its history, notes, files, letters and access log; recorded on each case', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-cli-'));
    const options: StoreOptions = { kind: 'sqlite', dataDir };
    const s = await seedResidentCases(options, dataDir);
    const run = await runCliAsync(['subject-access', '--reference', s.references.closed.toLowerCase(), '--format', 'json'], cliEnv(options, dataDir));
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as SubjectAccessExport;
    checkMatches(data, s);
    assert.match(run.stderr, new RegExp(`Matched 4 cases to the complainant of ${s.references.closed}:\\n  ${s.references.closed}: the case asked about\\n  ${s.references.refused}: the same email address`));

    const closed = data.cases[0]!;
    assert.equal(closed.complainant.complainantName, 'Imogen Threlkeld');
    assert.equal(closed.complaint.description, DESCRIPTION);
    assert.equal(closed.events.length, 18);
    assert.deepEqual(closed.events.find((e) => e.type === 'extended')?.by, { id: 'priya.shah', name: 'Priya Shah (AD)' });
    assert.deepEqual(closed.notes.map((n) => n.text), [NOTE]);
    assert.deepEqual(closed.files.map((f) => [f.fileName, f.size, f.sha256, f.held]), [
      ['threlkeld-bedroom-mould.png', s.photo.length, closed.files[0]!.sha256, true], ['HC-stage-1-response-to-imogen.pdf', s.letter.length, closed.files[1]!.sha256, true],
    ]);
    assert.match(closed.files[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.ok(closed.sentToResident.some((l) => l.fileName === 'HC-stage-1-response-to-imogen.pdf' && l.what === 'Stage 1 response letter, as sent to 14 Larkspur Court'));
    assert.deepEqual(closed.accessLog.map((a) => [a.at, a.by.id, a.what]), [['2026-03-05T09:00:00.000Z', 'alex.morgan', 'case-card']]);
    assert.equal(data.cases[2]!.notes[0]?.text, 'Imogen phoned about the new leak');

    const recorded = await subjectAccessEvents(options, s);
    for (const name of ['closed', 'refused', 'open', 'remedyDue']) {
      assert.equal(recorded[name]?.length, 1, name);
      assert.match(recorded[name]![0]!, new RegExp(`^admin-cli: json, Made with "complaints subject-access" for the complainant of ${s.references.closed} by \\S+`));
    }
    assert.deepEqual([recorded.namesake, recorded.other], [[], []], 'cases that are not hers are not touched');
  });

  it('as a PDF into a folder, with a case left out after checking, and a copy of each of her files', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-pdf-'));
    const options: StoreOptions = { kind: 'sqlite', dataDir };
    const s = await seedResidentCases(options, dataDir);
    const out = path.join(dataDir, 'export');
    const run = await runCliAsync(['subject-access', '--reference', s.references.closed, '--format', 'pdf', '--out', out, '--exclude', s.references.remedyDue], cliEnv(options, dataDir));
    assert.equal(run.code, 0, run.stderr);
    const written = JSON.parse(run.stdout) as { export: string; excluded: string[]; files: Array<{ file: string; copied: boolean }> };
    assert.deepEqual(written.excluded, [s.references.remedyDue]);
    const text = flat((await pdfText(readFileSync(written.export))).join('\n'));
    assert.ok(text.includes(`Personal data held: the complainant of ${s.references.closed}`), text.slice(0, 200));
    for (const phrase of [`Case ${s.references.refused}`, 'the same email address', 'the same phone number', DESCRIPTION, NOTE, 'HC-stage-1-response-to-imogen.pdf', 'Who has seen the file', 'Left out after checking']) {
      assert.ok(text.includes(phrase), phrase);
    }
    assert.ok(!text.includes(`Case ${s.references.remedyDue}`), 'the excluded case is not in the export');
    assert.deepEqual(written.files.map((f) => [path.basename(f.file), f.copied]), [['1-threlkeld-bedroom-mould.png', true], ['2-HC-stage-1-response-to-imogen.pdf', true]]);
    assert.ok(readFileSync(written.files[0]!.file).equals(s.photo));
    assert.deepEqual((await subjectAccessEvents(options, s)).remedyDue, [], 'the excluded case records no disclosure');
  });

  it('refuses an unknown case, a format it does not make, and leaving out the case asked about', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-usage-'));
    const options: StoreOptions = { kind: 'sqlite', dataDir };
    const s = await seedResidentCases(options, dataDir);
    const env = cliEnv(options, dataDir);
    const unknown = await runCliAsync(['subject-access', '--reference', 'HC-2026-99999'], env);
    assert.deepEqual([unknown.code, unknown.stderr.trim()], [2, 'There is no case HC-2026-99999 in the store.']);
    const format = await runCliAsync(['subject-access', '--reference', s.references.closed, '--format', 'html'], env);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format must be json or pdf/);
    const self = await runCliAsync(['subject-access', '--reference', s.references.closed, '--exclude', s.references.closed], env);
    assert.equal(self.code, 2);
    assert.match(self.stderr, /cannot leave out .* it is the case asked about/);
    const none = await runCliAsync(['subject-access'], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /subject-access needs a case reference/);
  });

  it('a matched case that cannot record the export: nothing is recorded on any case, and nothing is given out', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-replay-'));
    const options: StoreOptions = { kind: 'sqlite', dataDir };
    const s = await seedResidentCases(options, dataDir);
    // Her third case, as stored, no longer replays (its first two events swapped, its stored view gone).
    const db = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    const row = db.prepare('SELECT doc FROM cases WHERE id = ?').get(s.ids.open) as { doc: string };
    const doc = JSON.parse(row.doc) as { events: unknown[]; snapshot?: unknown };
    doc.events = [doc.events[1], doc.events[0], ...doc.events.slice(2)];
    delete doc.snapshot;
    db.prepare('UPDATE cases SET doc = ? WHERE id = ?').run(JSON.stringify(doc), s.ids.open);
    db.close();

    const run = await runCliAsync(['subject-access', '--reference', s.references.closed, '--format', 'json'], cliEnv(options, dataDir));
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '', 'no export is given out');
    assert.ok(run.stderr.includes(`The export was not given out, and it was recorded on no case: ${s.references.open} cannot record it`), run.stderr);
    assert.match(run.stderr, /does not replay/);
    const recorded = await subjectAccessEvents(options, s);
    assert.deepEqual(Object.values(recorded).flat(), [], 'no case says an export was made');
  });

  it('recording failing part-way: says exactly which cases were recorded, and that the export was NOT given out', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-partway-'));
    const options: StoreOptions = { kind: 'sqlite', dataDir };
    const s = await seedResidentCases(options, dataDir);
    // The bot: another connection to the same file, taking the write lock once her second case has recorded the export.
    const bot = new Database(path.join(dataDir, DEFAULT_SQLITE_FILE));
    const recordedOn = (id: string) => (bot.prepare('SELECT doc FROM cases WHERE id = ?').get(id) as { doc: string }).doc.includes('"subject-access-made"');
    let locked = false;
    const now = (): Date => {
      if (!locked && recordedOn(s.ids.refused)) { bot.exec('BEGIN IMMEDIATE'); locked = true; }
      return new Date('2026-06-10T10:00:00Z');
    };
    const out = path.join(dataDir, 'export');
    let result;
    try {
      result = await subjectAccessCommand(loadConfig(cliEnv(options, dataDir)), { reference: s.references.closed, format: 'json', out, exclude: undefined }, now);
    } finally {
      if (locked) bot.exec('ROLLBACK');
      bot.close();
    }
    assert.ok(locked, 'the lock was taken part-way');
    assert.equal(result.exitCode, 1, result.stderr);
    assert.deepEqual([result.stdout, result.text, result.bytes], [undefined, undefined, undefined], 'nothing given out');
    const r = s.references;
    assert.ok(result.stderr?.startsWith('The export was NOT given out.'), result.stderr);
    assert.ok(result.stderr?.includes(`It was recorded as made on ${r.closed}, ${r.refused}; recording it on ${r.open} failed (`), result.stderr);
    assert.ok(result.stderr?.includes(`and ${r.remedyDue} was not reached`), result.stderr);
    assert.ok(!existsSync(out), 'no folder written');
    const recorded = await subjectAccessEvents(options, s);
    assert.deepEqual([recorded.closed?.length, recorded.refused?.length, recorded.open?.length, recorded.remedyDue?.length], [1, 1, 0, 0]);
  });

  describe('on the local Cosmos DB server', () => {
    let cosmos: LocalCosmos;
    before(async () => { cosmos = await startLocalCosmos(); });
    after(async () => { await cosmos.stop(); });

    it('the same matches and the same export, read through the real @azure/cosmos client', async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'subject-access-cosmos-'));
      const options: StoreOptions = { kind: 'cosmos', endpoint: cosmos.endpoint, key: 'k', agent: cosmos.agent, databaseName: freshDatabaseName('subject-access') };
      const s = await seedResidentCases(options, dataDir);
      const run = await runCliAsync(['subject-access', '--reference', s.references.closed, '--format', 'json'], cliEnv(options, dataDir));
      assert.equal(run.code, 0, run.stderr);
      const data = JSON.parse(run.stdout) as SubjectAccessExport;
      checkMatches(data, s);
      assert.deepEqual(data.cases[0]!.notes.map((n) => n.text), [NOTE]);
      assert.equal(data.cases[0]!.files.length, 2);
      assert.equal((await subjectAccessEvents(options, s)).open?.length, 1);
    });
  });
});
