import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ReportDocument } from '../../reports/document-model';
import { Flow } from './page-flow';
import { drawAppendix } from './pdf-appendix';
import { drawBlocks, drawTitle } from './pdf-blocks';
import { writeOutline, type Bookmark } from './pdf-outline';
import { stampFooters } from './page-footer';

/**
 * A ReportDocument as a PDF (the Housing Ombudsman evidence pack is the first user): the same
 * blocks as the HTML page and the Word file, on A4 in Helvetica, with bookmarks for the
 * headings, "Page N of M" on every page, and the case's files appended after the document.
 * Bytes in, bytes out: no clock, no files, no network, and the same input gives the same bytes
 * (the dates come from the caller; pdf-lib's resource names come from a fixed seed).
 */
export interface PdfAppendix {
  /** Its bookmark and heading, e.g. "Attachment 2: damp-bedroom.jpg". */
  title: string;
  /** Lines printed under the heading (facts: date, direction, size, SHA-256, "hash matches" or a warning). */
  lines: string[];
  /** Shown in the warning style (e.g. the file was changed since it was attached). */
  warning?: string;
  content:
    /** Its pages merged in after the heading page; a PDF pdf-lib cannot load is explained instead. */
    | { type: 'pdf'; bytes: Uint8Array }
    /** Embedded, scaled to fit the page under the heading (a JPEG turned upright by its EXIF tag); a broken image is explained instead. */
    | { type: 'image'; format: 'jpeg' | 'png'; bytes: Uint8Array }
    /** Printed in Courier, wrapped and paginated (a phone note, an email's text). */
    | { type: 'text'; text: string }
    /** Nothing to show (a Word file, say): the reason is printed. */
    | { type: 'none'; reason: string };
}

export interface PdfRenderOptions {
  /** Footer on every page, left: e.g. "HC-2026-00042 · Evidence pack · part 1 of 2". Right: "Page N of M". */
  footer: string;
  appendices?: PdfAppendix[];
  /** The top-level bookmark the appendices sit under; "Attachments" unless given. */
  appendicesBookmark?: string;
  /** Document metadata title/subject/creation date (passed in: no clock inside). */
  metadata: { title: string; subject?: string; createdAt: Date };
}

export async function renderDocumentPdf(doc: ReportDocument, options: PdfRenderOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    mono: await pdf.embedFont(StandardFonts.Courier),
  };
  const flow = new Flow(pdf, fonts);
  drawTitle(flow, doc);
  const bookmarks: Bookmark[] = drawBlocks(flow, doc.blocks);

  const attached: Bookmark[] = [];
  for (const appendix of options.appendices ?? []) attached.push(await drawAppendix(flow, appendix));
  const first = attached[0];
  if (first) bookmarks.push({ title: options.appendicesBookmark ?? 'Attachments', page: first.page, top: first.top, children: attached });

  stampFooters(pdf.getPages(), options.footer, fonts);
  writeOutline(pdf, bookmarks);

  const { title, subject, createdAt } = options.metadata;
  pdf.setTitle(title, { showInWindowTitleBar: true });
  if (subject) pdf.setSubject(subject);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Housing complaints bot');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  return pdf.save();
}
