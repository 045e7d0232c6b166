import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * Bookmarks (the PDF outline a reader shows in its sidebar). pdf-lib has no API for them, so
 * the /Outlines tree is written as the PDF specification (ISO 32000-1, 12.3.3) lays it out: a
 * root with First/Last/Count, and items linked by Parent/Prev/Next, each with a destination
 * [page /XYZ left top null] that opens the page at the heading and keeps the reader's zoom.
 */
export interface Bookmark {
  title: string;
  page: PDFRef;
  /** Where the heading's top is on the page, in points from its foot. */
  top: number;
  children: Bookmark[];
}

/** Writes the items under `parent` and returns how many are visible (all open, as a contents list). */
function writeItems(pdf: PDFDocument, parentRef: PDFRef, parent: PDFDict, items: Bookmark[]): number {
  const { context } = pdf;
  const refs = items.map(() => context.nextRef());
  let visible = 0;
  for (const [i, item] of items.entries()) {
    const dict = context.obj({});
    // A hex string in UTF-16: bookmark titles keep every character, unlike the standard fonts on the page.
    dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
    dict.set(PDFName.of('Parent'), parentRef);
    dict.set(PDFName.of('Dest'), context.obj([item.page, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(Math.round(item.top)), PDFNull]));
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) dict.set(PDFName.of('Prev'), prev);
    if (next) dict.set(PDFName.of('Next'), next);
    const ref = refs[i] ?? context.nextRef();
    const open = item.children.length ? writeItems(pdf, ref, dict, item.children) : 0;
    if (open) dict.set(PDFName.of('Count'), PDFNumber.of(open));
    context.assign(ref, dict);
    visible += 1 + open;
  }
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (first && last) {
    parent.set(PDFName.of('First'), first);
    parent.set(PDFName.of('Last'), last);
  }
  return visible;
}

/** Adds the bookmarks to the document and asks readers to open with the sidebar showing them. */
export function writeOutline(pdf: PDFDocument, bookmarks: Bookmark[]): void {
  if (!bookmarks.length) return;
  const { context } = pdf;
  const rootRef = context.nextRef();
  const root = context.obj({ Type: 'Outlines' });
  root.set(PDFName.of('Count'), PDFNumber.of(writeItems(pdf, rootRef, root, bookmarks)));
  context.assign(rootRef, root);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
