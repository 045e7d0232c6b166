import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, SETTINGS } from '../src/config';

describe('configuration', () => {
  it('runs locally with nothing set: embedded store, demo directory, the Code, unauthenticated', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.bot, null);
    assert.equal(config.store.kind, 'sqlite');
    assert.equal(config.policy, 'hos-2024');
    assert.equal(config.directoryFile, undefined);
  });

  it('chooses Cosmos DB when COSMOS_ENDPOINT is set', () => {
    const config = loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k' });
    assert.deepEqual(config.store, { kind: 'cosmos', endpoint: 'https://acct.documents.azure.com:443/', key: 'k', databaseName: 'housing-complaints' });
  });

  it('names the variable and what it is for when a value is malformed', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (err: Error) => err instanceof ConfigError && /PORT: .*HTTP port the bot listens on/.test(err.message));
    assert.throws(() => loadConfig({ MicrosoftAppType: 'MultiTenant' }), /MicrosoftAppType: .*SingleTenant or UserAssignedMSI/);
    assert.throws(() => loadConfig({ COSMOS_ENDPOINT: 'not a url' }), /COSMOS_ENDPOINT: .*Cosmos DB account endpoint/);
  });

  it('refuses a Key Vault reference App Service could not resolve, rather than use its text as a secret', () => {
    assert.throws(() => loadConfig({ REMINDER_RUN_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/run/)' }), /REMINDER_RUN_SECRET: is an unresolved Key Vault reference/);
  });

  it('a bot app id needs its type and tenant, and a SingleTenant bot its secret', () => {
    assert.throws(() => loadConfig({ MicrosoftAppId: 'abc' }), /MicrosoftAppType: required with MicrosoftAppId[\s\S]*MicrosoftAppTenantId: required/);
    assert.throws(() => loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }), /MicrosoftAppPassword: required for a SingleTenant bot/);
    const msi = loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' });
    assert.deepEqual(msi.bot, { appId: 'abc', appType: 'UserAssignedMSI', tenantId: 't', password: undefined });
    assert.equal(msi.tenantId, 't');
  });
});

describe('.env.example', () => {
  it('lists exactly the settings the app reads, each with a comment', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    const listed = lines.filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => l.split('=')[0]);
    assert.deepEqual([...listed].sort(), Object.keys(SETTINGS).sort());
    for (const name of listed) {
      const i = lines.findIndex((l) => l.startsWith(`${name}=`));
      assert.match(lines[i - 1] ?? '', /^# /, `${name} has a comment above it`);
    }
    // A blank example file must also be a valid configuration.
    const parsed = Object.fromEntries(lines.filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => [l.split('=')[0], l.slice(l.indexOf('=') + 1)]));
    assert.equal(loadConfig(parsed).store.kind, 'sqlite');
  });
});

describe('.m365agentsplayground.yml', () => {
  it('is the demo directory\'s people, with Alex Morgan (AHM for Riverside) as the current user', async () => {
    const { playgroundConfigYaml } = await import('../src/dev/playground-config.js');
    const { DEMO_DIRECTORY } = await import('../src/directory/demo-directory.js');
    assert.equal(readFileSync('.m365agentsplayground.yml', 'utf8'), playgroundConfigYaml(DEMO_DIRECTORY, 'alex.morgan'));
  });
});
