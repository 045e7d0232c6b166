import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the app reads, in one place: read and checked once at start-up, so a
 * missing or malformed value stops the process with a message naming the variable and
 * what it is for. Nothing else reads process.env. `.env.example` lists the same settings.
 */
export const SETTINGS = {
  PORT: 'HTTP port the bot listens on (App Service sets it)',
  MicrosoftAppId: 'the bot\'s Entra app (client) id; empty runs unauthenticated, only with LOCAL_UNAUTHENTICATED=true',
  LOCAL_UNAUTHENTICATED: 'true lets the bot run without MicrosoftAppId for a local trial: it then listens on loopback only and takes only loopback service URLs (npm run dev sets it); never true in Azure',
  MicrosoftAppType: 'SingleTenant or UserAssignedMSI (new multi-tenant bots are not allowed)',
  MicrosoftAppTenantId: 'your Entra tenant id; activities from other tenants are refused',
  MicrosoftAppPassword: 'client secret, for SingleTenant with a secret (a Key Vault reference in Azure)',
  DATA_DIR: 'folder for the embedded database (used when COSMOS_ENDPOINT is not set)',
  COSMOS_ENDPOINT: 'Cosmos DB account endpoint, e.g. https://acct.documents.azure.com:443/; unset uses the embedded database',
  COSMOS_KEY: 'Cosmos DB account key; unset uses the managed identity',
  COSMOS_DATABASE: 'Cosmos DB database name',
  FILES_BLOB_URL: 'Azure Blob Storage endpoint for files attached to cases, e.g. https://acct.blob.core.windows.net, signed in as the managed identity; unset keeps them in DATA_DIR/files',
  FILES_BLOB_CONTAINER: 'the private blob container for files attached to cases',
  FILES_BLOB_CONNECTION_STRING: 'a storage connection string with an account key, for Azurite or local trials only (in Azure leave it empty and use FILES_BLOB_URL); it wins over FILES_BLOB_URL',
  COMPLAINT_POLICY: 'policy preset id (npm run -s complaints -- policy list) or path to a policy JSON file',
  DIRECTORY_FILE: 'path to the staff directory JSON (people, roles, estates, managers); unset uses the demo directory',
  LANDLORD_FILE: 'path to the landlord JSON (name, address and contact details for letters); unset uses the invented example',
  LETTER_TEMPLATE: 'path to the landlord\'s Word letter template (.docx with its letterhead); unset uses the plain default',
  LOG_LEVEL: 'pino log level: fatal, error, warn, info, debug or trace',
  REMINDER_SWEEP_SECONDS: 'how often the in-process reminder sweep runs, in seconds; 0 turns the timer off (POST /api/reminders/run still works)',
  REMINDER_WORKING_HOURS: 'when reminders may be sent, Europe/London, as HH:MM-HH:MM (never on weekends or bank holidays)',
  REMINDER_RUN_SECRET: 'shared secret an outside scheduler sends as "Authorization: Bearer <secret>" to POST /api/reminders/run; unset disables that route',
  GRAPH_BASE_URL: 'Microsoft Graph endpoint (change only for a national cloud)',
  TEAMS_APP_CATALOG_ID: 'the app\'s id in the Teams app catalog, used to install it for people so they can be messaged; unset: no installs',
  COMPLAINTS_MAILBOX: 'the complaints mailbox the PIM reads (copies of complaints, responses, stage changes, daily digest); unset: copies are only logged',
  MAIL_SENDER: 'mailbox (user or shared) that sends the bot\'s mail through Graph; unset: mail is only logged',
  WEBSITE_HOSTNAME: 'the web app\'s host name, set by App Service; short-lived links to files are https://<it>/api/files/...; unset: the local address',
} as const;

export type SettingName = keyof typeof SETTINGS;

function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(SETTINGS, name);
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().optional());

const schema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
  MicrosoftAppId: optionalText,
  LOCAL_UNAUTHENTICATED: z.preprocess(blankToUndefined, z.enum(['true', 'false']).default('false')),
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['SingleTenant', 'UserAssignedMSI']).optional()),
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppPassword: optionalText,
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('.data')),
  COSMOS_ENDPOINT: z.preprocess(blankToUndefined, z.url().optional()),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,255}$/).default('housing-complaints')),
  FILES_BLOB_URL: z.preprocess(blankToUndefined, z.url().optional()),
  FILES_BLOB_CONTAINER: z.preprocess(blankToUndefined, z.string().regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'must be 3-63 lower-case letters, digits and single hyphens').default('case-files')),
  FILES_BLOB_CONNECTION_STRING: optionalText,
  COMPLAINT_POLICY: z.preprocess(blankToUndefined, z.string().default('hos-2024')),
  DIRECTORY_FILE: optionalText,
  LANDLORD_FILE: optionalText,
  LETTER_TEMPLATE: optionalText,
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info')),
  REMINDER_SWEEP_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(86_400).default(300)),
  REMINDER_WORKING_HOURS: z.preprocess(blankToUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must look like 09:00-17:00').default('09:00-17:00')),
  REMINDER_RUN_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  GRAPH_BASE_URL: z.preprocess(blankToUndefined, z.url().default('https://graph.microsoft.com/v1.0')),
  TEAMS_APP_CATALOG_ID: optionalText,
  COMPLAINTS_MAILBOX: z.preprocess(blankToUndefined, z.email().optional()),
  MAIL_SENDER: z.preprocess(blankToUndefined, z.email().optional()),
  WEBSITE_HOSTNAME: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/, 'must be a host name, e.g. app.azurewebsites.net').optional()),
});

export interface AppConfig {
  port: number;
  bot: { appId: string; appType: 'SingleTenant' | 'UserAssignedMSI'; tenantId: string | undefined; password: string | undefined } | null;
  /** No app id, on purpose: a local trial on loopback only (LOCAL_UNAUTHENTICATED=true). */
  localUnauthenticated: boolean;
  /** The only tenant whose activities are accepted; undefined in local unauthenticated runs. */
  tenantId: string | undefined;
  store: { kind: 'sqlite'; dataDir: string } | { kind: 'cosmos'; endpoint: string; key: string | undefined; databaseName: string };
  /** Where files attached to cases are kept. */
  files:
    | { kind: 'folder'; dir: string }
    | { kind: 'blob'; containerName: string; accountUrl: string }
    | { kind: 'blob'; containerName: string; connectionString: string };
  policy: string;
  directoryFile: string | undefined;
  /** The landlord's details and Word template for letters; undefined uses the shipped example and default. */
  letters: { landlordFile: string | undefined; templateFile: string | undefined };
  logLevel: string;
  reminders: { sweepSeconds: number; workingHours: { start: string; end: string }; runSecret: string | undefined };
  graph: { baseUrl: string; teamsAppCatalogId: string | undefined };
  mail: { complaintsMailbox: string | undefined; sender: string | undefined };
  /** Where people's browsers reach this server (links to report files); unset: the address it listens on. */
  publicUrl?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  // App Service passes a Key Vault reference through as text when it cannot resolve it (no
  // access, or no such secret); used as a secret, that text would be guessable.
  const unresolved = (Object.keys(SETTINGS) as SettingName[]).filter((name) => env[name]?.trim().startsWith('@Microsoft.KeyVault('));
  if (unresolved.length) {
    throw new ConfigError(`Invalid settings:\n${unresolved.map((n) => `  - ${n}: is an unresolved Key Vault reference. Check the secret exists and the app's identity may read it. It is ${SETTINGS[n]}.`).join('\n')}`);
  }
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `  - ${name}: ${i.message}. It is ${isSettingName(name) ? SETTINGS[name] : 'a setting'}.`;
    });
    throw new ConfigError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MicrosoftAppId && !e.MicrosoftAppType) problems.push(`  - MicrosoftAppType: required with MicrosoftAppId. It is ${SETTINGS.MicrosoftAppType}.`);
  if (e.MicrosoftAppId && !e.MicrosoftAppTenantId) problems.push(`  - MicrosoftAppTenantId: required with MicrosoftAppId. It is ${SETTINGS.MicrosoftAppTenantId}.`);
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppPassword) {
    problems.push(`  - MicrosoftAppPassword: required for a SingleTenant bot. It is ${SETTINGS.MicrosoftAppPassword}.`);
  }
  if (problems.length) throw new ConfigError(`Invalid settings:\n${problems.join('\n')}`);

  return {
    port: e.PORT,
    localUnauthenticated: e.LOCAL_UNAUTHENTICATED === 'true',
    bot: e.MicrosoftAppId && e.MicrosoftAppType
      ? { appId: e.MicrosoftAppId, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId, password: e.MicrosoftAppPassword }
      : null,
    tenantId: e.MicrosoftAppTenantId,
    store: e.COSMOS_ENDPOINT
      ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, databaseName: e.COSMOS_DATABASE }
      : { kind: 'sqlite', dataDir: path.resolve(e.DATA_DIR) },
    files: e.FILES_BLOB_CONNECTION_STRING
      ? { kind: 'blob', containerName: e.FILES_BLOB_CONTAINER, connectionString: e.FILES_BLOB_CONNECTION_STRING }
      : e.FILES_BLOB_URL
        ? { kind: 'blob', containerName: e.FILES_BLOB_CONTAINER, accountUrl: e.FILES_BLOB_URL }
        : { kind: 'folder', dir: path.resolve(e.DATA_DIR, 'files') },
    policy: e.COMPLAINT_POLICY,
    directoryFile: e.DIRECTORY_FILE,
    letters: { landlordFile: e.LANDLORD_FILE, templateFile: e.LETTER_TEMPLATE },
    logLevel: e.LOG_LEVEL,
    reminders: {
      sweepSeconds: e.REMINDER_SWEEP_SECONDS,
      workingHours: { start: e.REMINDER_WORKING_HOURS.slice(0, 5), end: e.REMINDER_WORKING_HOURS.slice(6) },
      runSecret: e.REMINDER_RUN_SECRET,
    },
    graph: { baseUrl: e.GRAPH_BASE_URL, teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID },
    mail: { complaintsMailbox: e.COMPLAINTS_MAILBOX, sender: e.MAIL_SENDER },
    ...(e.WEBSITE_HOSTNAME ? { publicUrl: `https://${e.WEBSITE_HOSTNAME}` } : {}),
  };
}

/** The process's own settings: entry points call this, so only this module reads process.env. */
export function loadConfigFromEnvironment(): AppConfig {
  return loadConfig(process.env);
}

/** The operating system's basics a child process needs: to find programs, a home and a temporary folder. */
const OS_BASICS = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'SystemRoot', 'USERPROFILE', 'APPDATA'];

/**
 * The environment to give a child process (the Agents Playground): the OS basics only, never
 * a setting, which may hold a secret (a bot password, a Cosmos DB key) the child has no use for.
 */
export function systemEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(OS_BASICS.flatMap((name) => { const value = env[name]; return value === undefined ? [] : [[name, value]]; }));
}
