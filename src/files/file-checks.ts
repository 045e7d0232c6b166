import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { FileRefusedError, FileStoreError, MAX_FILE_BYTES, type FileLimits, type PutFileInput, type StoredFile } from './file-store.port';

/** What a type is called in a refusal, and how its bytes must start. */
interface AllowedType { label: string; looksRight(bytes: Uint8Array): boolean }

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, Math.min(to, bytes.length));

const pdf = (b: Uint8Array) => ascii(b, 0, 1024).includes('%PDF-'); // readers accept up to 1 KB of junk first
const png = (b: Uint8Array) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const jpeg = (b: Uint8Array) => startsWith(b, 0xff, 0xd8, 0xff);
const gif = (b: Uint8Array) => ['GIF87a', 'GIF89a'].includes(ascii(b, 0, 6));
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const heic = (b: Uint8Array) => ascii(b, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 12));
/** A Word .docx is a zip whose entries include word/...; zip entry names are plain text. */
const docx = (b: Uint8Array) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) && Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes('word/');
/** Word .doc and Outlook .msg are both OLE compound files; their signature cannot tell them apart. */
const ole = (b: Uint8Array) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Text: no NUL byte in the first 64 KB (UTF-16 text is not accepted). */
const text = (b: Uint8Array) => !b.subarray(0, 65536).includes(0);
const eml = (b: Uint8Array) => text(b) && /^(from|to|subject|date|received|return-path|mime-version|message-id|delivered-to|content-type|x-[\w-]+):/im.test(ascii(b, 0, 8192));

/** The allow-list: declared content type → how its bytes must look. */
export const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  'application/pdf': { label: 'a PDF', looksRight: pdf },
  'image/jpeg': { label: 'a JPEG image', looksRight: jpeg },
  'image/png': { label: 'a PNG image', looksRight: png },
  'image/gif': { label: 'a GIF image', looksRight: gif },
  'image/heic': { label: 'a HEIC photo', looksRight: heic },
  'image/heif': { label: 'a HEIF photo', looksRight: heic },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'a Word document (.docx)', looksRight: docx },
  'application/msword': { label: 'a Word 97-2003 document (.doc)', looksRight: ole },
  'message/rfc822': { label: 'an email (.eml)', looksRight: eml },
  'application/vnd.ms-outlook': { label: 'an Outlook message (.msg)', looksRight: ole },
  'text/plain': { label: 'a plain text file', looksRight: text },
};

/** Other names the same types go by. */
const ALIASES: Readonly<Record<string, string>> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif',
  heic: 'image/heic', heif: 'image/heif', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword', eml: 'message/rfc822', msg: 'application/vnd.ms-outlook', txt: 'text/plain',
};

/**
 * The content type for a file name's extension, or undefined when it is not an allowed type.
 * For callers that get no reliable type with a file (a Teams file.download.info attachment
 * carries only the extension, as fileType).
 */
export function contentTypeForFileName(fileName: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

export function normaliseContentType(contentType: string): string {
  const bare = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/** The allowed types in words, for refusals and for the page that takes files. */
export const ALLOWED_TYPE_WORDS = 'PDF, JPEG, PNG, GIF, HEIC, Word (.docx, .doc), email (.eml, .msg) and plain text';
const ALLOWED_LIST = ALLOWED_TYPE_WORDS;

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The name kept: the last path segment, without control characters, at most 255 characters. */
export function cleanFileName(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  const last = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!last || last === '.' || last === '..') throw new FileRefusedError('FILES.BAD_NAME', 'The file has no usable name. Give it a name (for example letter.pdf) and send it again.');
  return last.length > 255 ? last.slice(last.length - 255) : last;
}

/**
 * Every check made before a file is stored, in the order a person would want to hear them:
 * empty, too big, not an allowed type, bytes that are not what the type says.
 * Returns the name and type to store.
 */
export function checkFile(input: PutFileInput, limits: FileLimits = {}): { fileName: string; contentType: string } {
  checkId(input.caseId, 'case');
  const maxBytes = limits.maxBytes ?? MAX_FILE_BYTES;
  const fileName = cleanFileName(input.fileName);
  const size = input.bytes.byteLength;
  if (size === 0) throw new FileRefusedError('FILES.EMPTY', `${fileName} is empty (0 bytes), so it was not attached. Check the file and send it again.`);
  if (size > maxBytes) {
    const limit = sizeText(maxBytes);
    const shown = sizeText(size) === limit ? `over ${limit}` : sizeText(size);
    throw new FileRefusedError('FILES.TOO_BIG', `${fileName} is ${shown}; the limit is ${limit} per file, so it was not attached. Split it, or save a smaller copy (for example a PDF at a lower resolution).`);
  }
  const contentType = normaliseContentType(input.contentType);
  const allowed = ALLOWED_TYPES[contentType];
  if (!allowed) {
    throw new FileRefusedError('FILES.TYPE_NOT_ALLOWED', `${fileName} is of a type that cannot be attached (${contentType || 'no type given'}). Files may be ${ALLOWED_LIST}.`);
  }
  if (!allowed.looksRight(input.bytes)) {
    throw new FileRefusedError('FILES.CONTENT_MISMATCH', `${fileName} does not look like ${allowed.label}, as its type says, so it was not attached. It may be damaged or renamed; save it again as ${allowed.label} and send that.`);
  }
  return { fileName, contentType };
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Case and file ids become path segments and blob names: only letters, digits, - and _. */
export function checkId(id: string, what: 'case' | 'file'): void {
  if (!(what === 'file' ? FILE_ID : ID).test(id)) throw new FileStoreError('FILES.INVALID_ID', `Not a valid ${what} id: ${JSON.stringify(id).slice(0, 140)}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function tamperedError(file: StoredFile, actual: string): FileStoreError {
  return new FileStoreError('FILES.TAMPERED', `File ${file.fileName} (${file.fileId}) of case ${file.caseId} has changed since it was stored: its SHA-256 is ${actual}, not ${file.sha256}. Do not use it; restore it from a backup.`);
}

export function checkBytes(file: StoredFile, bytes: Buffer): Buffer {
  const actual = sha256Hex(bytes);
  if (actual !== file.sha256 || bytes.length !== file.size) throw tamperedError(file, actual);
  return bytes;
}

/** Passes the bytes through, and errors at the end instead of finishing if their hash is not the stored one. */
export function verifyingStream(file: StoredFile, source: Readable): Readable {
  const hash = createHash('sha256');
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      done(actual === file.sha256 && size === file.size ? null : tamperedError(file, actual));
    },
  });
  // pipeline destroys both on an error either side (a read error reaches the consumer; a
  // consumer that stops early releases the file or the connection).
  pipeline(source, check, () => undefined);
  return check;
}

export function byAge(a: StoredFile, b: StoredFile): number {
  return a.storedAt < b.storedAt ? -1 : a.storedAt > b.storedAt ? 1 : a.fileId < b.fileId ? -1 : a.fileId > b.fileId ? 1 : 0;
}
