import restify from 'restify';

/** The floor: a bare restify endpoint answering 200, on the same body parser as the bot. */
const server = restify.createServer({ name: 'floor' });
server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
// restify treats a handler that returns a promise as finished when it settles (no next()),
// as the bot's route is; so this one is async with nothing to await.
// eslint-disable-next-line @typescript-eslint/require-await
server.post('/api/messages', async (_req, res) => { res.send(200); });
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
