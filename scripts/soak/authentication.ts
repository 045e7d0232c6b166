import { ALEX, BotDriver, TENANT } from '../../test/support/bot-driver';
import { FakeOpenId, FORGED_TOKENS } from '../../test/support/fake-openid';
import type { Backend } from './backends';
import { startSoakBot } from './soak-bot';

export interface AuthRow { request: string; status: number; expected: string; ok: boolean }

const APP_ID = '11111111-2222-4333-8444-555555555555';

/**
 * The bot started with an app id, its signing keys served locally as OpenID metadata, and
 * asked with every kind of forged or misdirected token (test/support/fake-openid.ts's list):
 * each must get 401 (or 403), and a token the issuer signed for this bot must be let in.
 */
export async function authenticationChecks(backend: Backend): Promise<AuthRow[]> {
  const openid = await new FakeOpenId().start();
  const bot = await startSoakBot({
    entry: 'scripts/soak/authenticated-bot-entry.ts',
    env: { ...backend.env, LOCAL_UNAUTHENTICATED: 'false', MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 'not-a-real-secret', SOAK_OPENID_METADATA_URL: openid.metadataUrl },
  });
  // Nothing is ever sent here: a turn let in would need a real Entra token to answer.
  const serviceUrl = 'https://smba.trafficmanager.net/uk/';
  // Activities as Teams posts them (BotDriver's), to this app id, with that serviceUrl (which the token names).
  const activity = (tenant: string, extra: object = { type: 'message', text: 'help' }) => new BotDriver(bot.url, { url: serviceUrl }, tenant).activity(ALEX, { recipient: { id: `28:${APP_ID}` }, ...extra });
  const post = async (token: string | null, body: object) => (await fetch(`${bot.url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body),
  })).status;
  try {
    const rows: AuthRow[] = [];
    for (const { what, token } of FORGED_TOKENS) {
      const status = await post(token(openid, APP_ID, serviceUrl), activity(TENANT));
      rows.push({ request: what, status, expected: '401 or 403', ok: status === 401 || status === 403 });
    }
    const signed = openid.token({ aud: APP_ID, serviceurl: serviceUrl });
    const otherTenant = await post(signed, activity('other-tenant', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'cases.mine', data: {} } } }));
    rows.push({ request: 'a signed token, activity from another tenant', status: otherTenant, expected: '401 or 403', ok: otherTenant === 401 || otherTenant === 403 });
    // The control: the checks above refuse forgeries, not everything.
    const genuine = await post(signed, activity(TENANT, { type: 'conversationUpdate', membersAdded: [] }));
    rows.push({ request: 'a signed token for this bot (control)', status: genuine, expected: '2xx', ok: genuine >= 200 && genuine < 300 });
    return rows;
  } finally {
    await bot.stop();
    await openid.stop();
  }
}
