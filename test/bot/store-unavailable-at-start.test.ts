import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startApp } from '../../src/app';
import { ConfigError } from '../../src/config';
import { startWhenStoreOpens, type StartedBot } from '../../src/start-when-store-opens';
import { ALEX, BotDriver } from '../support/bot-driver';
import { freePort } from '../support/bot-process';
import { FakeConnector } from '../support/fake-connector';
import { MONDAY_23_NOV, testConfig } from '../support/test-app';
import { waitFor } from '../support/wait-for';

// Issue 18: a data folder the store cannot use at start (read-only, full, or not a folder) must
// not stop the process: it stays up and live, says "not ready" without saying where or why,
// names the folder in its log, and becomes ready by itself once the folder can be used. The
// folder is made unusable by a file standing where it should be (ENOTDIR), which binds root
// too (the tests may run as root, whom a read-only mode does not stop); scripts/soak also
// tries a read-only and a full tmpfs.
describe('a store that cannot be opened at start', function () {
  this.timeout(30_000);
  let started: StartedBot | undefined;
  const connector = new FakeConnector();
  before(async () => { await connector.start(); });
  afterEach(async () => { await started?.close(); started = undefined; });
  after(async () => { await connector.stop(); });

  it('stays up: /healthz ok, /readyz 503 with no path, the log names the folder; ready and answering once the folder can be used', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'complaints-unready-'));
    const blocker = path.join(root, 'data');
    writeFileSync(blocker, 'a file where the data folder should be');
    const dataDir = path.join(blocker, 'cases');
    const port = await freePort();
    const log: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { log.push(line); } });
    const fatal: unknown[] = [];
    started = await startWhenStoreOpens(testConfig(dataDir, { port }), (config) => startApp(config, { now: () => MONDAY_23_NOV, logger: pino({ level: 'silent' }) }), {
      retryMs: 200, logger, onFatal: (err) => { fatal.push(err); },
    });
    const url = `http://127.0.0.1:${port}`;

    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 503);
    const body = await ready.text();
    assert.deepEqual(JSON.parse(body), { status: 'unavailable', checks: { store: 'failed' } });
    assert.ok(!body.includes(root), 'the folder is not named to whoever asks');
    const message = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(message.status, 503, 'Teams is told the bot cannot take activities yet');
    assert.ok(log.some((line) => line.includes(dataDir) && /could not be opened/.test(line)), `the log names the folder:\n${log.join('')}`);

    rmSync(blocker);
    await waitFor(() => fetch(`${url}/readyz`).then((res) => res.status === 200, () => false), { timeoutMs: 10_000, what: 'the bot to become ready' });
    const driver = new BotDriver(url, connector);
    await driver.say(ALEX, 'help');
    await connector.waitFor(1);
    assert.deepEqual(fatal, []);
    rmSync(root, { recursive: true, force: true });
  });

  it('a setting that waiting will not mend still stops the start', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-unready-'));
    await assert.rejects(
      startWhenStoreOpens(testConfig(dataDir, { port: await freePort(), policy: 'no-such-policy' }), (config) => startApp(config, { logger: pino({ level: 'silent' }) }), { onFatal: () => undefined, logger: pino({ level: 'silent' }) }),
      (err: unknown) => err instanceof ConfigError && /COMPLAINT_POLICY/.test(err.message),
    );
  });
});
