import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { isAuthorizedRun } from '../reminders/run-authorization';
import type { Stores } from '../store/stores';

/** The reminder sweep as the HTTP route sees it. */
export interface ReminderRunRoute {
  /** REMINDER_RUN_SECRET; undefined turns the route off (404). */
  secret: string | undefined;
  run(): Promise<unknown>;
}

/**
 * HTTP: POST /api/messages for the Bot Framework, GET /healthz for App Service's health
 * check (the process is up and the store answers), and POST /api/reminders/run for an
 * outside scheduler to trigger the reminder sweep (Authorization: Bearer <secret>).
 */
export function createHttpServer(adapter: CloudAdapter, bot: ActivityHandler, stores: Stores, logger: Logger, reminders?: ReminderRunRoute): restify.Server {
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

  server.get('/healthz', async (_req, res) => {
    const store = await stores.ping();
    if (!store.ok) logger.error({ store }, 'health check: the store is not reachable');
    res.status(store.ok ? 200 : 503);
    res.json({ status: store.ok ? 'ok' : 'unavailable', store });
  });
  return server;
}
