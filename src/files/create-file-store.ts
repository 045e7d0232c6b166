import type { BlobFileStoreOptions } from './blob-file-store';
import type { FileStore } from './file-store.port';
import { FolderFileStore, type FolderFileStoreOptions } from './folder-file-store';

/** Which file store, and its options: a folder (the default, DATA_DIR/files) or Azure Blob Storage. */
export type FileStoreOptions = ({ kind: 'folder' } & FolderFileStoreOptions) | ({ kind: 'blob' } & BlobFileStoreOptions);

/**
 * The Blob Storage module (with @azure/storage-blob, ~20 MB) is loaded only when Blob Storage
 * is chosen: files in a folder need none of it (docs/performance.md, "Loading only what is used").
 */
export function createFileStore(options: FileStoreOptions): FileStore {
  if (options.kind === 'folder') return new FolderFileStore(options);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when chosen, see above
  const { BlobFileStore } = require('./blob-file-store') as typeof import('./blob-file-store');
  return new BlobFileStore(options);
}
