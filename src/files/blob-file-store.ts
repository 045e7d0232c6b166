import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient, RestError, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { byAge, checkBytes, checkFile, checkId, sha256Hex, verifyingStream } from './file-checks';
import { FileStoreError, type FileLimits, type FileStore, type PutFileInput, type StoredFile } from './file-store.port';

/** Everything the Blob Storage file store needs, passed in (settings live in src/config.ts). */
export type BlobFileStoreOptions = FileLimits & {
  /** A private container; default 'case-files'. */
  containerName?: string;
  /**
   * Create the container when missing. Default: true with a connection string (Azurite, local
   * use), false with Entra ID: infrastructure creates it (infra/azure.bicep), the app only uses it.
   */
  createIfMissing?: boolean;
  /** SDK pipeline options: retries, a proxy, a test's HTTP client. */
  pipeline?: StoragePipelineOptions;
} & (
  /** An account key connection string: local and Azurite only. */
  | { connectionString: string }
  /**
   * The account's blob endpoint, e.g. https://acct.blob.core.windows.net, signed in with Entra
   * ID: `credential`, else a ManagedIdentityCredential for `managedIdentityClientId`, else
   * DefaultAzureCredential (the same choice as for Cosmos DB).
   */
  | { accountUrl: string; credential?: TokenCredential; managedIdentityClientId?: string }
);

export const DEFAULT_FILES_CONTAINER = 'case-files';

/** Blob metadata names (must be C# identifiers; values ASCII, so the file name is URI-encoded). */
const META = { sha256: 'sha256', fileName: 'filename', storedAt: 'storedat' } as const;

function credentialFor(options: { credential?: TokenCredential; managedIdentityClientId?: string }): TokenCredential {
  if (options.credential) return options.credential;
  if (options.managedIdentityClientId) return new ManagedIdentityCredential({ clientId: options.managedIdentityClientId });
  return new DefaultAzureCredential();
}

/**
 * Files as block blobs named `<caseId>/<fileId>` in one private container. Each file is one
 * Put Blob request carrying the bytes, the content type and the SHA-256, name and time as
 * metadata, so a blob never exists without its hash; the request is conditional on no blob
 * of that name existing. If a put fails after the request may have landed (the answer was
 * lost), the store deletes the blob again before reporting the failure.
 */
export class BlobFileStore implements FileStore {
  readonly kind = 'blob' as const;
  private readonly container: ContainerClient;
  private ready: Promise<void> | undefined;
  private readonly where: string;

  constructor(private readonly options: BlobFileStoreOptions) {
    const service = 'connectionString' in options
      ? BlobServiceClient.fromConnectionString(options.connectionString, options.pipeline)
      : new BlobServiceClient(options.accountUrl, credentialFor(options), options.pipeline);
    this.container = service.getContainerClient(options.containerName ?? DEFAULT_FILES_CONTAINER);
    this.where = `container ${this.container.containerName} at ${service.url}`;
  }

  private ensureContainer(): Promise<void> {
    const create = this.options.createIfMissing ?? 'connectionString' in this.options;
    if (!create) return Promise.resolve();
    this.ready ??= this.container.createIfNotExists().then(() => undefined, (err: unknown) => {
      this.ready = undefined;
      throw this.failure(err, 'create the container');
    });
    return this.ready;
  }

  private failure(err: unknown, doing: string): FileStoreError {
    if (err instanceof FileStoreError) return err;
    const status = err instanceof RestError ? err.statusCode : undefined;
    const code = err instanceof RestError ? err.code : undefined;
    const hint = status === 401 || status === 403
      ? 'Check the app\'s identity has the Storage Blob Data Contributor role on the account (or the connection string\'s key), and the storage firewall.'
      : code === 'ContainerNotFound'
        ? 'The container does not exist: create it (infra/azure.bicep does), or check FILES_BLOB_CONTAINER.'
        : 'Check FILES_BLOB_URL, DNS, the firewall or private endpoint, and that the account is up.';
    return new FileStoreError('FILES.UNAVAILABLE', `Could not ${doing} in ${this.where}: ${(err as Error).message}. ${hint}`, { cause: err });
  }

  async put(input: PutFileInput): Promise<StoredFile> {
    const { fileName, contentType } = checkFile(input, this.options);
    await this.ensureContainer();
    const fileId = randomUUID();
    const file: StoredFile = {
      fileId, caseId: input.caseId, fileName, contentType, size: input.bytes.byteLength, sha256: sha256Hex(input.bytes), storedAt: new Date().toISOString(),
    };
    const blob = this.container.getBlockBlobClient(`${input.caseId}/${fileId}`);
    try {
      await blob.uploadData(input.bytes, {
        maxSingleShotSize: 256 * 1024 * 1024, // one request, never staged blocks
        blobHTTPHeaders: { blobContentType: contentType },
        metadata: { [META.sha256]: file.sha256, [META.fileName]: encodeURIComponent(fileName), [META.storedAt]: file.storedAt },
        conditions: { ifNoneMatch: '*' },
      });
    } catch (err) {
      await blob.deleteIfExists().catch(() => undefined);
      const failed = this.failure(err, `store ${fileName}`);
      failed.message += ' Nothing was stored.';
      throw failed;
    }
    return file;
  }

  private toFile(caseId: string, fileId: string, contentType: string | undefined, size: number | undefined, metadata: Record<string, string> | undefined): StoredFile {
    const sha256 = metadata?.[META.sha256];
    if (!sha256 || !/^[0-9a-f]{64}$/.test(sha256) || size === undefined) {
      throw new FileStoreError('FILES.TAMPERED', `File ${fileId} of case ${caseId} in ${this.where} has no recorded hash; the file cannot be trusted.`);
    }
    let fileName = fileId;
    try {
      fileName = decodeURIComponent(metadata[META.fileName] ?? fileId);
    } catch { /* keep the id as its name */ }
    return { fileId, caseId, fileName, contentType: contentType ?? 'application/octet-stream', size, sha256, storedAt: metadata[META.storedAt] ?? '' };
  }

  private async download(caseId: string, fileId: string): Promise<{ file: StoredFile; body: Readable }> {
    checkId(caseId, 'case');
    checkId(fileId, 'file');
    try {
      const res = await this.container.getBlockBlobClient(`${caseId}/${fileId}`).download();
      const body = res.readableStreamBody as Readable | undefined;
      if (!body) throw new Error('the download had no body');
      let file: StoredFile;
      try {
        file = this.toFile(caseId, fileId, res.contentType, res.contentLength, res.metadata);
      } catch (err) {
        body.destroy();
        throw err;
      }
      return { file, body };
    } catch (err) {
      if (err instanceof RestError && err.statusCode === 404 && err.code === 'BlobNotFound') {
        throw new FileStoreError('FILES.NOT_FOUND', `Case ${caseId} has no file ${fileId}.`, { cause: err });
      }
      throw this.failure(err, `read file ${fileId} of case ${caseId}`);
    }
  }

  async get(caseId: string, fileId: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const { file, body } = await this.download(caseId, fileId);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) chunks.push(chunk as Buffer);
    } catch (err) {
      throw this.failure(err, `read file ${fileId} of case ${caseId}`);
    }
    return { file, bytes: checkBytes(file, Buffer.concat(chunks)) };
  }

  async openStream(caseId: string, fileId: string) {
    const { file, body } = await this.download(caseId, fileId);
    return { file, stream: verifyingStream(file, body) };
  }

  async list(caseId: string): Promise<StoredFile[]> {
    checkId(caseId, 'case');
    const files: StoredFile[] = [];
    try {
      for await (const item of this.container.listBlobsFlat({ prefix: `${caseId}/`, includeMetadata: true })) {
        const fileId = item.name.slice(caseId.length + 1);
        if (!/^[0-9a-f-]{36}$/.test(fileId)) continue;
        files.push(this.toFile(caseId, fileId, item.properties.contentType, item.properties.contentLength, item.metadata));
      }
    } catch (err) {
      if (err instanceof RestError && err.code === 'ContainerNotFound' && (this.options.createIfMissing ?? 'connectionString' in this.options)) return [];
      throw this.failure(err, `list the files of case ${caseId}`);
    }
    return files.sort(byAge);
  }

  async delete(caseId: string, fileId: string): Promise<boolean> {
    checkId(caseId, 'case');
    checkId(fileId, 'file');
    try {
      const res = await this.container.getBlockBlobClient(`${caseId}/${fileId}`).deleteIfExists({ deleteSnapshots: 'include' });
      return res.succeeded;
    } catch (err) {
      if (err instanceof RestError && err.code === 'ContainerNotFound') return false;
      throw this.failure(err, `delete file ${fileId} of case ${caseId}`);
    }
  }

  async deleteCase(caseId: string): Promise<number> {
    checkId(caseId, 'case');
    let count = 0;
    try {
      for await (const item of this.container.listBlobsFlat({ prefix: `${caseId}/` })) {
        if ((await this.container.deleteBlob(item.name, { deleteSnapshots: 'include' }).then(() => true, (err: unknown) => {
          if (err instanceof RestError && err.statusCode === 404) return false;
          throw err;
        }))) count += 1;
      }
    } catch (err) {
      if (err instanceof RestError && err.code === 'ContainerNotFound' && (this.options.createIfMissing ?? 'connectionString' in this.options)) return count;
      throw this.failure(err, `delete the files of case ${caseId}`);
    }
    return count;
  }

  async ping() {
    try {
      await this.ensureContainer();
      if (!(await this.container.exists())) return { ok: false, kind: this.kind, message: `${this.where}: the container does not exist` };
      return { ok: true, kind: this.kind };
    } catch (err) {
      return { ok: false, kind: this.kind, message: this.failure(err, 'reach the container').message };
    }
  }
}
