import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { FileRefusedError, FileStoreError, MAX_FILE_BYTES, type FileLimits, type FileStore, type StoredFile } from '../../src/files/file-store.port';

/** What the contract needs from each adapter's test file. */
export interface FileStoreHarness {
  /** A store on the shared backend (a folder, an Azurite container). */
  store(limits?: FileLimits): FileStore;
  /** A store whose writes fail while armed: partway (folder) or with the answer lost after the write landed (Blob). */
  failingStore(): Promise<{ store: FileStore; arm(): void; disarm(): void }>;
  /** Changes a stored file's bytes behind the store's back, keeping its recorded hash. */
  tamper(file: StoredFile, bytes: Buffer): Promise<void>;
  /** Everything the backend holds for a case under any name, temporary or uncommitted included. */
  rawNames(caseId: string): Promise<string[]>;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const concat = (...parts: (Buffer | number[])[]) => Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));

export const SAMPLES = {
  pdf: { contentType: 'application/pdf', fileName: 'email from resident.pdf', bytes: text('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
  jpeg: { contentType: 'image/jpeg', fileName: 'damp-bedroom.jpg', bytes: concat([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], text('JFIF\0 photo of damp'), [0xff, 0xd9]) },
  png: { contentType: 'image/png', fileName: 'mould.png', bytes: concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], text('\0\0\0\rIHDR rest')) },
  gif: { contentType: 'image/gif', fileName: 'leak.gif', bytes: concat(text('GIF89a'), [1, 0, 1, 0, 0, 0, 0, 0x3b]) },
  heic: { contentType: 'image/heic', fileName: 'IMG_0042.HEIC', bytes: concat([0, 0, 0, 0x18], text('ftypheic\0\0\0\0mif1heic')) },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'survey report.docx', bytes: concat([0x50, 0x4b, 0x03, 0x04, 20, 0], text('[Content_Types].xml ... word/document.xml')) },
  doc: { contentType: 'application/msword', fileName: 'old letter.doc', bytes: concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(64, 1)) },
  eml: { contentType: 'message/rfc822', fileName: 'reply.eml', bytes: text('From: resident@example.org\r\nTo: complaints@example.org\r\nSubject: Damp\r\n\r\nStill damp.\r\n') },
  msg: { contentType: 'application/vnd.ms-outlook', fileName: 'reply.msg', bytes: concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(64, 2)) },
  text: { contentType: 'text/plain; charset=utf-8', fileName: 'phone note.txt', bytes: text('Rang Mrs Adeyemi at 10:15; she will send photos.\n') },
};

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const newCase = () => randomUUID();

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function refused(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof FileRefusedError, `expected a FileRefusedError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
}

const withCode = (code: string) => (err: unknown) => err instanceof FileStoreError && err.code === code;

export function fileStoreContract(name: string, harness: () => FileStoreHarness): void {
  describe(`file store contract: ${name}`, () => {
    let h: FileStoreHarness;
    let store: FileStore;
    before(() => {
      h = harness();
      store = h.store();
    });

    it('stores a file and gives it back with its size and SHA-256, checked on read, as bytes and as a stream', async () => {
      const caseId = newCase();
      const { bytes, fileName } = SAMPLES.pdf;
      const file = await store.put({ caseId, fileName, contentType: 'Application/PDF', bytes });
      assert.match(file.fileId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual({ ...file, fileId: '', storedAt: '' }, { fileId: '', caseId, fileName, contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), storedAt: '' });
      assert.ok(Math.abs(Date.parse(file.storedAt) - Date.now()) < 60_000);

      const got = await store.get(caseId, file.fileId);
      assert.deepEqual(got.file, file);
      assert.deepEqual(got.bytes, bytes);
      const streamed = await store.openStream(caseId, file.fileId);
      assert.deepEqual(streamed.file, file);
      assert.deepEqual(await drain(streamed.stream), bytes);
      assert.deepEqual(await store.list(caseId), [file]);
      assert.deepEqual(await store.ping(), { ok: true, kind: store.kind });
    });

    it('accepts every allowed type whose bytes match it, and keeps the name (last path segment, any language)', async () => {
      const caseId = newCase();
      for (const [kind, sample] of Object.entries(SAMPLES)) {
        const file = await store.put({ caseId, ...sample });
        assert.equal(file.sha256, sha256(sample.bytes), kind);
        assert.deepEqual((await store.get(caseId, file.fileId)).bytes, sample.bytes, kind);
      }
      assert.equal((await store.list(caseId)).length, Object.keys(SAMPLES).length);
      const named = await store.put({ caseId, fileName: 'C:\\Scans\\Lettre de Mme Zoë – 2 déc.pdf', contentType: 'application/pdf', bytes: SAMPLES.pdf.bytes });
      assert.equal(named.fileName, 'Lettre de Mme Zoë – 2 déc.pdf');
      assert.equal((await store.list(caseId)).find((f) => f.fileId === named.fileId)?.fileName, named.fileName);
      assert.equal((await store.get(caseId, named.fileId)).file.fileName, named.fileName);
    });

    it('refuses an empty file, one over the size cap, a type not allowed and bytes that are not the declared type, storing nothing', async () => {
      const caseId = newCase();
      const small = h.store({ maxBytes: 1024 });
      await refused(store.put({ caseId, fileName: 'blank.pdf', contentType: 'application/pdf', bytes: Buffer.alloc(0) }), 'FILES.EMPTY', /blank\.pdf is empty/);
      await refused(small.put({ caseId, fileName: 'survey.pdf', contentType: 'application/pdf', bytes: concat(SAMPLES.pdf.bytes, Buffer.alloc(1024)) }), 'FILES.TOO_BIG', /^survey\.pdf is 2 KB; the limit is 1 KB per file, so it was not attached\. Split it/);
      const overCap = Buffer.alloc(MAX_FILE_BYTES + 1);
      SAMPLES.pdf.bytes.copy(overCap);
      await refused(store.put({ caseId, fileName: 'huge.pdf', contentType: 'application/pdf', bytes: overCap }), 'FILES.TOO_BIG', /^huge\.pdf is over 25 MB; the limit is 25 MB per file/);
      await refused(store.put({ caseId, fileName: 'setup.exe', contentType: 'application/x-msdownload', bytes: text('MZ\x90\0') }), 'FILES.TYPE_NOT_ALLOWED', /setup\.exe is of a type that cannot be attached \(application\/x-msdownload\)\. Files may be PDF, JPEG/);
      await refused(store.put({ caseId, fileName: 'photos.zip', contentType: 'application/zip', bytes: concat([0x50, 0x4b, 0x03, 0x04]) }), 'FILES.TYPE_NOT_ALLOWED', /photos\.zip/);
      await refused(store.put({ caseId, fileName: 'x', contentType: '', bytes: SAMPLES.pdf.bytes }), 'FILES.TYPE_NOT_ALLOWED', /no type given/);
      await refused(store.put({ caseId, fileName: 'letter.pdf', contentType: 'application/pdf', bytes: SAMPLES.png.bytes }), 'FILES.CONTENT_MISMATCH', /letter\.pdf does not look like a PDF/);
      await refused(store.put({ caseId, fileName: 'damp.png', contentType: 'image/png', bytes: SAMPLES.jpeg.bytes }), 'FILES.CONTENT_MISMATCH', /a PNG image/);
      await refused(store.put({ caseId, fileName: 'report.docx', contentType: SAMPLES.docx.contentType, bytes: concat([0x50, 0x4b, 0x03, 0x04], text('xl/workbook.xml')) }), 'FILES.CONTENT_MISMATCH', /a Word document/);
      await refused(store.put({ caseId, fileName: 'note.txt', contentType: 'text/plain', bytes: SAMPLES.png.bytes }), 'FILES.CONTENT_MISMATCH', /a plain text file/);
      await refused(store.put({ caseId, fileName: 'mail.eml', contentType: 'message/rfc822', bytes: text('just some words') }), 'FILES.CONTENT_MISMATCH', /an email/);
      await refused(store.put({ caseId, fileName: 'folder/', contentType: 'application/pdf', bytes: SAMPLES.pdf.bytes }), 'FILES.BAD_NAME', /no usable name/);
      assert.deepEqual(await store.list(caseId), []);
      assert.deepEqual(await h.rawNames(caseId), []);
    });

    it('a write that fails leaves nothing behind, and the next one works', async () => {
      const { store: failing, arm, disarm } = await h.failingStore();
      const caseId = newCase();
      arm();
      await assert.rejects(failing.put({ caseId, ...SAMPLES.jpeg }), (err: unknown) => {
        assert.ok(err instanceof FileStoreError && !(err instanceof FileRefusedError), String(err));
        assert.equal(err.code, 'FILES.UNAVAILABLE');
        assert.match(err.message, /Could not store damp-bedroom\.jpg .*Nothing was stored\./s);
        return true;
      });
      assert.deepEqual(await store.list(caseId), []);
      assert.deepEqual(await h.rawNames(caseId), []);
      disarm();
      const file = await failing.put({ caseId, ...SAMPLES.jpeg });
      assert.deepEqual((await store.list(caseId)).map((f) => f.fileId), [file.fileId]);
    });

    it('lists a case\'s files oldest first and deletes them all, leaving other cases alone', async () => {
      const a = newCase();
      const b = newCase();
      const first = await store.put({ caseId: a, ...SAMPLES.pdf });
      await new Promise((r) => setTimeout(r, 5));
      const second = await store.put({ caseId: a, ...SAMPLES.png });
      await new Promise((r) => setTimeout(r, 5));
      const third = await store.put({ caseId: a, ...SAMPLES.text });
      const other = await store.put({ caseId: b, ...SAMPLES.pdf });
      assert.deepEqual((await store.list(a)).map((f) => f.fileId), [first.fileId, second.fileId, third.fileId]);
      assert.notEqual(other.fileId, first.fileId, 'the same bytes get a new id');
      assert.equal(other.sha256, first.sha256);

      assert.equal(await store.delete(a, second.fileId), true, 'one file removed');
      assert.equal(await store.delete(a, second.fileId), false, 'and not there the second time');
      await assert.rejects(store.get(a, second.fileId), withCode('FILES.NOT_FOUND'));
      assert.equal(await store.delete(b, first.fileId), false, 'a file of another case is not touched');
      assert.deepEqual((await store.list(a)).map((f) => f.fileId), [first.fileId, third.fileId]);

      assert.equal(await store.deleteCase(a), 2);
      assert.deepEqual(await store.list(a), []);
      assert.deepEqual(await h.rawNames(a), []);
      await assert.rejects(store.get(a, first.fileId), withCode('FILES.NOT_FOUND'));
      assert.deepEqual(await store.list(b), [other]);
      assert.equal(await store.deleteCase(a), 0);
      assert.deepEqual(await store.list(newCase()), []);
    });

    it('detects a stored file changed behind its back, on get and at the end of a stream', async () => {
      const caseId = newCase();
      const file = await store.put({ caseId, ...SAMPLES.pdf });
      const changed = Buffer.from(SAMPLES.pdf.bytes);
      changed[changed.length - 3] = 0x30; // one byte
      await h.tamper(file, changed);
      await assert.rejects(store.get(caseId, file.fileId), (err: unknown) => {
        assert.ok(withCode('FILES.TAMPERED')(err), String(err));
        assert.match((err as Error).message, new RegExp(`has changed since it was stored: its SHA-256 is ${sha256(changed)}, not ${file.sha256}`));
        return true;
      });
      const { stream } = await store.openStream(caseId, file.fileId);
      await assert.rejects(drain(stream), withCode('FILES.TAMPERED'));

      const longer = await store.put({ caseId, ...SAMPLES.text });
      await h.tamper(longer, concat(SAMPLES.text.bytes, text('added later\n')));
      await assert.rejects(store.get(caseId, longer.fileId), withCode('FILES.TAMPERED'));
    });

    it('refuses ids that are not ids (no path or blob name tricks), and says when a file is not there', async () => {
      const caseId = newCase();
      await assert.rejects(store.get('../etc', randomUUID()), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.get(caseId, '../../passwd'), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.list('a/b'), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.deleteCase(''), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.delete(newCase(), '../x'), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.put({ caseId: '..', ...SAMPLES.pdf }), withCode('FILES.INVALID_ID'));
      await assert.rejects(store.get(caseId, randomUUID()), withCode('FILES.NOT_FOUND'));
      await assert.rejects(store.openStream(caseId, randomUUID()), withCode('FILES.NOT_FOUND'));
    });
  });
}
