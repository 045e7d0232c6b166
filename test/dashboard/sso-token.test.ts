import { strict as assert } from 'node:assert';
import { generateKeyPairSync, sign } from 'node:crypto';
import { SsoTokenVerifier } from '../../src/dashboard/sso-token';

// Tokens made here with a key of our own, published as the tenant's: the verifier must accept
// exactly the token Teams would give this app in this tenant, and nothing else.
const TENANT = '11111111-1111-4111-8111-111111111111';
const APP = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-11-23T10:00:00Z');
const seconds = Math.floor(NOW.getTime() / 1000);
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1' };

function token(claims: Record<string, unknown>, options: { kid?: string; key?: typeof privateKey } = {}): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'k1' });
  const body = enc({ aud: `api://complaints.example.org/${APP}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, oid: 'user-oid', exp: seconds + 3600, nbf: seconds - 60, ...claims });
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), options.key ?? privateKey).toString('base64url')}`;
}

describe('Teams sign-in tokens for the dashboard', () => {
  let fetched = 0;
  const verifier = new SsoTokenVerifier({ appId: APP, tenantId: TENANT, audiences: [`api://complaints.example.org/${APP}`] }, (url) => {
    fetched++;
    assert.equal(url, `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    return Promise.resolve({ keys: [jwk] });
  }, () => NOW);

  it('accepts a current token for this app from this tenant, and gives the user\'s object id', async () => {
    assert.deepEqual(await verifier.check(token({})), { ok: true, objectId: 'user-oid' });
    assert.deepEqual(await verifier.check(token({ aud: APP, iss: `https://sts.windows.net/${TENANT}/` })), { ok: true, objectId: 'user-oid' });
    assert.equal(fetched, 1, 'the keys are fetched once and kept');
  });

  it('refuses anything else, saying why', async () => {
    const reason = async (t: string) => { const r = await verifier.check(t); return r.ok ? 'accepted' : r.reason; };
    assert.equal(await reason(token({ aud: 'api://someone-else' })), 'for another app');
    assert.equal(await reason(token({ tid: 'another-tenant' })), 'from another tenant');
    assert.equal(await reason(token({ iss: 'https://login.microsoftonline.com/another/v2.0' })), 'not issued by the tenant');
    assert.equal(await reason(token({ exp: seconds - 3600 })), 'expired');
    assert.equal(await reason(token({}, { key: other.privateKey })), 'the signature does not match');
    assert.equal(await reason(token({}, { kid: 'unknown' })), 'signed with a key the tenant does not publish');
    assert.equal(await reason(token({ oid: '' })), 'names no user');
    assert.equal(await reason('not.a.token'), 'not a token');
  });
});
