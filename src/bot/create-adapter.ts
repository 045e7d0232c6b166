import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';

/**
 * The Bot Framework adapter. With a bot app id, every request must carry a valid Bot
 * Framework token for it (401 otherwise); without one it accepts unauthenticated requests,
 * which is only for local runs, and says so in the log.
 */
export function createAdapter(bot: AppConfig['bot'], logger: Logger): CloudAdapter {
  if (!bot) logger.warn('MicrosoftAppId is not set: the bot accepts UNAUTHENTICATED requests. Use this only for local runs.');
  const auth = new ConfigurationBotFrameworkAuthentication(bot ? {
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
  } : {});
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Ids only: what the person typed, and the cards, may hold a resident's details.
    const where = { activityType: context.activity.type, conversation: context.activity.conversation.id };
    const connector = connectorFailureOf(error);
    if (connector) {
      // Teams did not take the bot's reply: not a fault in the bot. After a 403/404 (blocked,
      // removed, the conversation gone) an apology would be refused the same way.
      logger.warn({ ...where, status: connector.status, code: connector.code }, 'Teams did not take the reply to a turn');
      if (connector.status === 403 || connector.status === 404) return;
    } else {
      logger.error({ err: error, ...where }, 'unhandled error in a turn');
    }
    try {
      await context.sendActivity('Sorry, something went wrong and your last action may not have been completed. Please try again; if it keeps happening, tell your administrator.');
    } catch (sorryError) {
      logger.warn({ ...where, status: connectorFailureOf(sorryError)?.status }, 'could not send the apology either');
    }
  };
  return adapter;
}

/**
 * A send to the Bot Connector that failed (the connector client's RestError for a
 * /v3/conversations/ URL): its status (none when there was no answer) and error code.
 */
export function connectorFailureOf(err: unknown): { status: number | undefined; code: string | undefined } | undefined {
  const e = err as { name?: unknown; statusCode?: unknown; code?: unknown; request?: { url?: unknown } } | null;
  if (e?.name !== 'RestError' || typeof e.request?.url !== 'string' || !e.request.url.includes('/v3/conversations/')) return undefined;
  return { status: typeof e.statusCode === 'number' ? e.statusCode : undefined, code: typeof e.code === 'string' ? e.code : undefined };
}
