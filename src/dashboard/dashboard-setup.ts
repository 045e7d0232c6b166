import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { Core } from '../core';
import type { DashboardDeps } from './dashboard-routes';
import { SsoTokenVerifier, type KeyFetcher } from './sso-token';

/** Entra ID's published signing keys, fetched over HTTPS. */
const fetchKeys: KeyFetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Entra ID keys: HTTP ${res.status}`);
  return await res.json() as Awaited<ReturnType<KeyFetcher>>;
};

/**
 * What the dashboard routes need, from the settings: with a bot app id and tenant, Teams sign-in
 * (the token's audience is the app id, or api://<public host>/<app id> as the manifest's
 * webApplicationInfo names it); without, the local mode for the demo people.
 */
export function dashboardDeps(config: AppConfig, core: Core, logger: Logger): DashboardDeps {
  const appId = config.bot?.appId;
  const tenantId = config.tenantId;
  const host = config.publicUrl ? new URL(config.publicUrl).host : undefined;
  const sso = appId && tenantId
    ? new SsoTokenVerifier({ appId, tenantId, audiences: [`api://${appId}`, ...(host ? [`api://${host}/${appId}`] : [])] }, fetchKeys)
    : null;
  if (appId && !tenantId) logger.warn('MicrosoftAppTenantId is not set: the dashboard tab cannot check Teams sign-in and is off.');
  return { cases: core.stores.cases, ctx: core.ctx, homes: core.letters.landlord.homes ?? null, sso, logger: logger.child({ part: 'dashboard' }) };
}
