import { BlobFileStore, type BlobFileStoreOptions } from './blob-file-store';
import type { FileStore } from './file-store.port';
import { FolderFileStore, type FolderFileStoreOptions } from './folder-file-store';

/** Which file store, and its options: a folder (the default, DATA_DIR/files) or Azure Blob Storage. */
export type FileStoreOptions = ({ kind: 'folder' } & FolderFileStoreOptions) | ({ kind: 'blob' } & BlobFileStoreOptions);

export function createFileStore(options: FileStoreOptions): FileStore {
  return options.kind === 'folder' ? new FolderFileStore(options) : new BlobFileStore(options);
}
