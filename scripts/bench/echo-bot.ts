import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/** The peer: a minimal botbuilder echo bot on the same adapter settings as ours (unauthenticated, local). */
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
  await next();
});
const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => { await adapter.process(req, res, (context) => bot.run(context)); });
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
