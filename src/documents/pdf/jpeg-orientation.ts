/**
 * How far a JPEG must be turned to stand the right way up. Phone cameras store the picture as
 * the sensor saw it and put the way the phone was held in the EXIF Orientation tag; a PDF
 * draws the stored pixels, so without this a photo of a damp wall taken in portrait would lie
 * on its side in the evidence pack. Only turns are read (1, 3, 6, 8); the mirrored values
 * (2, 4, 5, 7) come from editing software, not cameras, and are left as stored.
 */
export type QuarterTurns = 0 | 1 | 2 | 3;

const TURNS: Partial<Record<number, QuarterTurns>> = { 3: 2, 6: 1, 8: 3 };

/** Clockwise quarter turns the picture needs, from the EXIF Orientation tag; 0 if there is none or it cannot be read. */
export function jpegQuarterTurns(bytes: Uint8Array): QuarterTurns {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return 0;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = view.getUint16(at + 2);
    // Start of scan: the picture data begins, and EXIF is always before it.
    if (marker === 0xda) return 0;
    if (marker === 0xe1 && at + 10 <= bytes.length && view.getUint32(at + 4) === 0x45786966 /* "Exif" */) {
      return orientation(view, at + 10, Math.min(at + 2 + length, bytes.length));
    }
    at += 2 + length;
  }
  return 0;
}

/** Reads tag 0x0112 from IFD0 of the TIFF structure at `tiff` (both byte orders). */
function orientation(view: DataView, tiff: number, end: number): QuarterTurns {
  if (tiff + 8 > end) return 0;
  const little = view.getUint16(tiff) === 0x4949; // "II"
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 0;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 0;
    if (view.getUint16(entry, little) === 0x0112) return TURNS[view.getUint16(entry + 8, little)] ?? 0;
  }
  return 0;
}
