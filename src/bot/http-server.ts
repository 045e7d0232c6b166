import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { isAuthorizedRun } from '../reminders/run-authorization';
import type { Stores } from '../store/stores';
import { MAX_FILE_BYTES } from '../files/file-store.port';
import { contentTypeForFileName } from '../files/file-checks';
import type { CaseUploads } from './documents/case-uploads';
import { uploadPage } from './documents/upload-page';
import type { FileOffers } from './files/file-offers';

/** The reminder sweep as the HTTP route sees it. */
export interface ReminderRunRoute {
  /** REMINDER_RUN_SECRET; undefined turns the route off (404). */
  secret: string | undefined;
  run(): Promise<unknown>;
}

/**
 * HTTP: POST /api/messages for the Bot Framework, GET /healthz (liveness: the process is up)
 * and GET /readyz (readiness, App Service's health check: the store and file store take a write), POST /api/reminders/run for an
 * outside scheduler to trigger the reminder sweep (Authorization: Bearer <secret>), and
 * GET /api/files/<token> for a file's short-lived link (src/bot/files/file-offers.ts).
 */
export function createHttpServer(
  adapter: CloudAdapter, bot: ActivityHandler, stores: Stores, logger: Logger, reminders?: ReminderRunRoute, fileOffers?: Pick<FileOffers, 'serveLink'>,
  uploads?: Pick<CaseUploads, 'describe' | 'receive'>,
  /** Each part the bot needs, and null when it works or what is wrong with it (for the log). */
  readiness?: () => Promise<Record<string, string | null>>,
): restify.Server {
  const server = restify.createServer({ name: 'housing-complaints-bot' });

  // Only the Bot Framework's JSON is parsed for us; the upload route reads its own bytes.
  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.post('/api/reminders/run', async (req, res) => {
    if (!reminders?.secret) {
      res.status(404);
      res.json({ error: 'Not found: set REMINDER_RUN_SECRET to allow an outside scheduler to run the reminder sweep.' });
      return;
    }
    if (!isAuthorizedRun(req.header('authorization'), reminders.secret)) {
      logger.warn({ ip: req.socket.remoteAddress }, 'refused POST /api/reminders/run: missing or wrong bearer secret');
      res.header('WWW-Authenticate', 'Bearer realm="reminders"');
      res.status(401);
      res.json({ error: 'Unauthorized: send Authorization: Bearer <REMINDER_RUN_SECRET>.' });
      return;
    }
    try {
      res.json(200, await reminders.run());
    } catch (err) {
      logger.error({ err }, 'POST /api/reminders/run: the sweep failed');
      res.status(500);
      res.json({ error: 'The reminder sweep failed; see the log.' });
    }
  });

  // The token is the only key: one answer (404) for unknown, expired and refused alike, and
  // nothing cached or passed on as a referrer. The HTML report runs no script (CSP sandbox).
  server.get('/api/files/:token', async (req, res) => {
    const token = (req.params as Record<string, unknown>).token;
    res.header('Cache-Control', 'no-store');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('X-Robots-Tag', 'noindex');
    try {
      const file = fileOffers && typeof token === 'string' ? await fileOffers.serveLink(token) : null;
      if (!file) {
        res.status(404);
        res.json({ error: 'Not found: this link has expired or is not valid. Ask for the file in Teams again for a new link.' });
        return;
      }
      const html = file.fileType === 'html';
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': String(file.body.length),
        'Content-Disposition': `${html ? 'inline' : 'attachment'}; filename="${file.name}"`,
        ...(html ? { 'Content-Security-Policy': 'sandbox; default-src \'none\'; style-src \'unsafe-inline\'; img-src data:' } : {}),
      });
      res.end(file.body);
    } catch (err) {
      logger.error({ err }, 'GET /api/files: the file could not be made');
      res.status(500);
      res.json({ error: 'The file could not be made just now; try again in a moment.' });
    }
  });

  // "Add a file": the page with a file input, and the bytes it sends (src/bot/documents).
  server.get('/api/files/upload/:token', async (req, res) => {
    const token = (req.params as Record<string, unknown>).token;
    noStore(res);
    const found = uploads && typeof token === 'string' ? await uploads.describe(token) : null;
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This upload link has expired or has been used. Press "Add a file" on the case card in Teams for a new one.');
      return;
    }
    const { html, nonce } = uploadPage({ reference: found.reference, facts: found.facts, maxBytes: MAX_FILE_BYTES });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'`,
    });
    res.end(html);
  });

  server.post('/api/files/upload/:token', async (req, res) => {
    const token = (req.params as Record<string, unknown>).token;
    noStore(res);
    if (!uploads || typeof token !== 'string') {
      res.status(404);
      res.json({ message: 'Not found.' });
      return;
    }
    // A declared length over the cap is answered before reading; a body that outgrows it is cut off.
    const declaredLength = Number(req.header('content-length', 'NaN'));
    const read = declaredLength > MAX_FILE_BYTES ? 'too-big' : await readBody(req, MAX_FILE_BYTES);
    if (read === 'too-big') {
      res.header('Connection', 'close');
      res.status(413);
      res.json({ message: `The file is over ${MAX_FILE_BYTES / (1024 * 1024)} MB, the limit per file, so nothing was stored. Split it, or save a smaller copy.` });
      return;
    }
    let fileName = 'file';
    try {
      fileName = decodeURIComponent(req.header('x-file-name', '')).slice(0, 400) || 'file';
    } catch {
      // a name that is not valid percent-encoding: keep the placeholder; the type check still applies
    }
    const declared = req.header('content-type', '').replace(/;.*$/s, '').trim().toLowerCase();
    const contentType = !declared || declared === 'application/octet-stream' ? contentTypeForFileName(fileName) ?? declared : declared;
    try {
      const outcome = await uploads.receive(token, { fileName, contentType, bytes: read });
      if (outcome.ok) {
        const f = outcome.file;
        res.status(200);
        res.json({ message: `Attached to ${outcome.record.reference}: ${f.fileName} (${f.size} bytes). SHA-256 ${f.sha256}. You can close this page; the case's history shows the file.`, fileId: f.fileId, sha256: f.sha256 });
        return;
      }
      res.status('gone' in outcome ? 410 : 422);
      res.json({ message: outcome.message });
    } catch (err) {
      logger.error({ err }, 'POST /api/files/upload: the file could not be attached');
      res.status(500);
      res.json({ message: 'The file could not be attached just now, and nothing was kept. Try again in a few minutes.' });
    }
  });

  // Liveness: the process answers. Nothing about the stores (their addresses and errors are
  // for the log, not for whoever asks); readiness says whether it can do its work.
  // restify takes a handler with two arguments only if it is async.
  // eslint-disable-next-line @typescript-eslint/require-await
  server.get('/healthz', async (_req, res) => {
    noStore(res);
    res.json({ status: 'ok' });
  });

  // Readiness (App Service's health check): a real write to the store and the file store. Which
  // part failed is said; why goes to the log only.
  server.get('/readyz', async (_req, res) => {
    noStore(res);
    const checks = await (readiness ? readiness() : stores.ping().then((s) => ({ store: s.ok ? null : s.message })));
    const failed = Object.entries(checks).filter(([, problem]) => problem !== null);
    for (const [part, problem] of failed) logger.error({ part, problem }, 'readiness: a part the bot needs is not usable');
    res.status(failed.length ? 503 : 200);
    res.json({ status: failed.length ? 'unavailable' : 'ready', checks: Object.fromEntries(Object.entries(checks).map(([part, problem]) => [part, problem === null ? 'ok' : 'failed'])) });
  });
  return server;
}

/**
 * What answers on the bot's port while its store cannot be opened (src/start-when-store-opens.ts):
 * liveness says the process is up, readiness says the store is not, and Teams' activities are
 * refused with a bare 503 (Teams tells the person it could not send). Why the store failed (its folder or endpoint) is in the log only.
 */
export function createUnreadyServer(): restify.Server {
  const server = restify.createServer({ name: 'housing-complaints-bot' });
  // eslint-disable-next-line @typescript-eslint/require-await
  server.get('/healthz', async (_req, res) => {
    noStore(res);
    res.json({ status: 'ok' });
  });
  // eslint-disable-next-line @typescript-eslint/require-await
  server.get('/readyz', async (_req, res) => {
    noStore(res);
    res.status(503);
    res.json({ status: 'unavailable', checks: { store: 'failed' } });
  });
  // eslint-disable-next-line @typescript-eslint/require-await
  server.post('/api/messages', async (_req, res) => {
    noStore(res);
    res.status(503);
    res.json({ error: 'Not ready: the bot cannot reach its store yet. Try again in a minute.' });
  });
  return server;
}

function noStore(res: restify.Response): void {
  res.header('Cache-Control', 'no-store');
  res.header('Referrer-Policy', 'no-referrer');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('X-Robots-Tag', 'noindex');
}

/** The request body, up to `max` bytes; past that it stops reading and says so. */
async function readBody(req: restify.Request, max: number): Promise<Buffer | 'too-big'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.destroy();
      return 'too-big';
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
