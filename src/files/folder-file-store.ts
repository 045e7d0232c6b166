import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { byAge, checkBytes, checkFile, checkId, sha256Hex, verifyingStream } from './file-checks';
import { FileStoreError, type FileLimits, type FileStore, type PutFileInput, type StoredFile } from './file-store.port';

export interface FolderFileStoreOptions extends FileLimits {
  /** The folder that holds one sub-folder per case: DATA_DIR/files by default. */
  dir: string;
  /** For tests: runs after the temporary files are written and before they are renamed into place. */
  beforeCommit?: (tempPaths: string[]) => Promise<void>;
}

const recordSchema = z.object({
  fileId: z.string(), caseId: z.string(), fileName: z.string(), contentType: z.string(),
  size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/), storedAt: z.string(),
});

const isNotFound = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * Files in a folder: `<dir>/<caseId>/<fileId>` holds the bytes exactly as they arrived, and
 * `<fileId>.json` beside it the name, type, size, SHA-256 and time. Both are written under
 * temporary names (starting with a dot, never listed), flushed to disk, then renamed into
 * place, the bytes last: a file exists once its bytes are renamed, and a failure before that
 * removes whatever was written.
 */
export class FolderFileStore implements FileStore {
  readonly kind = 'folder' as const;

  constructor(private readonly options: FolderFileStoreOptions) {}

  private caseDir(caseId: string): string {
    checkId(caseId, 'case');
    return path.join(this.options.dir, caseId);
  }

  async put(input: PutFileInput): Promise<StoredFile> {
    const { fileName, contentType } = checkFile(input, this.options);
    const dir = this.caseDir(input.caseId);
    const fileId = randomUUID();
    const file: StoredFile = {
      fileId, caseId: input.caseId, fileName, contentType, size: input.bytes.byteLength, sha256: sha256Hex(input.bytes), storedAt: new Date().toISOString(),
    };
    const bytesPath = path.join(dir, fileId);
    const recordPath = `${bytesPath}.json`;
    const tempBytes = path.join(dir, `.${fileId}.tmp`);
    const tempRecord = path.join(dir, `.${fileId}.json.tmp`);
    let recordPlaced = false;
    try {
      await fs.mkdir(dir, { recursive: true });
      await writeDurably(tempBytes, input.bytes);
      await writeDurably(tempRecord, Buffer.from(JSON.stringify(file)));
      await this.options.beforeCommit?.([tempBytes, tempRecord]);
      await fs.rename(tempRecord, recordPath);
      recordPlaced = true;
      await fs.rename(tempBytes, bytesPath);
    } catch (err) {
      await Promise.all([tempBytes, tempRecord, ...(recordPlaced ? [recordPath] : [])].map((p) => fs.rm(p, { force: true }).catch(() => undefined)));
      throw new FileStoreError('FILES.UNAVAILABLE', `Could not store ${fileName} in ${dir}: ${(err as Error).message}. Check the folder exists, is writable and has space. Nothing was stored.`, { cause: err });
    }
    await syncDir(dir).catch(() => undefined); // stored already; this only hastens the rename to disk
    return file;
  }

  private async record(caseId: string, fileId: string): Promise<{ file: StoredFile; bytesPath: string }> {
    checkId(fileId, 'file');
    const bytesPath = path.join(this.caseDir(caseId), fileId);
    try {
      await fs.access(bytesPath);
      const parsed = recordSchema.safeParse(JSON.parse(await fs.readFile(`${bytesPath}.json`, 'utf8')));
      if (!parsed.success || parsed.data.fileId !== fileId || parsed.data.caseId !== caseId) {
        throw new FileStoreError('FILES.TAMPERED', `The record of file ${fileId} of case ${caseId} (${bytesPath}.json) is damaged; the file cannot be trusted.`);
      }
      return { file: parsed.data, bytesPath };
    } catch (err) {
      if (err instanceof FileStoreError) throw err;
      if (isNotFound(err)) throw new FileStoreError('FILES.NOT_FOUND', `Case ${caseId} has no file ${fileId}.`, { cause: err });
      throw new FileStoreError('FILES.UNAVAILABLE', `Could not read file ${fileId} of case ${caseId} in ${this.options.dir}: ${(err as Error).message}`, { cause: err });
    }
  }

  async get(caseId: string, fileId: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const { file, bytesPath } = await this.record(caseId, fileId);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(bytesPath);
    } catch (err) {
      throw new FileStoreError(isNotFound(err) ? 'FILES.NOT_FOUND' : 'FILES.UNAVAILABLE', `Could not read file ${fileId} of case ${caseId}: ${(err as Error).message}`, { cause: err });
    }
    return { file, bytes: checkBytes(file, bytes) };
  }

  async openStream(caseId: string, fileId: string) {
    const { file, bytesPath } = await this.record(caseId, fileId);
    return { file, stream: verifyingStream(file, createReadStream(bytesPath)) };
  }

  async list(caseId: string): Promise<StoredFile[]> {
    const dir = this.caseDir(caseId);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw new FileStoreError('FILES.UNAVAILABLE', `Could not list the files of case ${caseId} in ${dir}: ${(err as Error).message}`, { cause: err });
    }
    const ids = names.filter((n) => /^[0-9a-f-]{36}$/.test(n));
    const files = await Promise.all(ids.map(async (id) => (await this.record(caseId, id)).file));
    return files.sort(byAge);
  }

  async delete(caseId: string, fileId: string): Promise<boolean> {
    checkId(fileId, 'file');
    const bytesPath = path.join(this.caseDir(caseId), fileId);
    try {
      await fs.rm(bytesPath); // the bytes first: without them the file is gone, whatever happens to the record
      await fs.rm(`${bytesPath}.json`, { force: true });
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw new FileStoreError('FILES.UNAVAILABLE', `Could not delete file ${fileId} of case ${caseId}: ${(err as Error).message}`, { cause: err });
    }
  }

  async deleteCase(caseId: string): Promise<number> {
    const dir = this.caseDir(caseId);
    const count = (await this.list(caseId)).length;
    try {
      await fs.rm(dir, { recursive: true, force: true });
    } catch (err) {
      throw new FileStoreError('FILES.UNAVAILABLE', `Could not delete the files of case ${caseId} in ${dir}: ${(err as Error).message}`, { cause: err });
    }
    return count;
  }

  async ping() {
    try {
      await fs.mkdir(this.options.dir, { recursive: true });
      await fs.access(this.options.dir, fs.constants.W_OK);
      return { ok: true, kind: this.kind };
    } catch (err) {
      return { ok: false, kind: this.kind, message: `${this.options.dir} is not a writable folder: ${(err as Error).message}` };
    }
  }
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the renames survive a power cut (where the platform allows a directory to be synced). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
