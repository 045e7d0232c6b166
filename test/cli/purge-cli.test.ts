import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { createStores } from '../../src/store/create-stores';
import { closedCase, newCase } from '../support/case-fixtures';
import { runCli } from '../support/run-cli';

describe('complaints purge (CLI)', function () {
  this.timeout(30_000);

  it('lists with --dry-run, then removes only finished cases closed before the date, and dissatisfaction received before it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'purge-'));
    const stores = await createStores({ kind: 'sqlite', dataDir });
    const old = await stores.cases.createCase(closedCase('2019-05-01'));
    const recent = await stores.cases.createCase(closedCase('2026-05-01'));
    const open = await stores.cases.createCase(newCase());
    // An intake form nobody touched for 30 days, and one still in use.
    await stores.keyValue.put('intake/abandoned', { status: 'open', complainant: { complainantName: 'Someone' } }, undefined, { expiresAt: new Date(Date.now() - 1000) });
    await stores.keyValue.put('intake/in-use', { status: 'open' }, undefined, { expiresAt: new Date(Date.now() + 86_400_000) });
    // Dissatisfaction not taken as a complaint: two received before the date go, the later one stays.
    const said = (id: string, receivedOn: string) => ({ id, receivedOn, channel: 'phone', summary: 'Upset about the lift', kind: 'expression-of-dissatisfaction' as const, reason: 'resident-declined' as const, reasonNote: '', recordedBy: 'alex.morgan', recordedAt: `${receivedOn}T10:00:00.000Z` });
    await stores.dissatisfaction.record(said('d-old', '2019-06-01'));
    await stores.dissatisfaction.record(said('d-older', '2018-02-14'));
    await stores.dissatisfaction.record(said('d-recent', '2020-01-01'));
    await stores.close();
    // The old case has two files attached; the recent one has one, which must stay.
    const files = new FolderFileStore({ dir: path.join(dataDir, 'files') });
    const pdf = { fileName: 'letter.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n%%EOF\n') };
    await files.put({ caseId: old.id, ...pdf });
    await files.put({ caseId: old.id, ...pdf, fileName: 'reply.pdf' });
    await files.put({ caseId: recent.id, ...pdf });

    const dry = runCli(['purge', '--closed-before', '2020-01-01', '--dry-run'], '', { DATA_DIR: dataDir });
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout), { dryRun: true, closedBefore: '2020-01-01', count: 1, wouldRemove: [old.reference], dissatisfactionWouldRemove: 2 });

    const real = runCli(['purge', '--closed-before', '2020-01-01'], '', { DATA_DIR: dataDir });
    assert.deepEqual(JSON.parse(real.stdout), { dryRun: false, closedBefore: '2020-01-01', count: 1, removed: [old.reference], filesRemoved: 2, expiredFormsRemoved: 1, dissatisfactionRemoved: 2 });
    assert.deepEqual(await files.list(old.id), []);
    assert.equal((await files.list(recent.id)).length, 1);

    const after = await createStores({ kind: 'sqlite', dataDir });
    try {
      assert.equal(await after.cases.getCase(old.id), undefined);
      assert.ok(await after.cases.getCase(recent.id));
      assert.ok(await after.cases.getCase(open.id));
      assert.ok(await after.keyValue.get('intake/in-use'), 'a form in use stays');
      assert.deepEqual((await after.dissatisfaction.receivedBetween('2000-01-01', '2099-12-31')).map((r) => r.id), ['d-recent']);
    } finally {
      await after.close();
    }
  });

  it('needs a real date, and names a malformed setting', () => {
    const noDate = runCli(['purge', '--closed-before', '2020-13-01']);
    assert.equal(noDate.code, 2);
    assert.match(noDate.stderr, /purge needs --closed-before YYYY-MM-DD/);
    const badSetting = runCli(['purge', '--closed-before', '2020-01-01'], '', { COSMOS_ENDPOINT: 'not a url' });
    assert.equal(badSetting.code, 2);
    assert.match(badSetting.stderr, /COSMOS_ENDPOINT: .*Cosmos DB account endpoint/);
  });
});
