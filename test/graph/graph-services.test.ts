import { strict as assert } from 'node:assert';
import pino from 'pino';
import { createGraphServices } from '../../src/graph/create-graph-services';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphMailSender } from '../../src/graph/graph-mail-sender';
import { GraphPeople } from '../../src/graph/graph-people';
import { LoggingMailSender } from '../../src/graph/logging-mail-sender';
import { MAX_ATTACHMENT_BYTES, MailError } from '../../src/graph/mail-sender.port';
import { TeamsAppInstaller } from '../../src/graph/teams-app-installer';
import { FAKE_GRAPH_TOKEN, FakeGraph, fakeCredential } from '../support/fake-graph';
import { testConfig } from '../support/test-app';

// The real @microsoft/microsoft-graph-client against a local fake Graph server: the routes
// the app calls, the bearer token, and the faults Graph really answers with.
describe('Microsoft Graph: installs, managers and mail through the real Graph client', function () {
  this.timeout(20_000);
  const ALEX = '00000000-0000-4000-8000-000000000001';
  let graph: FakeGraph;
  const client = () => createGraphClient({ baseUrl: graph.baseUrl, credential: fakeCredential, retryDelaySeconds: 0, maxRetries: 3 });

  beforeEach(async () => { graph = await new FakeGraph().start(); });
  afterEach(async () => graph.stop());

  describe('installing the Teams app for a person', () => {
    it('posts the catalog app binding as the app, with the bearer token for the Graph origin', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      assert.deepEqual(await installer.installFor(ALEX), { ok: true, outcome: 'installed' });
      const [req] = graph.requestsTo('POST', /installedApps$/);
      assert.equal(req?.path, `/v1.0/users/${ALEX}/teamwork/installedApps`);
      assert.deepEqual(req?.body, { 'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/catalog-app-1` });
      assert.equal(req?.authorization, `Bearer ${FAKE_GRAPH_TOKEN}`);
      assert.ok(fakeCredential.scopes.includes(`${graph.url}/.default`), fakeCredential.scopes.join());
    });

    it('treats 409 (already installed) as done', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      await installer.installFor(ALEX);
      assert.deepEqual(await installer.installFor(ALEX), { ok: true, outcome: 'already-installed' });
    });

    it('reports 403 and 404 with what to check, without retrying them', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      graph.failNext('POST', /installedApps$/, { status: 403 }, { status: 404 });
      const forbidden = await installer.installFor(ALEX);
      assert.ok(!forbidden.ok && forbidden.status === 403 && /TeamsAppInstallation\.ReadWriteForUser\.All/.test(forbidden.reason), JSON.stringify(forbidden));
      const missing = await installer.installFor(ALEX);
      assert.ok(!missing.ok && missing.status === 404 && /TEAMS_APP_CATALOG_ID/.test(missing.reason), JSON.stringify(missing));
      assert.equal(graph.requestsTo('POST', /installedApps$/).length, 2);
    });

    it('waits as long as a 429 Retry-After says, then succeeds', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      graph.failNext('POST', /installedApps$/, { status: 429, retryAfter: '1' });
      assert.deepEqual(await installer.installFor(ALEX), { ok: true, outcome: 'installed' });
      const [first, second] = graph.requestsTo('POST', /installedApps$/);
      assert.ok(second!.at - first!.at >= 950, `retried after ${second!.at - first!.at} ms`);
    });

    it('retries 503 and 504, but gives up on a 500 at once', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      graph.failNext('POST', /installedApps$/, { status: 503, retryAfter: '0' }, { status: 504, retryAfter: '0' });
      assert.deepEqual(await installer.installFor(ALEX), { ok: true, outcome: 'installed' });
      assert.equal(graph.requestsTo('POST', /installedApps$/).length, 3);
      graph.failNext('POST', /installedApps$/, { status: 500 });
      const failed = await installer.installFor('00000000-0000-4000-8000-000000000002');
      assert.ok(!failed.ok && failed.status === 500, JSON.stringify(failed));
      assert.equal(graph.requestsTo('POST', /installedApps$/).length, 4);
    });

    it('gives up after the retries when Graph keeps throttling', async () => {
      const installer = new TeamsAppInstaller(client(), graph.baseUrl, 'catalog-app-1');
      graph.failNext('POST', /installedApps$/, ...Array.from({ length: 5 }, () => ({ status: 429, retryAfter: '0' })));
      const failed = await installer.installFor(ALEX);
      assert.ok(!failed.ok && failed.status === 429, JSON.stringify(failed));
      assert.equal(graph.requestsTo('POST', /installedApps$/).length, 4);
    });

    it('is refused without a valid token (Graph answers 401)', async () => {
      const wrong = createGraphClient({ baseUrl: graph.baseUrl, credential: { getToken: async () => ({ token: 'stolen', expiresOnTimestamp: Date.now() + 60_000 }) } });
      const failed = await new TeamsAppInstaller(wrong, graph.baseUrl, 'catalog-app-1').installFor(ALEX);
      assert.ok(!failed.ok && failed.status === 401, JSON.stringify(failed));
    });
  });

  describe('managers from Entra ID', () => {
    it('reads a person\'s manager with their email, and null when there is none (404)', async () => {
      graph.managers.set(ALEX, { id: 'mgr-1', displayName: 'Dana Manager', mail: null, userPrincipalName: 'dana@example.org' });
      const people = new GraphPeople(client());
      assert.deepEqual(await people.managerOf(ALEX), { aadObjectId: 'mgr-1', name: 'Dana Manager', email: 'dana@example.org' });
      assert.equal(await people.managerOf('someone-without-manager'), null);
      assert.match(graph.requests[0]!.path, new RegExp(`/users/${ALEX}/manager$`));
    });

    it('throws on other failures, so the caller can tell "no manager" from "Graph is down"', async () => {
      graph.failNext('GET', /manager$/, { status: 403 });
      await assert.rejects(new GraphPeople(client()).managerOf(ALEX), (err: { statusCode?: number }) => err.statusCode === 403);
    });
  });

  describe('mail', () => {
    it('sends as MAIL_SENDER with an HTML or a text body', async () => {
      const mail = new GraphMailSender(client(), 'complaints-bot@example.org');
      await mail.send({ to: 'complaints@example.org', subject: 'Digest', text: 'plain', html: '<p>rich</p>' });
      await mail.send({ to: ['a@example.org', 'b@example.org'], subject: 'Plain', text: 'just text' });
      assert.deepEqual(graph.mail, [
        { sender: 'complaints-bot@example.org', to: ['complaints@example.org'], subject: 'Digest', contentType: 'HTML', content: '<p>rich</p>', attachments: [] },
        { sender: 'complaints-bot@example.org', to: ['a@example.org', 'b@example.org'], subject: 'Plain', contentType: 'Text', content: 'just text', attachments: [] },
      ]);
    });

    it('sends files as inline file attachments, byte for byte, and refuses more than sendMail takes before calling Graph', async () => {
      const mail = new GraphMailSender(client(), 'complaints-bot@example.org');
      const pdf = Buffer.from('%PDF-1.7 a letter');
      await mail.send({ to: 'complaints@example.org', subject: 'Letter', text: 't', attachments: [{ name: 'HC-2026-00042-acknowledgement-2026-11-23.pdf', contentType: 'application/pdf', bytes: pdf }] });
      assert.deepEqual(graph.mail[0]!.attachments, [{ name: 'HC-2026-00042-acknowledgement-2026-11-23.pdf', contentType: 'application/pdf', bytes: pdf }]);
      const requests = graph.requests.length;
      await assert.rejects(mail.send({ to: 'x@example.org', subject: 'Too big', text: 't', attachments: [{ name: 'big.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1) }] }),
        (err: unknown) => err instanceof MailError && /at most 3145728/.test(err.message));
      assert.equal(graph.requests.length, requests, 'nothing was sent to Graph');
    });

    it('retries a throttled send and reports a refused one as a MailError with its status', async () => {
      const mail = new GraphMailSender(client(), 'complaints-bot@example.org');
      graph.failNext('POST', /sendMail$/, { status: 429, retryAfter: '0' });
      await mail.send({ to: 'x@example.org', subject: 'After a 429', text: 't' });
      assert.equal(graph.mail.length, 1);
      graph.failNext('POST', /sendMail$/, { status: 403 });
      await assert.rejects(mail.send({ to: 'x@example.org', subject: 'Refused', text: 't' }), (err: unknown) => err instanceof MailError && err.status === 403 && /Mail\.Send/.test(err.message));
      graph.failNext('POST', /sendMail$/, { status: 500 });
      await assert.rejects(mail.send({ to: 'x@example.org', subject: 'Broken', text: 't' }), (err: unknown) => err instanceof MailError && err.status === 500);
    });
  });

  describe('which services the settings give', () => {
    const logger = pino({ level: 'silent' });
    it('logs mail, and installs nothing, without a Graph identity or mail settings', () => {
      const services = createGraphServices(testConfig('/tmp/unused'), logger);
      assert.ok(services.mail instanceof LoggingMailSender);
      assert.equal(services.mail.delivers, false);
      assert.equal(services.installer, undefined);
      assert.equal(services.people, undefined);
    });

    it('sends mail through Graph only when both MAIL_SENDER and COMPLAINTS_MAILBOX are set', () => {
      const half = createGraphServices(testConfig('/tmp/unused', { mail: { sender: 'bot@example.org', complaintsMailbox: undefined } }), logger, { credential: fakeCredential });
      assert.ok(half.mail instanceof LoggingMailSender);
      const full = createGraphServices(testConfig('/tmp/unused', {
        mail: { sender: 'bot@example.org', complaintsMailbox: 'complaints@example.org' },
        graph: { baseUrl: graph.baseUrl, teamsAppCatalogId: 'catalog-app-1' },
      }), logger, { credential: fakeCredential });
      assert.ok(full.mail instanceof GraphMailSender);
      assert.equal(full.mail.delivers, true);
      assert.ok(full.installer instanceof TeamsAppInstaller);
      assert.ok(full.people instanceof GraphPeople);
      assert.equal(full.complaintsMailbox, 'complaints@example.org');
    });
  });
});
