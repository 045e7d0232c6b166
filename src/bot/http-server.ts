import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Stores } from '../store/stores';

/**
 * HTTP: POST /api/messages for the Bot Framework, GET /healthz for App Service's health
 * check (the process is up and the store answers).
 */
export function createHttpServer(adapter: CloudAdapter, bot: ActivityHandler, stores: Stores, logger: Logger): restify.Server {
  const server = restify.createServer({ name: 'housing-complaints-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    const store = await stores.ping();
    if (!store.ok) logger.error({ store }, 'health check: the store is not reachable');
    res.status(store.ok ? 200 : 503);
    res.json({ status: store.ok ? 'ok' : 'unavailable', store });
  });
  return server;
}
