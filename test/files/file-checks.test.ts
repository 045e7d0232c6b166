import assert from 'node:assert/strict';
import { ALLOWED_TYPES, checkFile, cleanFileName, contentTypeForFileName, normaliseContentType } from '../../src/files/file-checks';
import { SAMPLES } from './file-store.contract';

describe('file checks', () => {
  it('maps a file name\'s extension to an allowed type, for callers that only have the name', () => {
    assert.equal(contentTypeForFileName('Damp photo.JPG'), 'image/jpeg');
    assert.equal(contentTypeForFileName('letter.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(contentTypeForFileName('reply.msg'), 'application/vnd.ms-outlook');
    assert.equal(contentTypeForFileName('IMG_0042.heic'), 'image/heic');
    assert.equal(contentTypeForFileName('setup.exe'), undefined);
    assert.equal(contentTypeForFileName('no-extension'), undefined);
    for (const name of ['a.pdf', 'a.jpeg', 'a.png', 'a.gif', 'a.heif', 'a.doc', 'a.eml', 'a.txt']) {
      assert.ok(ALLOWED_TYPES[contentTypeForFileName(name) ?? ''], name);
    }
  });

  it('normalises a declared type (case, parameters, common aliases)', () => {
    assert.equal(normaliseContentType('Text/Plain; charset=UTF-8'), 'text/plain');
    assert.equal(normaliseContentType('image/jpg'), 'image/jpeg');
  });

  it('keeps only the last segment of a name, without control characters', () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('C:\\Users\\me\\scan\u0007.pdf'), 'scan.pdf');
    assert.equal(cleanFileName(`${'x'.repeat(300)}.pdf`).length, 255);
    assert.ok(cleanFileName(`${'x'.repeat(300)}.pdf`).endsWith('.pdf'));
  });

  it('the size check comes before the type check, so a big disallowed file is told it is too big', () => {
    assert.throws(() => checkFile({ caseId: 'c', fileName: 'movie.mp4', contentType: 'video/mp4', bytes: Buffer.alloc(2048, 1) }, { maxBytes: 1024 }), { code: 'FILES.TOO_BIG' });
    assert.deepEqual(checkFile({ caseId: 'c', ...SAMPLES.eml }), { fileName: 'reply.eml', contentType: 'message/rfc822' });
  });
});
