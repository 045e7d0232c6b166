import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AppConfig } from '../config';

/**
 * Graph authenticates as the app, with the bot's own identity: the Entra app's client
 * secret (SingleTenant) or the user-assigned managed identity (UserAssignedMSI). Undefined
 * when the bot has no identity (local runs): then nothing calls Graph. The app needs the
 * application permissions TeamsAppInstallation.ReadWriteForUser.All (installs),
 * User.Read.All (managers) and Mail.Send (mail), granted by an administrator.
 */
export function graphCredentialFor(bot: AppConfig['bot']): TokenCredential | undefined {
  if (!bot) return undefined;
  if (bot.appType === 'UserAssignedMSI') return new ManagedIdentityCredential({ clientId: bot.appId });
  if (bot.tenantId && bot.password) return new ClientSecretCredential(bot.tenantId, bot.appId, bot.password);
  return undefined;
}
