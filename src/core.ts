import { randomUUID } from 'node:crypto';
import { calendarForPolicy } from './calendar/policy-calendar';
import type { CaseContext } from './cases/case-context';
import { ConfigError, type AppConfig } from './config';
import { EXAMPLE_LANDLORD_FILE, readLandlord, readLetterTemplate, type LandlordSettings } from './documents/letter-files';
import { createFileStore, type FileStoreOptions } from './files/create-file-store';
import type { FileStore } from './files/file-store.port';
import { loadDirectory } from './directory/load-directory';
import type { Directory } from './domain/directory';
import type { Policy } from './domain/policy';
import type { WorkingDayCalendar } from './domain/working-days';
import { loadPolicy } from './policies/load-policy';
import { createStores, type StoreOptions } from './store/create-stores';
import type { Stores } from './store/stores';

/**
 * What the settings give every entry point (the bot, `npm run dev` and the admin CLI): the
 * policy and its working-day calendar, the directory, the stores, and the case context
 * built from them, and the file store. `close()` closes the stores.
 */
export interface Core {
  policy: Policy;
  calendar: WorkingDayCalendar;
  directory: Directory;
  stores: Stores;
  /** Files attached to cases (DATA_DIR/files, or Azure Blob Storage). */
  files: FileStore;
  /** What letters are made with: the landlord's details and Word template (read once, at start). */
  letters: LetterMaterials;
  ctx: CaseContext;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * The store the settings select: the SQLite file in DATA_DIR, or Cosmos DB with its key or,
 * without one, Entra ID (a user-assigned bot's own managed identity, else the default chain).
 * The one place the app's settings become store options; src/store knows nothing of them.
 */
export function storeOptionsFor(config: Pick<AppConfig, 'store' | 'bot'>): StoreOptions {
  if (config.store.kind === 'sqlite') return { kind: 'sqlite', dataDir: config.store.dataDir };
  return {
    kind: 'cosmos', endpoint: config.store.endpoint, databaseName: config.store.databaseName,
    ...(config.store.key ? { key: config.store.key } : {}),
    ...(config.bot?.appType === 'UserAssignedMSI' ? { managedIdentityClientId: config.bot.appId } : {}),
  };
}

/**
 * The file store the settings select, on the same pattern as the case store: a folder in
 * DATA_DIR, or Blob Storage with a connection string (Azurite, local only) or, in Azure, the
 * account URL and Entra ID (a user-assigned bot's own managed identity, else the default chain).
 */
export function fileStoreOptionsFor(config: Pick<AppConfig, 'files' | 'bot'>): FileStoreOptions {
  const files = config.files;
  if (files.kind === 'folder') return { kind: 'folder', dir: files.dir };
  if ('connectionString' in files) return { kind: 'blob', containerName: files.containerName, connectionString: files.connectionString };
  return {
    kind: 'blob', containerName: files.containerName, accountUrl: files.accountUrl,
    ...(config.bot?.appType === 'UserAssignedMSI' ? { managedIdentityClientId: config.bot.appId } : {}),
  };
}

/** The landlord's letterhead details and Word template; `exampleLandlord` when LANDLORD_FILE is unset. */
export interface LetterMaterials {
  /** Also holds the homes per TSM group (`homes`), which the Tenant Satisfaction Measures need. */
  landlord: LandlordSettings;
  template: Buffer;
  exampleLandlord: boolean;
}

/** LANDLORD_FILE and LETTER_TEMPLATE read and checked; an unusable one is a ConfigError naming it. */
export function loadLetterMaterials(config: Pick<AppConfig, 'letters'>): LetterMaterials {
  const { landlordFile, templateFile } = config.letters;
  const landlord = asSetting('LANDLORD_FILE', () => readLandlord(landlordFile ?? EXAMPLE_LANDLORD_FILE));
  const template = asSetting('LETTER_TEMPLATE', () => readLetterTemplate(templateFile));
  return { landlord, template, exampleLandlord: landlordFile === undefined };
}

function asSetting<T>(setting: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new ConfigError(`${setting}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/**
 * Loads the policy and the directory, then opens the stores. A setting that is not usable
 * (COMPLAINT_POLICY, DIRECTORY_FILE, LANDLORD_FILE, LETTER_TEMPLATE) is a ConfigError naming it, raised before any store is
 * opened.
 */
export async function buildCore(config: AppConfig, options: CoreOptions = {}): Promise<Core> {
  const loaded = loadPolicy(config.policy);
  if (!loaded.ok) throw new ConfigError(`COMPLAINT_POLICY "${config.policy}" is not a usable policy:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
  const policy = loaded.policy;
  const calendar = calendarForPolicy(policy);
  let directory: Directory;
  try {
    directory = loadDirectory(config.directoryFile);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  const letters = loadLetterMaterials(config);
  const stores = await createStores(storeOptionsFor(config));
  const files = createFileStore(fileStoreOptionsFor(config));
  const ctx: CaseContext = { policy, calendar, directory, now: options.now ?? (() => new Date()), newId: randomUUID };
  return { policy, calendar, directory, stores, files, letters, ctx, close: () => stores.close() };
}
