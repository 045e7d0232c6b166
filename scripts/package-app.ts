/**
 * Builds the Teams app package: appPackage/build/appPackage.zip with exactly manifest.json,
 * color.png and outline.png.
 *
 *   npm run package                              # values from the environment
 *   npm run package -- --env-file env/.env.dev   # ...or from a toolkit env file (the environment wins)
 *   npm run package -- --out some/where.zip
 *
 * It fills the `${{NAME}}` placeholders of appPackage/manifest.json (the Microsoft 365 Agents
 * Toolkit's syntax, so the toolkit's teamsApp/zipAppPackage can use the same template), checks
 * the values, validates the result against the Teams manifest JSON schema offline (the schema
 * files ship in the @microsoft/app-manifest package), checks the icons, and zips.
 *
 * These are packaging-time inputs, not settings of the running app (src/config.ts): the app
 * never reads them. docs/deploy.md and env/.env.dev describe them.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';

export const APP_PACKAGE_DIR = path.resolve(__dirname, '../appPackage');
export const DEFAULT_OUT_FILE = path.join(APP_PACKAGE_DIR, 'build', 'appPackage.zip');

/** The manifest's schema version, and where its JSON schema comes from (no network). */
export const MANIFEST_VERSION = '1.24';
export function manifestSchemaPath(version: string = MANIFEST_VERSION): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const HTTPS_URL = /^https:\/\/[^\s/]+(\/\S*)?$/;

interface PackagingVariable {
  /** What it is, for the error message and the docs. */
  meaning: string;
  check: (value: string) => string | undefined;
  /** Other environment names that may supply it, in order of preference (the first wins). */
  from?: readonly string[];
}

/** Every placeholder the manifest template may use. */
export const PACKAGING_VARIABLES: Record<string, PackagingVariable> = {
  TEAMS_APP_ID: {
    meaning: 'the Teams app id: a GUID you choose once per environment (node -e "console.log(crypto.randomUUID())"); the toolkit\'s teamsApp/create writes it',
    check: (v) => (GUID.test(v) ? undefined : 'must be a GUID'),
  },
  BOT_ID: {
    meaning: 'the bot\'s app id, the same value as the app setting MicrosoftAppId (the managed identity\'s client id for a UserAssignedMSI bot; the deployment output BOT_ID)',
    check: (v) => (GUID.test(v) ? undefined : 'must be a GUID'),
    from: ['MicrosoftAppId', 'BOT_ID'],
  },
  BOT_DOMAIN: {
    meaning: 'the web app\'s host name, without https:// or a path, e.g. complaints.azurewebsites.net (the deployment output BOT_DOMAIN)',
    check: (v) => (HOST.test(v) ? undefined : 'must be a host name such as complaints.azurewebsites.net, with no scheme, port or path'),
  },
  DEVELOPER_NAME: {
    meaning: 'the organisation shown as the app\'s developer in Teams (at most 32 characters)',
    check: (v) => (v.length <= 32 ? undefined : 'must be at most 32 characters'),
  },
  DEVELOPER_WEBSITE_URL: { meaning: 'the https URL of the developer\'s (or landlord\'s) web site', check: (v) => (HTTPS_URL.test(v) ? undefined : 'must be an https:// URL') },
  DEVELOPER_PRIVACY_URL: { meaning: 'the https URL of the privacy notice that covers complainants\' data', check: (v) => (HTTPS_URL.test(v) ? undefined : 'must be an https:// URL') },
  DEVELOPER_TERMS_URL: { meaning: 'the https URL of the terms of use', check: (v) => (HTTPS_URL.test(v) ? undefined : 'must be an https:// URL') },
};

export class PackagingError extends Error {}

export type Env = Record<string, string | undefined>;

/** Reads a toolkit env file: KEY=VALUE lines, # comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim().replace(/^export\s+/, '');
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === '\'') && value.endsWith(value[0])) value = value.slice(1, -1);
    values[key] = value;
  }
  return values;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].flatMap((m) => (m[1] ? [m[1]] : [])))];
}

/** Resolves and checks every placeholder the template uses; one error lists every problem. */
export function resolveValues(template: string, env: Env): Record<string, string> {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const name of placeholdersIn(template)) {
    const variable = PACKAGING_VARIABLES[name];
    if (!variable) {
      problems.push(`  - ${name}: appPackage/manifest.json uses it, but scripts/package-app.ts does not know it`);
      continue;
    }
    const sources = variable.from ?? [name];
    const given = sources.flatMap((source) => {
      const value = env[source]?.trim();
      return value ? [{ source, value }] : [];
    });
    const first = given[0];
    if (!first) {
      problems.push(`  - ${sources.join(' or ')} is not set. It is ${variable.meaning}.`);
      continue;
    }
    const differing = given.find((g) => g.value.toLowerCase() !== first.value.toLowerCase());
    if (differing) {
      problems.push(`  - ${first.source} (${first.value}) and ${differing.source} (${differing.value}) differ; both must be ${variable.meaning}.`);
      continue;
    }
    const bad = variable.check(first.value);
    if (bad) problems.push(`  - ${first.source} "${first.value}" ${bad}. It is ${variable.meaning}.`);
    else values[name] = first.value;
  }
  if (problems.length) throw new PackagingError(`Cannot build the Teams app package:\n${problems.join('\n')}`);
  return values;
}

/** Replaces the placeholders, escaping each value for a JSON string. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
}

let compiled: ReturnType<Ajv['compile']> | undefined;

/** Validates a manifest against the Teams JSON schema; returns readable errors (none if valid). */
export function validateManifest(manifest: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    compiled = ajv.compile(JSON.parse(readFileSync(manifestSchemaPath(), 'utf8')) as object);
  }
  if (compiled(manifest)) return [];
  return (compiled.errors ?? []).map((e) => `${e.instancePath || '(manifest)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new PackagingError('not a PNG file');
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new PackagingError('PNG without an IHDR chunk first');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export const ICON_SIZES = { color: 192, outline: 32 } as const;

export interface BuiltPackage {
  manifest: Record<string, unknown>;
  /** The zip's bytes: manifest.json, color.png, outline.png. */
  zip: Uint8Array;
}

/** Builds the package in memory from the template and icons in `appPackageDir`. */
export function buildAppPackage(env: Env, appPackageDir: string = APP_PACKAGE_DIR): BuiltPackage {
  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const text = fillTemplate(template, resolveValues(template, env));
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const errors = validateManifest(manifest);
  if (errors.length) throw new PackagingError(`The filled manifest does not match the Teams ${MANIFEST_VERSION} schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);

  const icons = manifest.icons as { color: string; outline: string };
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(text) };
  for (const kind of ['color', 'outline'] as const) {
    const file = icons[kind];
    if (file.includes('/') || file.includes('\\')) throw new PackagingError(`icons.${kind} must be a file beside manifest.json, not "${file}"`);
    const bytes = readFileSync(path.join(appPackageDir, file));
    const { width, height } = pngSize(bytes);
    if (width !== ICON_SIZES[kind] || height !== ICON_SIZES[kind]) {
      throw new PackagingError(`${file} is ${width}x${height}; the ${kind} icon must be ${ICON_SIZES[kind]}x${ICON_SIZES[kind]} (npx tsx appPackage/draw-icons.ts redraws it)`);
    }
    files[file] = bytes;
  }
  // A fixed date keeps the zip identical for identical inputs.
  const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  return { manifest, zip };
}

interface Args { envFiles: string[]; out: string }

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { envFiles: [], out: DEFAULT_OUT_FILE };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => {
      const v = argv[++i];
      if (!v) throw new PackagingError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--env-file') args.envFiles.push(value());
    else if (arg === '--out') args.out = path.resolve(value());
    else throw new PackagingError(`Unknown argument "${arg}". Usage: npm run package -- [--env-file env/.env.dev] [--out file.zip]`);
  }
  return args;
}

/** The environment over the env files: a non-empty environment variable wins. */
export function mergeEnv(fileValues: readonly Record<string, string>[], env: Env): Env {
  const merged: Env = {};
  for (const values of fileValues) Object.assign(merged, values);
  for (const [key, value] of Object.entries(env)) if (value?.trim()) merged[key] = value;
  return merged;
}

export function main(argv: readonly string[], env: Env): string {
  const args = parseArgs(argv);
  const fileValues = args.envFiles.map((file) => {
    try {
      return parseEnvFile(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new PackagingError(`Cannot read the env file ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const built = buildAppPackage(mergeEnv(fileValues, env));
  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, built.zip);
  return args.out;
}

if (require.main === module) {
  try {
    const out = main(process.argv.slice(2), process.env);
    process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (manifest ${MANIFEST_VERSION}, validated)\n`);
  } catch (err) {
    if (!(err instanceof PackagingError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
