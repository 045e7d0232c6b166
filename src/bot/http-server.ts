import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { isAuthorizedRun } from '../reminders/run-authorization';
import type { Stores } from '../store/stores';
import type { ReportFiles } from './report-files';

/** The reminder sweep as the HTTP route sees it. */
export interface ReminderRunRoute {
  /** REMINDER_RUN_SECRET; undefined turns the route off (404). */
  secret: string | undefined;
  run(): Promise<unknown>;
}

/**
 * HTTP: POST /api/messages for the Bot Framework, GET /healthz for App Service's health
 * check (the process is up and the store answers), POST /api/reminders/run for an
 * outside scheduler to trigger the reminder sweep (Authorization: Bearer <secret>), and
 * GET /api/reports/files/<token> for a report file's short-lived link (src/bot/report-files.ts).
 */
export function createHttpServer(adapter: CloudAdapter, bot: ActivityHandler, stores: Stores, logger: Logger, reminders?: ReminderRunRoute, reportFiles?: Pick<ReportFiles, 'serveLink'>): restify.Server {
  const server = restify.createServer({ name: 'housing-complaints-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
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
  server.get('/api/reports/files/:token', async (req, res) => {
    const token = (req.params as Record<string, unknown>).token;
    res.header('Cache-Control', 'no-store');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('X-Robots-Tag', 'noindex');
    try {
      const file = reportFiles && typeof token === 'string' ? await reportFiles.serveLink(token) : null;
      if (!file) {
        res.status(404);
        res.json({ error: 'Not found: this link has expired or is not valid. Type the report command in Teams again for a new one.' });
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
      logger.error({ err }, 'GET /api/reports/files: the file could not be made');
      res.status(500);
      res.json({ error: 'The file could not be made just now; try again in a moment.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const store = await stores.ping();
    if (!store.ok) logger.error({ store }, 'health check: the store is not reachable');
    res.status(store.ok ? 200 : 503);
    res.json({ status: store.ok ? 'ok' : 'unavailable', store });
  });
  return server;
}
