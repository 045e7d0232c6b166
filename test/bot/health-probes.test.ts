import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startTestBot, type TestBot } from '../support/test-app';

// Issue 18: liveness says only that the process is up; readiness writes to the store and
// checks the file store, says which part failed, and keeps the why (paths, endpoints,
// errors) for the log, since anyone can ask.
describe('health probes', function () {
  this.timeout(30_000);
  let bot: TestBot;
  before(async () => { bot = await startTestBot(); });
  after(async () => { await bot.stop(); });

  it('/healthz: the process is up, and nothing more', async () => {
    const res = await fetch(`${bot.app.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('/readyz: ready when the store takes a write and the file store is usable', async () => {
    const res = await fetch(`${bot.app.url}/readyz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ready', checks: { store: 'ok', files: 'ok' } });
  });

  it('/readyz: 503 naming the part that fails (the files folder is not a folder), with no path or error in the answer', async () => {
    const files = path.join(bot.dataDir, 'files');
    rmSync(files, { recursive: true, force: true });
    writeFileSync(files, 'not a folder');
    try {
      const res = await fetch(`${bot.app.url}/readyz`);
      assert.equal(res.status, 503);
      const body = await res.text();
      assert.deepEqual(JSON.parse(body), { status: 'unavailable', checks: { store: 'ok', files: 'failed' } });
      assert.ok(!body.includes(bot.dataDir), 'the folder is not named to the caller');
    } finally {
      rmSync(files, { force: true });
    }
    assert.equal((await fetch(`${bot.app.url}/readyz`)).status, 200, 'ready again once the folder can be made');
  });
});
