import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PLATFORM_PROVIDED, PLATFORM_SETTINGS } from '../../infra/platform-settings';
import { cosmosContainersJson, COSMOS_CONTAINERS_JSON } from '../../scripts/write-cosmos-containers';
import { parseEnvFile, placeholdersIn } from '../../scripts/package-app';
import { SETTINGS } from '../../src/config';
import { DEFAULT_FILES_CONTAINER } from '../../src/files/blob-file-store';
import { ALL_CONTAINERS } from '../../src/store/cosmos-containers';
import { DEFAULT_DATABASE_NAME } from '../../src/store/cosmos-options';
import {
  appSettings, bracketProblems, declarations, objectEntries, outputs, params, stringLiteral, type BicepParam,
} from './bicep-text';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Sources { bicep: string; envExample: string; deployDoc: string }

const realSources = (): Sources => ({ bicep: read('infra/azure.bicep'), envExample: read('.env.example'), deployDoc: read('docs/deploy.md') });

/** Secrets among the app's settings: they must reach the app as Key Vault references. */
const isSecret = (name: string) => /password|secret|key$/i.test(name);

/**
 * The rule, as problems: every setting the app reads is set by the Bicep (except those the
 * platform provides, which it must not set), listed in .env.example and documented in
 * docs/deploy.md; the Bicep sets nothing the app does not read except the argued-for
 * platform settings; secrets come from Key Vault.
 */
function settingsProblems({ bicep, envExample, deployDoc }: Sources): string[] {
  const problems: string[] = [];
  const set = appSettings(bicep);
  const byName = new Map(set.map((s) => [s.name, s]));
  const names = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[];

  for (const name of names) {
    if (name in PLATFORM_PROVIDED) {
      if (byName.has(name)) problems.push(`${name} is set in infra/azure.bicep, but ${PLATFORM_PROVIDED[name]}`);
    } else if (!byName.has(name)) {
      problems.push(`${name} (${SETTINGS[name]}) is not an app setting in infra/azure.bicep`);
    }
    if (!new RegExp(`^${name}=`, 'm').test(envExample)) problems.push(`${name} is not listed in .env.example`);
    if (!deployDoc.includes(`\`${name}\``)) problems.push(`${name} is not documented in docs/deploy.md`);
  }
  for (const s of set) {
    if (!(s.name in SETTINGS) && !(s.name in PLATFORM_SETTINGS)) {
      problems.push(`${s.name} is set in infra/azure.bicep but the app does not read it (src/config.ts SETTINGS); remove it, or add it to infra/platform-settings.ts with the reason`);
    }
    if (isSecret(s.name) && s.name in SETTINGS && !s.valueText.includes('@Microsoft.KeyVault(')) {
      problems.push(`${s.name} is a secret but its app setting is not a Key Vault reference: ${s.valueText}`);
    }
  }
  const seen = new Set<string>();
  for (const s of set) {
    if (seen.has(s.name)) problems.push(`${s.name} is set twice in infra/azure.bicep`);
    seen.add(s.name);
  }
  for (const name of Object.keys(PLATFORM_SETTINGS)) {
    if (name in SETTINGS) problems.push(`${name} is in infra/platform-settings.ts but the app reads it: it is not a platform setting`);
    if (!byName.has(name)) problems.push(`${name} is allowed in infra/platform-settings.ts but infra/azure.bicep does not set it: remove it from the list`);
  }
  for (const name of Object.keys(PLATFORM_PROVIDED)) {
    if (!(name in SETTINGS)) problems.push(`${name} is in PLATFORM_PROVIDED but not in SETTINGS`);
  }
  return problems;
}

function param(list: BicepParam[], name: string): BicepParam {
  const p = list.find((x) => x.name === name);
  assert.ok(p, `param ${name} is missing`);
  return p;
}

function allowed(p: BicepParam): string[] {
  const m = /@allowed\(\[([\s\S]*?)\]\)/.exec(p.decorators);
  return m ? [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!) : [];
}

function resourceBody(bicep: string, type: string): string {
  const found = declarations(bicep, 'resource').filter((d) => d.target.split('@')[0] === type);
  assert.equal(found.length, 1, `expected one ${type} resource, found ${found.length}`);
  return found[0]!.body;
}

function resourceNamed(bicep: string, symbol: string, type: string): string {
  const found = declarations(bicep, 'resource').find((d) => d.symbol === symbol);
  assert.ok(found, `resource ${symbol} is missing`);
  assert.equal(found.target.split('@')[0], type);
  return found.body;
}

describe('ship: infrastructure consistency', () => {
  const bicep = read('infra/azure.bicep');
  const botBicep = read('infra/botRegistration/azurebot.bicep');

  describe('app settings', () => {
    it('every setting the app reads is in the Bicep app settings, .env.example and docs/deploy.md, and nothing else is set but the allowed platform settings', () => {
      assert.deepEqual(settingsProblems(realSources()), []);
    });

    it('reports a setting missing from the Bicep, one the app does not read, and PORT set by hand', () => {
      const src = realSources();
      const renamed = src.bicep.replace('name: \'LOG_LEVEL\'', 'name: \'LOGLEVEL\'');
      assert.notEqual(renamed, src.bicep);
      const problems = settingsProblems({ ...src, bicep: renamed });
      assert.ok(problems.some((p) => p.startsWith('LOG_LEVEL (') && p.includes('not an app setting')), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('LOGLEVEL is set in infra/azure.bicep but the app does not read it')), problems.join('\n'));

      const withPort = src.bicep.replace('appSettings: [', 'appSettings: [\n        {\n          name: \'PORT\'\n          value: \'8080\'\n        }');
      assert.ok(settingsProblems({ ...src, bicep: withPort }).some((p) => p.startsWith('PORT is set in infra/azure.bicep')));
    });

    it('reports a setting missing from .env.example or docs/deploy.md, and a secret that is not a Key Vault reference', () => {
      const src = realSources();
      const problems = settingsProblems({
        bicep: src.bicep.replace(/@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName=\$\{cosmosKeySecretName\}\)/, 'plain-key'),
        envExample: src.envExample.replace(/^DIRECTORY_FILE=.*$/m, ''),
        deployDoc: src.deployDoc.replaceAll('`COMPLAINT_POLICY`', 'COMPLAINT_POLICY'),
      });
      assert.ok(problems.includes('DIRECTORY_FILE is not listed in .env.example'), problems.join('\n'));
      assert.ok(problems.includes('COMPLAINT_POLICY is not documented in docs/deploy.md'), problems.join('\n'));
      assert.ok(problems.some((p) => p.startsWith('COSMOS_KEY is a secret but its app setting is not a Key Vault reference')), problems.join('\n'));
    });

    it('reads app settings despite comments and strings that look like structure', () => {
      const text = `
        // appSettings: [ { name: 'COMMENTED' } ]
        resource w 'x@1' = {
          properties: {
            siteConfig: {
              appSettings: [
                {
                  name: 'A' // a ] bracket in a comment
                  value: '\${concat('x]', '}')}'
                }
                /* { name: 'B' } */
                {
                  value: 'https://h/x' // value before name
                  name: 'C'
                }
              ]
            }
          }
        }`;
      assert.deepEqual(bracketProblems(text), []);
      assert.deepEqual(appSettings(text).map((s) => s.name), ['A', 'C']);
      assert.equal(appSettings(text)[1]!.valueText, '\'https://h/x\'');
      assert.deepEqual(bracketProblems('{ [ }\n'), ['unexpected } on line 1', '} missing for the bracket on line 1']);
    });
  });

  describe('Bicep files', () => {
    it('have balanced brackets, strings and comments', () => {
      assert.deepEqual(bracketProblems(bicep), []);
      assert.deepEqual(bracketProblems(botBicep), []);
    });

    it('the parameters file sets only parameters azure.bicep declares, and every one without a default', () => {
      const file = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
      const declared = params(bicep);
      const names = new Set(declared.map((p) => p.name));
      for (const key of Object.keys(file.parameters)) assert.ok(names.has(key), `azure.parameters.json sets ${key}, which azure.bicep does not declare`);
      for (const p of declared.filter((x) => x.defaultText === undefined)) assert.ok(p.name in file.parameters, `azure.parameters.json does not set ${p.name}, which has no default`);
      for (const [key, { value }] of Object.entries(file.parameters)) {
        const p = param(declared, key);
        const values = allowed(p);
        if (values.length) assert.ok(values.includes(String(value)), `${key} = ${String(value)} is not one of ${values.join(', ')}`);
      }
      const base = String(file.parameters.resourceBaseName?.value);
      assert.match(base, /^[a-z][a-z0-9-]{3,19}$/, 'resourceBaseName: 4-20 lowercase letters, digits and hyphens (Key Vault and Cosmos DB names derive from it)');
    });

    it('the bot registration module gets every parameter it needs and none it does not declare', () => {
      const modules = declarations(bicep, 'module');
      assert.equal(modules.length, 1);
      const mod = modules[0]!;
      assert.equal(mod.target, './botRegistration/azurebot.bicep');
      assert.ok(existsSync(path.join(ROOT, 'infra', mod.target)));
      const passed = objectEntries(objectEntries(mod.body).get('params')!);
      const declared = params(botBicep);
      for (const key of passed.keys()) assert.ok(declared.some((p) => p.name === key), `the module is passed ${key}, which azurebot.bicep does not declare`);
      for (const p of declared.filter((x) => x.defaultText === undefined)) assert.ok(passed.has(p.name), `azurebot.bicep needs ${p.name}`);
    });

    it('the bot is single tenant: a user-assigned managed identity by default, never multi-tenant, with Teams enabled', () => {
      for (const text of [bicep, botBicep]) {
        const values = allowed(param(params(text), 'botAppType'));
        assert.deepEqual([...values].sort(), ['SingleTenant', 'UserAssignedMSI']);
        assert.doesNotMatch(text, /MultiTenant/);
      }
      assert.equal(param(params(bicep), 'botAppType').defaultText, '\'UserAssignedMSI\'');
      const bot = objectEntries(objectEntries(resourceBody(botBicep, 'Microsoft.BotService/botServices')).get('properties')!);
      assert.equal(bot.get('msaAppType'), 'botAppType');
      assert.match(bot.get('msaAppMSIResourceId') ?? '', /identityResourceId/);
      assert.equal(bot.get('endpoint'), '\'https://${botAppDomain}/api/messages\'');
      const channel = objectEntries(resourceBody(botBicep, 'Microsoft.BotService/botServices/channels'));
      assert.equal(channel.get('name'), '\'MsTeamsChannel\'');
      assert.match(channel.get('properties') ?? '', /isEnabled: true/);
      // The web app runs as the identity the bot is registered with.
      assert.match(bicep, /var botAppId = botAppType == 'UserAssignedMSI' \? identity\.properties\.clientId/);
      assert.equal(appSettings(bicep).find((s) => s.name === 'MicrosoftAppId')?.valueText, 'botAppId');
    });

    it('the web app runs npm start on Node 20 LTS, HTTPS only, with the health check on the readiness probe /readyz', () => {
      const props = objectEntries(objectEntries(resourceBody(bicep, 'Microsoft.Web/sites')).get('properties')!);
      assert.equal(props.get('httpsOnly'), 'true');
      assert.equal(props.get('keyVaultReferenceIdentity'), 'identity.id');
      const site = objectEntries(props.get('siteConfig')!);
      assert.equal(site.get('appCommandLine'), '\'npm start\'');
      assert.equal(site.get('healthCheckPath'), '\'/readyz\'');
      assert.equal(site.get('linuxFxVersion'), 'linuxFxVersion');
      assert.equal(param(params(bicep), 'linuxFxVersion').defaultText, '\'NODE|20-lts\'');
      const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
      assert.ok(pkg.scripts.start, 'package.json has a start script');
      assert.match(read('src/bot/http-server.ts'), /server\.get\('\/readyz'/, 'the app serves GET /readyz');
    });

    it('Key Vault is RBAC-only and the identity may read its secrets', () => {
      const kv = objectEntries(objectEntries(resourceBody(bicep, 'Microsoft.KeyVault/vaults')).get('properties')!);
      assert.equal(kv.get('enableRbacAuthorization'), 'true');
      assert.match(resourceNamed(bicep, 'keyVaultSecretsUser', 'Microsoft.Authorization/roleAssignments'), /keyVaultSecretsUserRoleId/);
      assert.match(bicep, /var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/);
    });

    it('outputs the bot endpoint and app id, and everything the toolkit env file expects', () => {
      const out = new Map(outputs(bicep).map((o) => [o.name, o.valueText]));
      assert.equal(out.get('BOT_ID'), 'botAppId');
      assert.equal(out.get('BOT_ENDPOINT'), 'azureBotRegistration.outputs.botEndpoint');
      assert.match(botBicep, /output botEndpoint string = botService\.properties\.endpoint/);
      const envDev = parseEnvFile(read('env/.env.dev'));
      for (const name of out.keys()) assert.ok(name in envDev, `env/.env.dev does not list the output ${name}`);
    });
  });

  describe('Cosmos DB', () => {
    it('infra/cosmos-containers.json is exactly the containers the store defines (npx tsx scripts/write-cosmos-containers.ts)', () => {
      assert.equal(readFileSync(COSMOS_CONTAINERS_JSON, 'utf8'), cosmosContainersJson());
      assert.deepEqual(JSON.parse(readFileSync(COSMOS_CONTAINERS_JSON, 'utf8')), JSON.parse(JSON.stringify(ALL_CONTAINERS)));
    });

    it('azure.bicep creates every container from that file with its partition key and indexing policy', () => {
      assert.match(bicep, /var cosmosContainers = loadJsonContent\('cosmos-containers\.json'\)/);
      const containers = declarations(bicep, 'resource').filter((d) => d.target.startsWith('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@'));
      assert.equal(containers.length, 1);
      const body = containers[0]!.body;
      const resource = objectEntries(objectEntries(objectEntries(body).get('properties')!).get('resource')!);
      assert.equal(resource.get('id'), 'container.id');
      assert.equal(resource.get('indexingPolicy'), 'container.indexingPolicy');
      assert.match(resource.get('partitionKey') ?? '', /paths: container\.partitionKey\.paths/);
      assert.equal(resource.get('defaultTtl'), 'container.?defaultTtl', 'time to live as the store defines it (bot-state)');
      assert.match(bicep, /= \[for container in cosmosContainers: \{/);
    });

    it('the database is the one the app opens, serverless by default with autoscale as an option', () => {
      assert.equal(stringLiteral(param(params(bicep), 'cosmosDatabaseName').defaultText ?? ''), DEFAULT_DATABASE_NAME);
      assert.equal(param(params(bicep), 'cosmosServerless').defaultText, 'true');
      assert.match(bicep, /name: 'EnableServerless'/);
      assert.match(bicep, /maxThroughput: cosmosAutoscaleMaxThroughput/);
      assert.equal(appSettings(bicep).find((s) => s.name === 'COSMOS_DATABASE')?.valueText, 'cosmosDatabaseName');
    });

    it('the identity has the Built-in Data Contributor role, and key auth is off unless asked for', () => {
      const role = objectEntries(objectEntries(resourceBody(bicep, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments')).get('properties')!);
      assert.equal(role.get('principalId'), 'identity.properties.principalId');
      assert.match(role.get('roleDefinitionId') ?? '', /sqlRoleDefinitions\/\$\{cosmosDataContributorRoleId\}/);
      assert.match(bicep, /var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
      assert.match(bicep, /disableLocalAuth: !cosmosUseAccountKey/);
      assert.equal(param(params(bicep), 'cosmosUseAccountKey').defaultText, 'false');
    });
  });

  describe('Blob Storage for files attached to cases', () => {
    it('a private container, no public or key access, and the identity may read and write blobs in it only', () => {
      const account = objectEntries(objectEntries(resourceBody(bicep, 'Microsoft.Storage/storageAccounts')).get('properties')!);
      assert.equal(account.get('allowBlobPublicAccess'), 'false');
      assert.equal(account.get('allowSharedKeyAccess'), 'false');
      assert.equal(account.get('minimumTlsVersion'), '\'TLS1_2\'');
      const container = objectEntries(resourceBody(bicep, 'Microsoft.Storage/storageAccounts/blobServices/containers'));
      assert.equal(container.get('name'), 'filesContainerName');
      assert.match(container.get('properties') ?? '', /publicAccess: 'None'/);
      assert.equal(stringLiteral(param(params(bicep), 'filesContainerName').defaultText ?? ''), DEFAULT_FILES_CONTAINER);
      const role = objectEntries(resourceNamed(bicep, 'filesBlobDataContributor', 'Microsoft.Authorization/roleAssignments'));
      assert.equal(role.get('scope'), 'filesContainer');
      const props = objectEntries(role.get('properties')!);
      assert.equal(props.get('principalId'), 'identity.properties.principalId');
      assert.match(props.get('roleDefinitionId') ?? '', /storageBlobDataContributorRoleId/);
      assert.match(bicep, /var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'/);
      const set = new Map(appSettings(bicep).map((s) => [s.name, s.valueText]));
      assert.equal(set.get('FILES_BLOB_URL'), 'filesStorage.properties.primaryEndpoints.blob');
      assert.equal(set.get('FILES_BLOB_CONTAINER'), 'filesContainerName');
      assert.equal(set.get('FILES_BLOB_CONNECTION_STRING'), '\'\'', 'no connection string (account key) in Azure');
      assert.match(objectEntries(resourceBody(bicep, 'Microsoft.Web/sites')).get('dependsOn') ?? '', /filesBlobDataContributor/);
    });
  });

  describe('Agents Toolkit files', () => {
    const yml = parseYaml(read('m365agents.yml')) as {
      version: string; environmentFolderPath: string;
      provision: { uses: string; with?: Record<string, unknown> }[];
      deploy: { uses: string; with?: Record<string, unknown> }[];
      publish: { uses: string; with?: Record<string, unknown> }[];
    };

    it('m365agents.yml provisions with arm/deploy of infra/azure.bicep, builds the app package, and zip-deploys the web app', () => {
      assert.equal(yml.environmentFolderPath, './env');
      const uses = (steps: { uses: string }[]) => steps.map((s) => s.uses);
      for (const action of ['teamsApp/create', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']) {
        assert.ok(uses(yml.provision).includes(action), `provision lacks ${action}`);
      }
      assert.ok(uses(yml.deploy).includes('azureAppService/zipDeploy'));
      assert.ok(uses(yml.publish).includes('teamsApp/publishAppPackage'));
      const arm = yml.provision.find((s) => s.uses === 'arm/deploy')!.with as { templates: { path: string; parameters: string }[] };
      assert.deepEqual(arm.templates.map((t) => [t.path, t.parameters]), [['./infra/azure.bicep', './infra/azure.parameters.json']]);
      for (const step of [...yml.provision, ...yml.publish]) {
        const manifestPath = step.with?.manifestPath;
        if (typeof manifestPath === 'string') assert.equal(manifestPath, './appPackage/manifest.json');
      }
      const zip = yml.deploy.find((s) => s.uses === 'azureAppService/zipDeploy')!.with!;
      assert.equal(zip.resourceId, '${{AZURE_APP_SERVICE_RESOURCE_ID}}');
      const stage = yml.deploy.find((s) => s.uses === 'script')!.with!;
      assert.match(String(stage.run), new RegExp(`cd ${String(zip.artifactFolder).replace(/^\.\//, '').replaceAll('/', '\\/')} &&`));
    });

    it('every ${{...}} in m365agents.yml and the manifest is a variable of env/.env.dev', () => {
      const envDev = parseEnvFile(read('env/.env.dev'));
      const used = [...placeholdersIn(read('m365agents.yml')), ...placeholdersIn(read('appPackage/manifest.json'))];
      assert.ok(used.length > 5);
      for (const name of used) assert.ok(name in envDev, `${name} is used but env/.env.dev does not list it`);
    });

    it('the toolkit and docs/deploy.md stage the same runtime files: the build, the card and letter templates and production dependencies', () => {
      const stage = String(yml.deploy.find((s) => s.uses === 'script')!.with!.run);
      const copied = (text: string) => /cp -R ((?:[\w.-]+ )+)"?[$\w/]+"?\/? ?&?/.exec(text)?.[1]?.trim().split(' ');
      const fromToolkit = copied(stage);
      const fromDocs = copied(read('docs/deploy.md'));
      assert.ok(fromToolkit && fromDocs, 'both copy files into a staging folder');
      assert.deepEqual(fromToolkit, fromDocs);
      for (const needed of ['dist', 'cards', 'templates', 'package.json', 'package-lock.json']) assert.ok(fromToolkit.includes(needed), needed);
      assert.match(stage, /npm ci --omit=dev/);
      assert.match(read('docs/deploy.md'), /npm ci --omit=dev/);
      assert.match(read('src/cards/card-template.ts'), /path\.resolve\(__dirname, '\.\.\/\.\.\/cards'\)/, 'the card templates are read from <root>/cards at run time');
      assert.match(read('src/documents/letter-files.ts'), /join\(__dirname, '\.\.', '\.\.', 'templates'\)/, 'the letter template is read from <root>/templates at run time');
    });

    it('docs/deploy.md links only to headings it has', () => {
      const doc = read('docs/deploy.md');
      const slugs = new Set([...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^\w\s-]/g, '').trim().replace(/\s/g, '-')));
      for (const m of doc.matchAll(/\]\(#([^)]+)\)/g)) assert.ok(slugs.has(m[1]!), `#${m[1]} is not a heading`);
    });

    it('m365agents.playground.yml is a toolkit file that gives the local bot its settings', () => {
      const playground = parseYaml(read('m365agents.playground.yml')) as { version: string; deploy: { uses: string; with: { envs?: Record<string, unknown> } }[] };
      assert.equal(playground.version, yml.version);
      const envs = playground.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!.with.envs!;
      for (const key of Object.keys(envs)) assert.ok(key in SETTINGS, `${key} is not a setting the app reads`);
      assert.equal(envs.PORT, 3978);
    });
  });
});
