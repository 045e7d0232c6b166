import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Bot Framework's token issuer, played locally: an OpenID metadata document and its
 * signing keys (endorsed for Teams), and tokens signed with the private key as the Bot
 * Connector signs them, plus the forged kinds an attacker would try.
 */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

const b64url = (v: Buffer | string): string => Buffer.from(v).toString('base64url');

export class FakeOpenId {
  url = '';
  private server!: http.Server;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly kid = 'test-key-1';

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  get publicKey(): KeyObject {
    return this.keys.publicKey;
  }

  async start(): Promise<this> {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    this.server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, authorization_endpoint: `${this.url}/auth`, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] }));
      } else if (req.url === '/keys') {
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A token as the Bot Connector would send it; `claims` override the defaults. */
  token(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const h = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.kid, ...header }));
    const p = b64url(JSON.stringify({ iss: BOT_FRAMEWORK_ISSUER, nbf: now - 60, exp: now + 3600, ...claims }));
    return `${h}.${p}.${b64url(sign('sha256', Buffer.from(`${h}.${p}`), this.keys.privateKey))}`;
  }

  /** The forgeries: unsigned, a signature that does not match, HS256 keyed with the public key. */
  unsigned(claims: Record<string, unknown>): string {
    const now = Math.floor(Date.now() / 1000);
    return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify({ iss: BOT_FRAMEWORK_ISSUER, nbf: now - 60, exp: now + 3600, ...claims }))}.`;
  }

  badSignature(claims: Record<string, unknown>): string {
    const [h, , s] = this.token(claims).split('.');
    const now = Math.floor(Date.now() / 1000);
    return `${h}.${b64url(JSON.stringify({ iss: BOT_FRAMEWORK_ISSUER, nbf: now - 60, exp: now + 3600, ...claims, extra: 'tampered' }))}.${s}`;
  }

  hs256WithPublicKey(claims: Record<string, unknown>): string {
    const now = Math.floor(Date.now() / 1000);
    const h = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: this.kid }));
    const p = b64url(JSON.stringify({ iss: BOT_FRAMEWORK_ISSUER, nbf: now - 60, exp: now + 3600, ...claims }));
    const secret = this.keys.publicKey.export({ type: 'spki', format: 'pem' });
    return `${h}.${p}.${b64url(createHmac('sha256', secret).update(`${h}.${p}`).digest())}`;
  }
}

/**
 * The tokens an attacker would try, each of which must get 401: none, garbage, forged ones,
 * and genuine ones that are stale, early, for another bot or from another issuer. Shared by
 * test/bot/bot-authentication.test.ts and the soak (scripts/soak/authentication.ts).
 */
export const FORGED_TOKENS: ReadonlyArray<{ what: string; token: (openid: FakeOpenId, appId: string, serviceUrl: string) => string | null }> = [
  { what: 'no token', token: () => null },
  { what: 'garbage', token: () => 'not.a.token' },
  { what: 'an unsigned token (alg none)', token: (o, aud, serviceurl) => o.unsigned({ aud, serviceurl }) },
  { what: 'a bad signature', token: (o, aud, serviceurl) => o.badSignature({ aud, serviceurl }) },
  { what: 'HS256 keyed with the public key', token: (o, aud, serviceurl) => o.hs256WithPublicKey({ aud, serviceurl }) },
  { what: 'an expired token', token: (o, aud, serviceurl) => o.token({ aud, serviceurl, exp: Math.floor(Date.now() / 1000) - 600, nbf: Math.floor(Date.now() / 1000) - 7200 }) },
  { what: 'a token not yet valid', token: (o, aud, serviceurl) => o.token({ aud, serviceurl, nbf: Math.floor(Date.now() / 1000) + 3600 }) },
  { what: 'a token for another bot', token: (o, _aud, serviceurl) => o.token({ aud: '99999999-2222-4333-8444-555555555555', serviceurl }) },
  { what: 'a token from another issuer', token: (o, aud, serviceurl) => o.token({ aud, serviceurl, iss: 'https://attacker.example' }) },
];
