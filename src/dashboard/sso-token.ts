import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';

/**
 * Checks a Teams single sign-on token (what TeamsJS getAuthToken gives the tab) before the
 * dashboard shows anything: signed by Entra ID with one of the tenant's published keys (RS256),
 * for this app (audience: the app id or its api:// URI), issued by the tenant the bot serves,
 * and current. Returns the person's Entra object id; the directory then decides what they see.
 * The keys are fetched through `fetchKeys` and kept for an hour (a key not found refetches once,
 * since Entra rolls its keys).
 */
export interface SsoSettings {
  appId: string;
  tenantId: string;
  /** Accepted audiences besides the app id, e.g. api://complaints.example.org/<appId>. */
  audiences: readonly string[];
}

export type KeyFetcher = (url: string) => Promise<{ keys: Array<JsonWebKey & { kid?: string }> }>;
export type TokenCheck = { ok: true; objectId: string } | { ok: false; reason: string };

const SKEW_SECONDS = 300;
const KEYS_FOR_MS = 60 * 60 * 1000;

function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? value as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

export class SsoTokenVerifier {
  private keys: { at: number; list: Array<JsonWebKey & { kid?: string }> } | null = null;

  constructor(private readonly settings: SsoSettings, private readonly fetchKeys: KeyFetcher, private readonly now: () => Date = () => new Date()) {}

  async check(token: string): Promise<TokenCheck> {
    const [h, p, s] = token.split('.');
    const header = decodePart(h);
    const claims = decodePart(p);
    if (!header || !claims || !s) return { ok: false, reason: 'not a token' };
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') return { ok: false, reason: 'not signed as Entra ID signs' };
    const key = await this.key(header.kid);
    if (!key) return { ok: false, reason: 'signed with a key the tenant does not publish' };
    const signed = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(s, 'base64url'));
    if (!signed) return { ok: false, reason: 'the signature does not match' };

    const { tenantId, appId, audiences } = this.settings;
    const seconds = Math.floor(this.now().getTime() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS < seconds) return { ok: false, reason: 'expired' };
    if (typeof claims.nbf === 'number' && claims.nbf - SKEW_SECONDS > seconds) return { ok: false, reason: 'not valid yet' };
    if (claims.tid !== tenantId) return { ok: false, reason: 'from another tenant' };
    const issuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
    if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss)) return { ok: false, reason: 'not issued by the tenant' };
    if (typeof claims.aud !== 'string' || ![appId, ...audiences].includes(claims.aud)) return { ok: false, reason: 'for another app' };
    if (typeof claims.oid !== 'string' || !claims.oid) return { ok: false, reason: 'names no user' };
    return { ok: true, objectId: claims.oid };
  }

  private async key(kid: string): Promise<JsonWebKey | undefined> {
    const url = `https://login.microsoftonline.com/${this.settings.tenantId}/discovery/v2.0/keys`;
    const fresh = this.keys && this.now().getTime() - this.keys.at < KEYS_FOR_MS;
    let found = fresh ? this.keys?.list.find((k) => k.kid === kid) : undefined;
    if (!found) {
      this.keys = { at: this.now().getTime(), list: (await this.fetchKeys(url)).keys };
      found = this.keys.list.find((k) => k.kid === kid);
    }
    return found;
  }
}
