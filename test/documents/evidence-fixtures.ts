import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CaseEvent } from '../../src/domain/case-events';
import type { CaseRecord } from '../../src/domain/case-record';
import { DEMO_DIRECTORY } from '../../src/directory/demo-directory';
import type { PackContext } from '../../src/documents/evidence/evidence-pack';
import type { Block, ReportDocument } from '../../src/reports/document-model';
import { HOS, HOS_CALENDAR, makeCase, respond } from '../reports/fixtures';

/** A real one-page PDF with a line of text: what a scanned letter saved as PDF would be. */
export async function letterPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 60, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.setCreationDate(new Date('2026-03-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-03-01T00:00:00Z'));
  return Buffer.from(await doc.save());
}

/**
 * A real PNG, as a photo of mould would be for the test's purpose: grey-green, with speckle
 * (`noisy`) so that it does not compress to nothing and its size is a photo's.
 */
export function photoPng(size = 64, noisy = false): Buffer {
  const png = new PNG({ width: size, height: size });
  let seed = 42;
  const speckle = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return noisy ? seed % 60 : 0; };
  for (let i = 0; i < size * size; i++) png.data.set([90 + speckle(), 110 + speckle(), 80 + speckle(), 255], i * 4);
  return PNG.sync.write(png);
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * A case with everything the Ombudsman asks about (issue 15): an extension asked for and
 * approved, a pause and a resume, a stage 1 response with a remedy, an escalation and a stage
 * 2 response, the Ombudsman's referral, request, determination with an order, and compliance;
 * two attachments (a PDF and a photo), whose facts come from the file store.
 */
export function packCase(files: { pdf: { fileId: string; bytes: Buffer }; photo: { fileId: string; bytes: Buffer } }): CaseRecord {
  const events: CaseEvent[] = [
    { type: 'received', on: '2026-03-02' },
    { type: 'assigned', on: '2026-03-02', officerId: 'alex.morgan' },
    { type: 'acknowledged', on: '2026-03-03', method: 'email' },
    {
      type: 'correspondence-attached', on: '2026-03-04', fileId: files.photo.fileId, fileName: 'mould-bedroom.png', contentType: 'image/png',
      size: files.photo.bytes.length, sha256: sha256(files.photo.bytes), direction: 'from-resident', dated: '2026-03-04', description: 'Photo of mould above the bedroom window',
    },
    { type: 'extension-requested', on: '2026-03-09', workingDays: 5, reason: 'Waiting for the damp survey booked for 20 March' },
    { type: 'extended', on: '2026-03-10', by: 'priya.shah', workingDays: 5, reason: 'Waiting for the damp survey booked for 20 March', why: 'Approved: the survey is needed' },
    { type: 'paused', on: '2026-03-11', reason: 'The resident is in hospital', complainantConsented: true, why: 'Agreed with the resident by phone' },
    { type: 'resumed', on: '2026-03-16' },
    {
      type: 'correspondence-attached', on: '2026-03-20', fileId: files.pdf.fileId, fileName: 'damp-survey.pdf', contentType: 'application/pdf',
      size: files.pdf.bytes.length, sha256: sha256(files.pdf.bytes), direction: 'from-contractor', dated: '2026-03-20', description: 'Damp survey report from Dryfield Surveys',
    },
    { type: 'note', on: '2026-03-20', why: 'Phoned the resident to explain the survey findings' },
    { ...respond('2026-03-27', 'upheld', 1, { reasons: 'The gutter leak was reported twice and not fixed.' }), actions: [{ id: 'a1', kind: 'repair', description: 'Repair the gutter and treat the mould', due: '2026-04-17' }] } as CaseEvent,
    { type: 'action-completed', on: '2026-04-15', actionId: 'a1', evidence: 'Contractor job sheet 4471 signed off' },
    { type: 'escalation-requested', on: '2026-04-20', why: 'The mould came back' },
    { type: 'assigned', on: '2026-04-20', officerId: 'priya.shah' },
    { type: 'acknowledged', on: '2026-04-21', by: 'priya.shah' },
    { ...respond('2026-05-11', 'not-upheld', 2, { reasons: 'The mould came back because of a new leak, now repaired.' }), by: 'priya.shah' } as CaseEvent,
    { type: 'ombudsman-referred', on: '2026-06-01', by: 'morgan.lee', reference: '202612345' },
    { type: 'ombudsman-information-requested', on: '2026-06-03', by: 'morgan.lee', requestId: 'r1', due: '2026-06-17' },
    { type: 'ombudsman-information-sent', on: '2026-06-10', by: 'morgan.lee', requestId: 'r1' },
    {
      type: 'ombudsman-determined', on: '2026-09-01', by: 'morgan.lee', findings: [{ finding: 'maladministration', about: 'complaint handling' }],
      orders: [{ id: 'o1', kind: 'compensation', description: 'Pay the resident for the delay', due: '2026-09-15', amountPence: 30000 }],
    },
    { type: 'ombudsman-order-complied', on: '2026-09-10', by: 'morgan.lee', orderId: 'o1', evidence: 'BACS payment 88812 on 10 September' },
  ];
  return makeCase('HC-2026-00420', events, { category: 'damp-mould', name: 'Imogen Threlkeld', policy: HOS });
}

export const PACK_CTX: PackContext = {
  policy: HOS, calendar: HOS_CALENDAR, directory: DEMO_DIRECTORY, today: '2026-10-01',
  generatedAt: new Date('2026-10-01T09:30:00Z'), generatedBy: 'Morgan Lee (PIM)', landlordName: 'Riverside Homes',
};

/** Every word a reader sees in the document, block by block, with table cells one per line. */
export function documentText(doc: ReportDocument): string {
  const text = (b: Block): string[] => {
    switch (b.kind) {
      case 'heading': case 'paragraph': return [b.text];
      case 'list': return b.items;
      case 'table': return [...b.head, ...b.rows.flatMap((r) => r.flatMap((c) => c.lines))];
      case 'fill-in': return [b.label];
    }
  };
  return [doc.title, ...doc.subtitle, ...doc.blocks.flatMap(text)].join('\n');
}

