import { readFileSync } from 'node:fs';
import type { Directory } from '../domain/directory';
import { DEMO_DIRECTORY } from './demo-directory';
import { parseDirectory } from './directory-schema';

/** Reads and validates a directory file; the demo directory when no file is configured. */
export function loadDirectory(file: string | undefined): Directory {
  if (!file) return DEMO_DIRECTORY;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`DIRECTORY_FILE ${file} cannot be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = parseDirectory(data);
  if (!parsed.ok) throw new Error(`DIRECTORY_FILE ${file} is invalid:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}`);
  return parsed.directory;
}
