import { unzipSync, strFromU8 } from 'fflate';
import { extractText } from 'unpdf';

/** The words of a Word document, as a reader sees them: paragraphs and line breaks become new lines. */
export function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
  return xml.replace(/<w:br\/>|<\/w:p>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The words of a PDF, page by page, read with pdf.js as unpdf packages it for servers
 * (no canvas and no native binary needed just to read text).
 */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  return text;
}

/** Whitespace folded, so a phrase wrapped over two lines is still found. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
