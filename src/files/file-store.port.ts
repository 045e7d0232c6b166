import type { Readable } from 'node:stream';

/**
 * Files attached to a case (an email saved as PDF, a scanned letter, a photo of damp, a
 * survey report), kept outside the case document: a Cosmos DB item is limited to 2 MB.
 * Two adapters: a folder under DATA_DIR (folder-file-store.ts) and Azure Blob Storage
 * (blob-file-store.ts); one contract suite (test/files/file-store.contract.ts) runs on both.
 *
 * Rules both adapters keep:
 * - A file is checked (see file-checks.ts) before anything is stored: not empty, at most
 *   `maxBytes`, a type on the allow-list whose bytes look like that type. A refusal is a
 *   `FileRefusedError` with a plain message saying why.
 * - A write is all or nothing: a failed `put` leaves no file, listed or not.
 * - Every file's SHA-256 is recorded when stored and checked again when read: `get` throws
 *   `FILES.TAMPERED` and `openStream`'s stream errors with it at the end, instead of handing
 *   out bytes that are not the ones stored.
 * - Access control is not the store's: callers check the person may see the case first.
 */
export interface FileStore {
  readonly kind: 'folder' | 'blob';
  /** Checks and stores a file for a case; the id is new (a UUID), never reused. */
  put(input: PutFileInput): Promise<StoredFile>;
  /** The file and its bytes, hash checked. FILES.NOT_FOUND if the case has no such file. */
  get(caseId: string, fileId: string): Promise<{ file: StoredFile; bytes: Buffer }>;
  /**
   * The file and a stream of its bytes, for sending on without holding them all. The stream
   * hashes as it goes and ends with an error (FILES.TAMPERED) instead of ending cleanly if
   * the bytes are not the ones stored: a consumer must treat an errored stream as no file.
   */
  openStream(caseId: string, fileId: string): Promise<{ file: StoredFile; stream: Readable }>;
  /** A case's files, oldest first (then by id). Empty for a case with none. */
  list(caseId: string): Promise<StoredFile[]>;
  /**
   * Removes one file; false when it was not there. For undoing a file stored for an attachment
   * the case then refused: once a case's history names a file, it is not deleted on its own.
   */
  delete(caseId: string, fileId: string): Promise<boolean>;
  /** Removes every file of a case (purge, erasure); returns how many were removed. */
  deleteCase(caseId: string): Promise<number>;
  /** Can the store be reached? Never throws. */
  ping(): Promise<{ ok: boolean; kind: 'folder' | 'blob'; message?: string }>;
}

export interface PutFileInput {
  caseId: string;
  /** The name the file arrived with; only its last path segment is kept. */
  fileName: string;
  /** The declared type, e.g. application/pdf (parameters such as charset are ignored). */
  contentType: string;
  bytes: Uint8Array;
}

export interface StoredFile {
  fileId: string;
  caseId: string;
  fileName: string;
  /** The allowed type the file was stored as (lower case, no parameters). */
  contentType: string;
  size: number;
  /** SHA-256 of the bytes, lower-case hex: what the case's event records. */
  sha256: string;
  /** When it was stored, Date#toISOString form. */
  storedAt: string;
}

/** The size cap per file, 25 MB. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface FileLimits {
  /** Default MAX_FILE_BYTES. */
  maxBytes?: number;
}

export type FileRefusal = 'FILES.EMPTY' | 'FILES.TOO_BIG' | 'FILES.TYPE_NOT_ALLOWED' | 'FILES.CONTENT_MISMATCH' | 'FILES.BAD_NAME';

export type FileStoreErrorCode =
  | FileRefusal
  | 'FILES.INVALID_ID'
  | 'FILES.NOT_FOUND'
  | 'FILES.TAMPERED'
  | 'FILES.UNAVAILABLE';

/** Any file store failure, with a stable code; the SDK's or file system's error is the cause. */
export class FileStoreError extends Error {
  constructor(readonly code: FileStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileStoreError';
  }
}

/** A file refused before anything was stored; the message can be shown to the person as it is. */
export class FileRefusedError extends FileStoreError {
  constructor(readonly refusal: FileRefusal, message: string) {
    super(refusal, message);
    this.name = 'FileRefusedError';
  }
}
