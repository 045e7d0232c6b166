import type { PDFFont } from 'pdf-lib';

/**
 * Text for pdf-lib's standard fonts (Helvetica, Courier), shared by the letter and the
 * document renderer. The standard fonts are never embedded, so every PDF reader shows them and
 * the files stay small, but they encode only Windows-1252 (WinAnsi): anything else would make
 * pdf-lib throw, so it is replaced here before it is measured or drawn.
 */

const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

/** Letters with no accent to strip that the standard fonts lack. */
const PLAIN: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', '→': '->', '←': '<-', '≤': '<=', '≥': '>=' };

/** A font's character set as a Set, made once per font: a table of 200 rows asks thousands of times. */
const charsets = new WeakMap<PDFFont, Set<number>>();
function charset(font: PDFFont): Set<number> {
  let known = charsets.get(font);
  if (!known) {
    known = new Set(font.getCharacterSet());
    charsets.set(font, known);
  }
  return known;
}

/**
 * Characters the standard fonts cannot show (Windows-1252 only) become their nearest plain
 * form (ă to a, Ł to L), else "?", so a typed arrow or emoji never fails the document. The Word
 * document keeps every character.
 */
export function printable(font: PDFFont, text: string): string {
  const known = charset(font);
  const shows = (s: string): boolean => Array.from(s).every((ch) => known.has(ch.codePointAt(0) ?? 0));
  const plain = text.normalize('NFC').replace(/[\u2010-\u2012]/g, '-').replace(/\t/g, ' ');
  // Nearly all text is plain already: skip segmenting it into graphemes (the same result, faster).
  if (shows(plain)) return plain;
  return Array.from(graphemes.segment(plain), ({ segment }) => {
    if (shows(segment)) return segment;
    const near = PLAIN[segment] ?? segment.normalize('NFD').replace(/\p{M}/gu, '');
    return near && shows(near) ? near : '?';
  }).join('');
}

/** Breaks text into lines no wider than `width`; a word longer than a line is split. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) { line = candidate; continue; }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
