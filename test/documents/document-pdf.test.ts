import { strict as assert } from 'node:assert';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, StandardFonts, type PDFObject } from 'pdf-lib';
import { PNG } from 'pngjs';
import { getDocumentProxy } from 'unpdf';
import { jpegQuarterTurns } from '../../src/documents/pdf/jpeg-orientation';
import { renderDocumentPdf, type PdfAppendix, type PdfRenderOptions } from '../../src/documents/pdf/document-pdf';
import { cell, type Block, type Cell, type ReportDocument } from '../../src/reports/document-model';
import { flat, pdfText } from './read-back';

/**
 * The document PDF read back as a reader meets it: the words on each page (pdf.js, through
 * unpdf), the bookmarks in the sidebar (the /Outlines tree, walked with pdf-lib), and what is
 * on the pages of the attached files.
 */

const CREATED = new Date('2026-11-29T12:00:00Z');
const OPTIONS: PdfRenderOptions = { footer: 'HC-2026-00042 · Evidence pack · part 1 of 2', metadata: { title: 'Evidence pack HC-2026-00042', subject: 'Complaint HC-2026-00042', createdAt: CREATED } };
const HEAD = ['Date of event', 'What happened', 'On time?'];
const TONES = ['yes', 'no', 'partly', 'muted', undefined] as const;

/** Row n (1-based): every 17th has two paragraphs in its middle cell, so rows differ in height. */
function row(n: number): Cell[] {
  const what = n % 17 === 0
    ? [`Visit ${n}: the contractor found mould in the back bedroom and booked the treatment for the following week.`, `Visit ${n} follow-up: the resident was told by phone.`]
    : [`Event number ${n}: a letter or a visit`];
  return [cell(`Day ${n} of the case`), cell(what), cell(['Yes', 'No', 'Partly', 'Not due', 'n/a'][n % 5] ?? '', TONES[n % 5], n % 7 === 0)];
}

const SUMMARY = 'The resident complained on 3 March 2026 about damp and mould in the back bedroom, reported three times since October 2025, and asked for the wall to be treated and the gutter repaired.';
const BLOCKS: Block[] = [
  { kind: 'heading', level: 2, text: 'Summary of the complaint' },
  { kind: 'paragraph', text: SUMMARY },
  { kind: 'paragraph', text: 'Figures are working days under the landlord\'s policy.', style: 'note' },
  { kind: 'paragraph', text: 'Prepared from the case record, not edited by hand.', style: 'small' },
  { kind: 'paragraph', text: 'The stage 1 response was sent 3 working days late.', style: 'warning' },
  { kind: 'heading', level: 3, text: 'What the resident asked for' },
  { kind: 'list', items: ['A permanent repair of the gutter and the wall.', 'Compensation for the damaged furniture and the time taken off work to let the contractors in, twice.', 'An apology.'] },
  { kind: 'heading', level: 3, text: 'Characters: “curly quotes”, £250, café — and 🙂' },
  { kind: 'paragraph', text: 'She wrote: “the mould is back” — £40 for the café receipts 🙂 → refunded.' },
  { kind: 'heading', level: 2, text: 'Timeline', newPage: true },
  { kind: 'table', head: HEAD, widths: [20, 60, 20], rows: Array.from({ length: 200 }, (_, i) => row(i + 1)) },
  { kind: 'heading', level: 2, text: 'The governing body\'s response' },
  { kind: 'heading', level: 3, text: 'Recorded at the meeting' },
  { kind: 'fill-in', label: 'Response', lines: 6 },
];
const DOC: ReportDocument = { title: 'Evidence pack: HC-2026-00042', subtitle: ['Northgate Housing Association', 'Prepared 29 November 2026'], blocks: BLOCKS };

/** A two-page PDF as another program would have made it (a contractor's invoice). */
async function sourcePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const n of [1, 2]) pdf.addPage([420, 595]).drawText(`Contractor invoice page ${n} of 2`, { x: 40, y: 500, size: 14, font });
  return pdf.save();
}

/** A PDF whose trailer says it is encrypted, as a password-protected scan's would. */
async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.context.trailerInfo.Encrypt = pdf.context.register(pdf.context.obj({ Filter: 'Standard', V: 2, R: 3 }));
  return pdf.save();
}

function png(): Uint8Array {
  const image = new PNG({ width: 60, height: 40 });
  image.data.fill(180);
  return PNG.sync.write(image);
}

/** An 8 × 6 px JPEG, drawn on a canvas in Chromium and saved as JPEG (pdf-lib cannot make one). */
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAT/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwC0ASP/2Q==', 'base64');

/** The image XObjects a page draws from. */
function imagesOn(pdf: PDFDocument, index: number): PDFRawStream[] {
  const xobjects = pdf.getPage(index).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  return (xobjects?.values() ?? []).map((ref) => pdf.context.lookup(ref))
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
}

const NOTE = 'Phone call from the resident, 6 March 2026, 10:12.\r\nShe said the mould is back above the window.\r\n\r\nAgreed a visit on Tuesday.';
const APPENDICES: PdfAppendix[] = [
  { title: 'Attachment 1: invoice.pdf', lines: ['Added 4 March 2026, from the contractor', 'SHA-256 9f86d081884c7d65', 'Hash matches'], content: { type: 'pdf', bytes: new Uint8Array() } },
  { title: 'Attachment 2: damp-bedroom.png', lines: ['Added 5 March 2026, from the resident'], warning: 'This file has changed since it was attached.', content: { type: 'image', format: 'png', bytes: png() } },
  { title: 'Attachment 3: phone-note.txt', lines: ['Added 6 March 2026'], content: { type: 'text', text: NOTE } },
  { title: 'Attachment 4: letter.docx', lines: ['Added 7 March 2026'], content: { type: 'none', reason: 'A Word document cannot be shown in a PDF.' } },
];

async function appendices(): Promise<PdfAppendix[]> {
  const bytes = await sourcePdf();
  return APPENDICES.map((a) => (a.content.type === 'pdf' ? { ...a, content: { type: 'pdf', bytes } } : a));
}

interface Mark { title: string; page: number; children: Mark[] }

function titleOf(item: PDFDict): string {
  const title = item.lookup(PDFName.of('Title'));
  assert.ok(title instanceof PDFHexString || title instanceof PDFString, 'a bookmark has a title');
  return title.decodeText();
}

/** The bookmarks as a reader's sidebar lists them, with the index of the page each opens; checks the links on the way. */
function bookmarks(pdf: PDFDocument): { marks: Mark[]; count: number } {
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  const rootRef = pdf.catalog.get(PDFName.of('Outlines'));
  assert.ok(rootRef instanceof PDFRef, 'the catalog has /Outlines');
  const walk = (parentRef: PDFRef): Mark[] => {
    const parent = pdf.context.lookup(parentRef, PDFDict);
    const marks: Mark[] = [];
    let ref: PDFObject | undefined = parent.get(PDFName.of('First'));
    let previous: PDFRef | undefined;
    while (ref instanceof PDFRef) {
      const item = pdf.context.lookup(ref, PDFDict);
      assert.equal(item.get(PDFName.of('Parent'))?.toString(), parentRef.toString(), 'Parent points up');
      assert.equal(item.get(PDFName.of('Prev'))?.toString(), previous?.toString(), 'Prev points back');
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      const page = pages.get(dest.get(0).toString());
      assert.ok(page !== undefined, `${titleOf(item)} points at a page of this document`);
      marks.push({ title: titleOf(item), page, children: walk(ref) });
      previous = ref;
      ref = item.get(PDFName.of('Next'));
    }
    assert.equal(parent.get(PDFName.of('Last'))?.toString(), previous?.toString(), 'Last is the last item');
    return marks;
  };
  const count = pdf.context.lookup(rootRef, PDFDict).lookup(PDFName.of('Count'), PDFNumber).asNumber();
  return { marks: walk(rootRef), count };
}

const pageOf = (pages: string[], text: string): number => pages.findIndex((p) => flat(p).includes(text));
const occurrences = (text: string, word: string): number => text.split(word).length - 1;

describe('the document PDF', function () {
  let bytes: Uint8Array;
  let pages: string[];
  let pdf: PDFDocument;
  let plainPages: number;

  before(async function () {
    const plain = await renderDocumentPdf(DOC, OPTIONS);
    plainPages = (await PDFDocument.load(plain)).getPageCount();
    bytes = await renderDocumentPdf(DOC, { ...OPTIONS, appendices: await appendices() });
    pages = await pdfText(bytes);
    pdf = await PDFDocument.load(bytes);
  });

  it('has every heading, paragraph, list item and table cell in it, the title and subtitle first', function () {
    const all = flat(pages.join('\n'));
    assert.ok(flat(pages[0] ?? '').startsWith('Evidence pack: HC-2026-00042 Northgate Housing Association Prepared 29 November 2026'), pages[0]);
    const expected = BLOCKS.flatMap((b): string[] => {
      switch (b.kind) {
        case 'heading': return [b.text];
        case 'paragraph': return [b.text];
        case 'list': return b.items;
        case 'table': return [...b.head, ...b.rows.flatMap((r) => r.flatMap((c) => c.lines))];
        case 'fill-in': return [b.label];
      }
    }).map((t) => t.replace('🙂', '?').replace('→', '->'));
    const missing = expected.filter((t) => !all.includes(flat(t)));
    assert.deepEqual(missing, []);
  });

  it('shows typed characters the standard font has (“”, £, é, —) and replaces the rest, without failing', function () {
    const all = flat(pages.join('\n'));
    assert.ok(all.includes('She wrote: “the mould is back” — £40 for the café receipts ? -> refunded.'), all);
    assert.ok(all.includes('HC-2026-00042 · Evidence pack · part 1 of 2'), 'the footer keeps its middle dots');
  });

  it('runs the 200-row table over several pages with the header row at the top of each, and never splits a row', function () {
    const tablePages = pages.filter((p) => /Event number \d+:/.test(p));
    assert.ok(tablePages.length >= 4, `the table spans ${tablePages.length} pages`);
    for (const p of tablePages) assert.equal(occurrences(flat(p), 'What happened'), 1, p.slice(0, 200));
    assert.equal(occurrences(flat(pages.join('\n')), 'What happened'), tablePages.length);
    // The header sits above the rows on a continued page, not below them.
    const continued = flat(tablePages[1] ?? '');
    assert.ok(continued.indexOf('What happened') < continued.indexOf('Event number'), continued.slice(0, 200));
    for (let n = 17; n <= 200; n += 17) {
      assert.equal(pageOf(pages, `Visit ${n}: the contractor`), pageOf(pages, `Visit ${n} follow-up`), `row ${n} is on one page`);
      assert.equal(pageOf(pages, `Day ${n} of the case`), pageOf(pages, `Visit ${n}: the contractor`), `row ${n} is on one page`);
    }
  });

  it('starts a heading marked newPage on a new page', function () {
    const page = pageOf(pages, 'Timeline');
    assert.ok(page > 0);
    assert.ok(flat(pages[page] ?? '').startsWith('Timeline What happened') || flat(pages[page] ?? '').startsWith('Timeline Date of event'), pages[page]);
  });

  it('numbers every page "Page N of M", the merged pages of an attached PDF too', function () {
    assert.equal(pages.length, pdf.getPageCount());
    for (const [i, p] of pages.entries()) {
      assert.ok(flat(p).includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1}: ${p.slice(-120)}`);
      assert.ok(flat(p).includes('HC-2026-00042 · Evidence pack'), `page ${i + 1} has the footer`);
    }
  });

  it('bookmarks the level-2 headings with their level-3 headings inside, and the attachments, each opening its page', function () {
    assert.equal(pdf.catalog.get(PDFName.of('PageMode'))?.toString(), '/UseOutlines');
    const { marks, count } = bookmarks(pdf);
    const shape = (m: Mark): unknown => ({ title: m.title, children: m.children.map(shape) });
    assert.deepEqual(marks.map(shape), [
      { title: 'Summary of the complaint', children: [{ title: 'What the resident asked for', children: [] }, { title: 'Characters: “curly quotes”, £250, café — and 🙂', children: [] }] },
      { title: 'Timeline', children: [] },
      { title: 'The governing body\'s response', children: [{ title: 'Recorded at the meeting', children: [] }] },
      { title: 'Attachments', children: APPENDICES.map((a) => ({ title: a.title, children: [] })) },
    ]);
    assert.equal(count, 11, 'the root counts every open item');
    const all = marks.flatMap((m) => [m, ...m.children]);
    for (const m of all) {
      // The page's text has the heading (sanitised as drawn); the bookmark keeps every character.
      const drawn = m.title === 'Attachments' ? 'Attachment 1: invoice.pdf' : m.title.replace('🙂', '?');
      assert.ok(flat(pages[m.page] ?? '').includes(drawn), `${m.title} opens page ${m.page + 1}`);
    }
  });

  it('has bookmarks pdf.js reads the same way (a second reader, not the writer\'s own library)', async function () {
    const reader = await getDocumentProxy(new Uint8Array(bytes));
    interface Item { title: string; dest: unknown; items: Item[] }
    const list = async (items: Item[]): Promise<unknown[]> => Promise.all(items.map(async (i) => {
      const dest = i.dest as [Parameters<typeof reader.getPageIndex>[0], ...unknown[]];
      return { title: i.title, page: await reader.getPageIndex(dest[0]), items: await list(i.items) };
    }));
    const shape = (m: Mark): unknown => ({ title: m.title, page: m.page, items: m.children.map(shape) });
    assert.deepEqual(await list(await reader.getOutline() as Item[]), bookmarks(pdf).marks.map(shape));
    assert.equal(await reader.getPageMode(), 'UseOutlines');
  });

  it('merges an attached PDF\'s pages after its heading page', function () {
    assert.equal(pdf.getPageCount(), plainPages + 4 /* heading pages */ + 2 /* the invoice */);
    const heading = pageOf(pages, 'Attachment 1: invoice.pdf');
    assert.equal(heading, plainPages);
    assert.ok(flat(pages[heading] ?? '').includes('Hash matches'));
    assert.ok(flat(pages[heading + 1] ?? '').includes('Contractor invoice page 1 of 2'));
    assert.ok(flat(pages[heading + 2] ?? '').includes('Contractor invoice page 2 of 2'));
    assert.deepEqual(pdf.getPage(heading + 1).getSize(), { width: 420, height: 595 }, 'a merged page keeps its own size');
  });

  it('embeds an attached image on its page under the heading and the warning', function () {
    const page = pageOf(pages, 'Attachment 2: damp-bedroom.png');
    assert.ok(flat(pages[page] ?? '').includes('This file has changed since it was attached.'));
    assert.equal(imagesOn(pdf, page).length, 1);
  });

  it('embeds a JPEG as it is (DCT), even from bytes that are a view into a larger buffer', async function () {
    // Node's small Buffers share one pool; pdf-lib's JPEG reader ignores a view's offset.
    const view = new Uint8Array([0, 0, ...JPEG, 0]).subarray(2, 2 + JPEG.length);
    const one = await renderDocumentPdf({ title: 'Photo', subtitle: [], blocks: [] }, { ...OPTIONS, appendices: [
      { title: 'Attachment 1: wall.jpg', lines: [], content: { type: 'image', format: 'jpeg', bytes: view } },
    ] });
    const loaded = await PDFDocument.load(one);
    const [image, ...more] = imagesOn(loaded, 1);
    assert.equal(more.length, 0);
    assert.equal(image?.dict.get(PDFName.of('Filter')), PDFName.of('DCTDecode'));
    assert.equal(image?.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber(), 8);
  });

  it('prints an attached text file and the reason a file cannot be shown', function () {
    const text = flat(pages[pageOf(pages, 'Attachment 3: phone-note.txt')] ?? '');
    assert.ok(text.includes(flat(NOTE)), text);
    assert.ok(flat(pages[pageOf(pages, 'Attachment 4: letter.docx')] ?? '').includes('A Word document cannot be shown in a PDF.'));
  });

  it('says so, and carries on, when an attached PDF or image cannot be read', async function () {
    const broken: PdfAppendix[] = [
      { title: 'Attachment 1: scan.pdf', lines: [], content: { type: 'pdf', bytes: new TextEncoder().encode('not a pdf at all') } },
      { title: 'Attachment 2: photo.png', lines: [], content: { type: 'image', format: 'png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) } },
      { title: 'Attachment 3: photo.jpg', lines: [], content: { type: 'image', format: 'jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) } },
      { title: 'Attachment 4: locked.pdf', lines: [], content: { type: 'pdf', bytes: await encryptedPdf() } },
      { title: 'Attachment 5: note.txt', lines: [], content: { type: 'text', text: 'Still here.' } },
    ];
    const read = await pdfText(await renderDocumentPdf({ title: 'Pack', subtitle: [], blocks: [] }, { ...OPTIONS, appendices: broken }));
    assert.equal(read.length, 6);
    assert.match(flat(read[1] ?? ''), /Attachment 1: scan\.pdf This file could not be read as a PDF, so its pages could not be included here \(.+\)\./);
    assert.match(flat(read[2] ?? ''), /Attachment 2: photo\.png This file could not be read as a PNG image, so it is not shown here/);
    assert.match(flat(read[3] ?? ''), /Attachment 3: photo\.jpg This file could not be read as a JPEG image, so it is not shown here/);
    assert.ok(flat(read[4] ?? '').includes('This PDF is password-protected (encrypted), so its pages could not be included here.'), read[4]);
    assert.ok(flat(read[5] ?? '').includes('Still here.'));
  });

  it('keeps a heading with the first line of what follows, wherever the page ends', async function () {
    let crossed = 0;
    for (let filler = 26; filler <= 38; filler += 1) {
      const blocks: Block[] = [
        ...Array.from({ length: filler }, (_, i): Block => ({ kind: 'paragraph', text: `Filler line ${i + 1}.`, style: 'small' })),
        { kind: 'heading', level: 2, text: 'Next section' },
        { kind: 'heading', level: 3, text: 'Its first part' },
        { kind: 'paragraph', text: 'First words after the heading.' },
      ];
      const read = await pdfText(await renderDocumentPdf({ title: 'Keep', subtitle: [], blocks }, OPTIONS));
      const heading = pageOf(read, 'Next section');
      assert.equal(pageOf(read, 'Its first part'), heading, `filler ${filler}`);
      assert.equal(pageOf(read, 'First words after the heading.'), heading, `filler ${filler}`);
      if (heading > 0) crossed += 1;
    }
    assert.ok(crossed > 0 && crossed < 13, `the fillers put the heading at the foot of page 1 (${crossed} of 13 moved on)`);
  });

  it('splits a row taller than a page between lines, under a repeated header, losing no line', async function () {
    const tall = Array.from({ length: 90 }, (_, i) => `Line ${i + 1} of the long note.`);
    const read = await pdfText(await renderDocumentPdf({ title: 'Tall', subtitle: [], blocks: [
      { kind: 'table', head: HEAD, widths: [1, 3, 1], rows: [row(1), [cell('Day 2'), cell(tall), cell('Yes', 'yes')], row(3)] },
    ] }, OPTIONS));
    const all = flat(read.join('\n'));
    let at = 0;
    for (const line of tall) {
      const next = all.indexOf(line, at);
      assert.ok(next >= at, `${line} is there, in order`);
      at = next;
    }
    const last = pageOf(read, 'Line 90 of the long note.');
    assert.ok(last > pageOf(read, 'Line 1 of the long note.'), 'the row runs onto a second page');
    assert.ok(flat(read[last] ?? '').startsWith('Date of event What happened On time?'), read[last]);
    assert.ok(flat(read[last] ?? '').includes('Event number 3'), 'the next row follows');
  });

  it('gives the same bytes for the same input, with the title, subject and dates given', async function () {
    const again = await renderDocumentPdf(DOC, { ...OPTIONS, appendices: await appendices() });
    assert.ok(Buffer.from(again).equals(Buffer.from(bytes)), 'identical bytes');
    const loaded = await PDFDocument.load(bytes, { updateMetadata: false });
    assert.equal(loaded.getTitle(), 'Evidence pack HC-2026-00042');
    assert.equal(loaded.getSubject(), 'Complaint HC-2026-00042');
    assert.equal(loaded.getCreationDate()?.toISOString(), CREATED.toISOString());
    assert.equal(loaded.getModificationDate()?.toISOString(), CREATED.toISOString());
  });
});

describe('a JPEG\'s EXIF orientation', function () {
  /** SOI, an APP1 Exif segment whose IFD0 holds only Orientation, then the start of scan. */
  function jpeg(orientation: number, little: boolean): Uint8Array {
    const tiff = new DataView(new ArrayBuffer(26));
    tiff.setUint16(0, little ? 0x4949 : 0x4d4d);
    tiff.setUint16(2, 42, little);
    tiff.setUint32(4, 8, little);
    tiff.setUint16(8, 1, little);
    tiff.setUint16(10, 0x0112, little);
    tiff.setUint16(12, 3, little);
    tiff.setUint32(14, 1, little);
    tiff.setUint16(18, orientation, little);
    const exif = [...new TextEncoder().encode('Exif'), 0, 0, ...new Uint8Array(tiff.buffer)];
    return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, exif.length + 2, ...exif, 0xff, 0xda, 0, 2]);
  }

  it('says how far a phone photo must turn to stand upright', function () {
    assert.equal(jpegQuarterTurns(jpeg(6, false)), 1);
    assert.equal(jpegQuarterTurns(jpeg(3, true)), 2);
    assert.equal(jpegQuarterTurns(jpeg(8, true)), 3);
    assert.equal(jpegQuarterTurns(jpeg(1, false)), 0);
    assert.equal(jpegQuarterTurns(new Uint8Array([0xff, 0xd8, 0xff])), 0, 'a cut-off file is left as it is');
  });
});
