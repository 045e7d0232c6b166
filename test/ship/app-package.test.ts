import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../appPackage/draw-icons';
import {
  APP_PACKAGE_DIR, MANIFEST_VERSION, PackagingError, buildAppPackage, fillTemplate, main, manifestSchemaPath,
  mergeEnv, parseEnvFile, placeholdersIn, resolveValues, validateManifest, type Env,
} from '../../scripts/package-app';
import { parseCommand } from '../../src/bot/commands';
import { COMMANDS } from '../../src/cards/general-cards';
import { SETTINGS } from '../../src/config';

const SAMPLE: Env = {
  TEAMS_APP_ID: '3f0d6c3e-8c1a-4e57-9a40-1b2c3d4e5f60',
  MicrosoftAppId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'hcbot-test.azurewebsites.net',
  DEVELOPER_NAME: 'Riverside Homes',
  DEVELOPER_WEBSITE_URL: 'https://www.example.org',
  DEVELOPER_PRIVACY_URL: 'https://www.example.org/privacy',
  DEVELOPER_TERMS_URL: 'https://www.example.org/terms',
};

const TEMPLATE = readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');

/** The template filled with SAMPLE, as an object. */
function sampleManifest(): Record<string, unknown> & { bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[] } {
  return JSON.parse(fillTemplate(TEMPLATE, resolveValues(TEMPLATE, SAMPLE))) as ReturnType<typeof sampleManifest>;
}

/** Width and height straight from the PNG signature and IHDR chunk. */
function pngHeader(bytes: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(bytes);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(buf.toString('latin1', 12, 16), 'IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('ship: Teams app package', () => {
  describe('manifest template', () => {
    it(`is on manifest schema ${MANIFEST_VERSION} and, filled, passes the schema offline`, () => {
      const manifest = sampleManifest();
      assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
      assert.equal(manifest.$schema, `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
      assert.ok(existsSync(manifestSchemaPath()), manifestSchemaPath());
      assert.ok(Number(MANIFEST_VERSION.split('.')[1]) >= 22);
      assert.deepEqual(validateManifest(manifest), []);
    });

    it('fails the schema for a wrong manifest version, a bot id that is not a GUID, or a long short description', () => {
      const manifest = sampleManifest();
      const errors = validateManifest({
        ...manifest,
        manifestVersion: '1.23',
        bots: [{ ...manifest.bots[0]!, botId: 'not-a-guid' }],
        description: { short: 'x'.repeat(81), full: 'full' },
      });
      assert.ok(errors.some((e) => e.startsWith('/manifestVersion')), errors.join('\n'));
      assert.ok(errors.some((e) => e.startsWith('/bots/0/botId')), errors.join('\n'));
      assert.ok(errors.some((e) => e.startsWith('/description/short')), errors.join('\n'));
    });

    it('fills ids and the domain from the packaging inputs', () => {
      const manifest = sampleManifest() as unknown as { id: string; validDomains: string[]; developer: Record<string, string>; bots: { botId: string }[] };
      assert.equal(manifest.id, SAMPLE.TEAMS_APP_ID);
      assert.equal(manifest.bots[0]!.botId, SAMPLE.MicrosoftAppId);
      assert.deepEqual(manifest.validDomains, [SAMPLE.BOT_DOMAIN]);
      assert.equal(manifest.developer.privacyUrl, SAMPLE.DEVELOPER_PRIVACY_URL);
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
    });

    it('offers the bot in personal chats only, with one command per bot command', () => {
      const bot = sampleManifest().bots[0]!;
      assert.deepEqual(bot.scopes, ['personal']);
      assert.equal(bot.commandLists.length, 1);
      assert.deepEqual(bot.commandLists[0]!.scopes, ['personal']);
      const commands = bot.commandLists[0]!.commands;
      const known = Object.keys(COMMANDS);
      assert.equal(commands.length, known.length);
      // Each command, as Teams inserts it (plus a reference for `case`), is the command it names.
      const kinds = commands.map((c) => parseCommand(c.title === 'case' ? 'case HC-2026-00042' : c.title).kind);
      assert.deepEqual([...kinds].sort(), ['case', 'find', 'help', 'log', 'log-dissatisfaction', 'my-actions', 'my-approvals', 'my-cases', 'new-complaint', 'report']);
      // Teams shows at most 10 commands in a list: the help card may offer no more.
      assert.ok(commands.length <= 10, `${commands.length} commands: Teams takes 10 at most`);
      for (const c of commands) assert.ok(known.some((k) => k.split(' ')[0] === c.title.split(' ')[0]), `${c.title} is not on the help card`);
    });

    it('keeps the packaging inputs out of the app settings (only the bot id is both)', () => {
      for (const name of placeholdersIn(TEMPLATE)) assert.ok(!(name in SETTINGS), `${name} is a packaging input, not an app setting`);
    });
  });

  describe('packaging inputs', () => {
    it('names every missing variable in one error', () => {
      assert.throws(() => resolveValues(TEMPLATE, {}), (err: unknown) => {
        assert.ok(err instanceof PackagingError);
        for (const name of ['TEAMS_APP_ID', 'MicrosoftAppId or BOT_ID', 'BOT_DOMAIN', 'DEVELOPER_NAME', 'DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']) {
          assert.match(err.message, new RegExp(`- ${name} is not set\\. It is `), name);
        }
        return true;
      });
    });

    it('rejects malformed values with the variable named, and a bot id that disagrees with itself', () => {
      assert.throws(() => resolveValues(TEMPLATE, { ...SAMPLE, BOT_DOMAIN: 'https://hcbot-test.azurewebsites.net/' }), /BOT_DOMAIN "https:\/\/hcbot-test\.azurewebsites\.net\/" must be a host name/);
      assert.throws(() => resolveValues(TEMPLATE, { ...SAMPLE, TEAMS_APP_ID: 'complaints' }), /TEAMS_APP_ID "complaints" must be a GUID/);
      assert.throws(() => resolveValues(TEMPLATE, { ...SAMPLE, DEVELOPER_PRIVACY_URL: 'http://example.org' }), /DEVELOPER_PRIVACY_URL "http:\/\/example\.org" must be an https:\/\/ URL/);
      assert.throws(() => resolveValues(TEMPLATE, { ...SAMPLE, BOT_ID: '00000000-0000-4000-8000-000000000001' }), /MicrosoftAppId \(a1b2c3d4.*\) and BOT_ID \(00000000.*\) differ/);
    });

    it('takes the bot id from MicrosoftAppId, or from the toolkit\'s BOT_ID', () => {
      const { MicrosoftAppId, ...rest } = SAMPLE;
      assert.equal(resolveValues(TEMPLATE, SAMPLE).BOT_ID, MicrosoftAppId);
      assert.equal(resolveValues(TEMPLATE, { ...rest, BOT_ID: MicrosoftAppId }).BOT_ID, MicrosoftAppId);
    });

    it('escapes values for JSON', () => {
      assert.equal(fillTemplate('{"a":"${{X}}"}', { X: 'say "hi"\\' }), '{"a":"say \\"hi\\"\\\\"}');
    });

    it('reads toolkit env files, the environment winning over the file', () => {
      const file = parseEnvFile('# comment\nTEAMS_APP_ID=abc\nDEVELOPER_NAME="Riverside Homes"\nEMPTY=\n\nBOT_DOMAIN = x.example.org\n');
      assert.deepEqual(file, { TEAMS_APP_ID: 'abc', DEVELOPER_NAME: 'Riverside Homes', EMPTY: '', BOT_DOMAIN: 'x.example.org' });
      assert.deepEqual(mergeEnv([file], { TEAMS_APP_ID: 'from-env', BOT_DOMAIN: '' }), { ...file, TEAMS_APP_ID: 'from-env' });
    });
  });

  describe('the package', () => {
    it('contains exactly manifest.json and the two icons, and its manifest is the filled template', () => {
      const { zip, manifest } = buildAppPackage(SAMPLE);
      const files = unzipSync(zip);
      assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
      assert.deepEqual(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')), manifest);
      assert.deepEqual(pngHeader(files['color.png']!), { width: 192, height: 192 });
      assert.deepEqual(pngHeader(files['outline.png']!), { width: 32, height: 32 });
    });

    it('is not built from an invalid manifest or a wrongly sized icon', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
      try {
        writeFileSync(path.join(dir, 'manifest.json'), TEMPLATE.replace('"accentColor": "#1F6F5C"', '"accentColor": "green"'));
        writeFileSync(path.join(dir, 'color.png'), readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
        writeFileSync(path.join(dir, 'outline.png'), readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
        assert.throws(() => buildAppPackage(SAMPLE, dir), /does not match the Teams 1\.\d+ schema:\n {2}- \/accentColor/);
        writeFileSync(path.join(dir, 'manifest.json'), TEMPLATE);
        writeFileSync(path.join(dir, 'outline.png'), readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
        assert.throws(() => buildAppPackage(SAMPLE, dir), /outline\.png is 192x192; the outline icon must be 32x32/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('npm run package writes the zip from an env file', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
      try {
        const envFile = path.join(dir, '.env.test');
        writeFileSync(envFile, Object.entries(SAMPLE).map(([k, v]) => `${k}=${v}`).join('\n'));
        const out = main(['--env-file', envFile, '--out', path.join(dir, 'out', 'app.zip')], {});
        assert.deepEqual(Object.keys(unzipSync(readFileSync(out))).sort(), ['color.png', 'manifest.json', 'outline.png']);
        assert.throws(() => main(['--bogus'], {}), /Unknown argument "--bogus"/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('icons', () => {
    const color = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
    const outline = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));

    it('are 192x192 (colour) and 32x32 (outline) PNGs', () => {
      assert.deepEqual(pngHeader(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))), { width: 192, height: 192 });
      assert.deepEqual(pngHeader(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))), { width: 32, height: 32 });
    });

    it('the outline icon is white on transparent only, and draws something', () => {
      let drawn = 0;
      for (let i = 0; i < outline.data.length; i += 4) {
        const [r, g, b, a] = [outline.data[i]!, outline.data[i + 1]!, outline.data[i + 2]!, outline.data[i + 3]!];
        if (a > 0) assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
        if (a === 255) drawn++;
      }
      assert.ok(drawn > 60 && drawn < 32 * 32 / 2, `${drawn} opaque pixels`);
    });

    it('the colour icon is opaque and uses more than one colour', () => {
      const colours = new Set<number>();
      for (let i = 0; i < color.data.length; i += 4) {
        assert.equal(color.data[i + 3], 255);
        colours.add(color.data.readUInt32BE(i));
      }
      assert.ok(colours.size >= 3);
    });

    it('are what appPackage/draw-icons.ts draws (npx tsx appPackage/draw-icons.ts redraws them)', () => {
      assert.ok(drawColorIcon().data.equals(color.data), 'color.png differs from its drawing');
      assert.ok(drawOutlineIcon().data.equals(outline.data), 'outline.png differs from its drawing');
    });
  });
});
