/**
 * Writes the print density into a PNG (a pHYs chunk) so that a word processor or a print
 * shop places the image at its size on paper (an A4 sheet at 200 DPI prints as A4). Canvas
 * toBlob writes none. Browsers count a CSS pixel as 1/96 inch.
 */
export const CSS_DPI = 96;
const INCH_M = 0.0254;
/** Signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC): pHYs goes right after. */
const AFTER_IHDR = 33;

let table: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const isPng = (bytes: Uint8Array) =>
  bytes.length >= AFTER_IHDR && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';

/** The PNG's bytes with a pHYs chunk for `dpi` after its header; anything else unchanged. */
export function withPhys(bytes: Uint8Array, dpi: number): Uint8Array {
  if (!isPng(bytes)) return bytes;
  const perMetre = Math.round(dpi / INCH_M);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const out = new Uint8Array(bytes.length + chunk.length);
  out.set(bytes.subarray(0, AFTER_IHDR), 0);
  out.set(chunk, AFTER_IHDR);
  out.set(bytes.subarray(AFTER_IHDR), AFTER_IHDR + chunk.length);
  return out;
}

export async function withDensity(png: Blob, dpi: number): Promise<Blob> {
  const bytes = new Uint8Array(await png.arrayBuffer());
  if (!isPng(bytes)) return png;
  return new Blob([withPhys(bytes, dpi) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
