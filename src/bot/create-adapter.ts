import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
// botbuilder's own dependency, pinned to its version: the SDK answers 401 only for this error class.
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { ConnectorClients } from './connector-clients';

/**
 * The Bot Framework adapter. With a bot app id, every request must carry a valid Bot
 * Framework token for it (401 otherwise); without one it accepts unauthenticated requests,
 * which is only for local runs, and says so in the log.
 */
export interface BotAuthenticationOptions {
  /** The OpenID metadata of the Bot Framework's token issuer (tests serve their own keys). */
  openIdMetadataUrl?: string;
}

/**
 * The SDK answers 401 only for its own AuthenticationError; a token the JWT library rejects
 * (unsigned, a bad signature, the wrong algorithm, expired, not yet valid) comes out as that
 * library's error and would be a 500. Every such rejection is a 401: the caller is not who
 * it says. Anything else (the metadata could not be fetched) stays a server error.
 */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError', 'SyntaxError']);

/** The bot a request is addressed to, as the SDK keys its clients: the audience claim, else the app id claim (the emulator's). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

class TokenRejectingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new ConnectorClients();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      return result.connectorFactory ? { ...result, connectorFactory: this.clients.reuse(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
    } catch (err) {
      if (err instanceof AuthenticationError || !(err instanceof Error) || !TOKEN_ERRORS.has(err.name)) throw err;
      throw new AuthenticationError(`Unauthorized: ${err.message}`, 401);
    }
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /** Proactive messages (reminders, approval cards) reuse the same clients. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.reuse(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }
}

export function createAdapter(bot: AppConfig['bot'], logger: Logger, options: BotAuthenticationOptions = {}): CloudAdapter {
  if (!bot) logger.warn('MicrosoftAppId is not set: the bot accepts UNAUTHENTICATED requests. Use this only for local runs.');
  const auth = new TokenRejectingAuthentication(bot ? {
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...(bot.password ? { MicrosoftAppPassword: bot.password } : {}),
    ...(options.openIdMetadataUrl ? publicCloudWith(options.openIdMetadataUrl) : {}),
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

/**
 * The public cloud's settings with another OpenID metadata URL. Once any of these is given the
 * SDK takes them all as given (the rest would be undefined), so all are set, as the SDK's own
 * public-cloud defaults.
 */
function publicCloudWith(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
