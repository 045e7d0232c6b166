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
    logger.error({ err: error, activityType: context.activity.type }, 'unhandled error in a turn');
    await context.sendActivity('Sorry, something went wrong and your last action may not have been completed. Please try again; if it keeps happening, tell your administrator.');
  };
  return adapter;
}
