import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { PACK_SECTIONS } from '../../src/documents/evidence/evidence-pack';
import { makeEvidencePack } from '../../src/documents/evidence/make-evidence-pack';
import { eventWords } from '../../src/documents/evidence/pack-words';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { CaseRecord } from '../../src/domain/case-record';
import { FolderFileStore } from '../../src/files/folder-file-store';
import { letterPdf, PACK_CTX, packCase, photoPng } from './evidence-fixtures';
import { flat, pdfText } from './read-back';

const CASE_ID = 'case-evidence-1';

/** The PDF's bookmarks (its outline), top level, as a reader's sidebar lists them. */
async function bookmarks(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    titles.push(title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : String(title));
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return titles;
}

// The pack as files (issue 15), from a case with an extension, a pause, a stage 2, two
// attachments (a PDF and a photo) and an Ombudsman order; the files in a real folder store.
describe('the evidence pack as PDF and HTML, with the attached files', function () {
  this.timeout(60_000);
  let dir: string;
  let files: FolderFileStore;
  let record: CaseRecord;
  let survey: Buffer;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-'));
    files = new FolderFileStore({ dir });
    survey = await letterPdf('Damp survey: rising damp in the rear wall.');
    const photo = photoPng(500, true);
    const pdfFile = await files.put({ caseId: CASE_ID, fileName: 'damp-survey.pdf', contentType: 'application/pdf', bytes: survey });
    const photoFile = await files.put({ caseId: CASE_ID, fileName: 'mould-bedroom.png', contentType: 'image/png', bytes: photo });
    record = { ...packCase({ pdf: { fileId: pdfFile.fileId, bytes: survey }, photo: { fileId: photoFile.fileId, bytes: photo } }), id: CASE_ID };
  });

  it('one PDF: every section and every event, the survey\'s own page merged in, the photo embedded, bookmarks per section and page numbers', async () => {
    const parts = await makeEvidencePack(record, PACK_CTX, files, 'pdf');
    assert.equal(parts.length, 1);
    assert.equal(parts[0]!.name, 'HC-2026-00420-evidence-pack-2026-10-01.pdf');
    const pages = await pdfText(parts[0]!.body);
    const text = flat(pages.join('\n'));
    for (const section of PACK_SECTIONS) assert.ok(text.includes(section), `section ${section}`);
    for (const e of record.events) {
      const words = flat(eventWords(e, DEMO_DIRECTORY));
      assert.ok(text.includes(words.slice(0, 60)), `the event: ${words}`);
    }
    assert.ok(text.includes('Damp survey: rising damp in the rear wall.'), 'the survey PDF is merged in');
    assert.ok(!text.includes('CHANGED since'), 'both files are unchanged');
    assert.match(flat(pages.at(-1)!), new RegExp(`Page ${pages.length} of ${pages.length}`));
    assert.match(flat(pages[0]!), new RegExp(`HC-2026-00420 · Evidence pack.*Page 1 of ${pages.length}`));

    const marks = await bookmarks(parts[0]!.body);
    for (const section of PACK_SECTIONS) assert.ok(marks.includes(section), `bookmark ${section}: ${marks.join(' / ')}`);
    const doc = await PDFDocument.load(parts[0]!.body);
    const images = doc.getPages().filter((p) => {
      const xobjects = p.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
      return xobjects?.entries().some(([, ref]) => (doc.context.lookup(ref) as { dict?: PDFDict } | undefined)?.dict?.get(PDFName.of('Subtype'))?.toString() === '/Image');
    });
    assert.equal(images.length, 1, 'the photo is on one page');
  });

  it('a file changed since it was attached is flagged in the pack and not included', async () => {
    const event = record.events.find((e) => e.type === 'correspondence-attached' && e.fileName === 'damp-survey.pdf');
    assert.ok(event?.type === 'correspondence-attached');
    writeFileSync(path.join(dir, CASE_ID, event.fileId), await letterPdf('A different survey, swapped in later.'));
    const [pack] = await makeEvidencePack(record, PACK_CTX, files, 'pdf');
    const text = flat((await pdfText(pack!.body)).join('\n'));
    assert.ok(text.includes('CHANGED since it was attached'), 'flagged');
    assert.ok(text.includes('Warning: 1 file does not match what was attached: damp-survey.pdf (changed).'));
    assert.ok(!text.includes('A different survey'), 'the changed file is not put in the pack');
    assert.ok(!text.includes('rising damp in the rear wall'));
  });

  it('over the limit, the pack comes in numbered parts, each under it and each with the cover', async () => {
    const whole = (await makeEvidencePack(record, PACK_CTX, files, 'pdf'))[0]!.body.length;
    const limit = Math.floor(whole * 0.8);
    const parts = await makeEvidencePack(record, PACK_CTX, files, 'pdf', limit);
    assert.ok(parts.length >= 2, `${parts.length} parts`);
    for (const [i, part] of parts.entries()) {
      assert.ok(part.body.length <= limit, `part ${i + 1} is ${part.body.length} bytes, over ${limit}`);
      assert.equal(part.name, `HC-2026-00420-evidence-pack-2026-10-01-part-${i + 1}-of-${parts.length}.pdf`);
      const text = flat((await pdfText(part.body)).join('\n'));
      assert.ok(text.includes('Complaint file HC-2026-00420') && text.includes('Imogen Threlkeld'), `part ${i + 1} has the cover`);
      assert.ok(text.includes(`part ${i + 1} of ${parts.length}`), `part ${i + 1} says which part it is`);
    }
  });

  it('as one HTML page: the sections, the photo shown inline, the survey listed with its hash', async () => {
    const [page] = await makeEvidencePack(record, PACK_CTX, files, 'html');
    const html = page!.body.toString('utf8');
    for (const section of PACK_SECTIONS) assert.ok(html.includes(`<h2>${section}</h2>`), section);
    assert.match(html, /<img alt="Photo of mould above the bedroom window" style="max-width:100%" src="data:image\/png;base64,/);
    assert.ok(html.includes('damp-survey.pdf'));
    assert.ok(!/<script/i.test(html), 'no script');
  });
});
