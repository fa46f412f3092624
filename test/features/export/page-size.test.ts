import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, pageSize, placeOnSheet, sheetPixels } from '../../../src/features/export/page-size';
import { withPhys } from '../../../src/features/export/png';

describe('report sheets for an exported image', () => {
  it('gives each sheet its pixels at its DPI', () => {
    expect(sheetPixels(pageSize('a4-landscape'))).toEqual({ width: 2339, height: 1654 });
    expect(sheetPixels(pageSize('a4-portrait'))).toEqual({ width: 1654, height: 2339 });
    expect(sheetPixels(pageSize('a3-landscape'))).toEqual({ width: 3307, height: 2339 });
    expect(sheetPixels(pageSize('a3-portrait'))).toEqual({ width: 2339, height: 3307 });
    expect(pageSize('poster-landscape').dpi).toBe(150);
    expect(sheetPixels(pageSize('poster-landscape'))).toEqual({ width: 4967, height: 3508 });
    expect(new Set(PAGE_SIZES.map((s) => s.id)).size).toBe(PAGE_SIZES.length);
  });

  it('fits a wide picture to the width and a tall one to the height, shape kept, centred in white margins', () => {
    const a4 = pageSize('a4-landscape');
    const margin = Math.round((10 / 25.4) * 200); // 79 px
    const wide = placeOnSheet(a4, 3000, 1000);
    expect(wide.scale).toBeCloseTo((2339 - 2 * margin) / 3000, 10);
    expect(wide.x).toBeCloseTo(margin, 6);
    expect(wide.y).toBeCloseTo((1654 - 1000 * wide.scale) / 2, 6);
    expect(wide.y).toBeGreaterThan(margin);

    const tall = placeOnSheet(a4, 800, 1600);
    expect(tall.scale).toBeCloseTo((1654 - 2 * margin) / 1600, 10);
    expect(tall.y).toBeCloseTo(margin, 6);
    expect(tall.x + 800 * tall.scale).toBeCloseTo(2339 - tall.x, 6);

    // A small map is enlarged to fill the sheet, not left as a stamp in the middle.
    expect(placeOnSheet(a4, 400, 300).scale).toBeGreaterThan(4);
    expect(() => placeOnSheet(a4, 0, 300)).toThrow(/empty/);
  });
});

describe('the print density written into a PNG', () => {
  /** A PNG's signature and IHDR chunk (13 data bytes, CRC left at zero: only its place matters here). */
  const header = () => {
    const b = new Uint8Array(33 + 12);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(b.buffer).setUint32(16, 2339);
    new DataView(b.buffer).setUint32(20, 1654);
    b.set([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44], 33); // IEND, CRC omitted
    return b;
  };

  it('puts a pHYs chunk with the DPI in pixels per metre right after the header', () => {
    const png = header();
    const out = withPhys(png, 200);
    expect(out.length).toBe(png.length + 21);
    const view = new DataView(out.buffer, out.byteOffset);
    expect(view.getUint32(33)).toBe(9);
    expect(String.fromCharCode(...out.subarray(37, 41))).toBe('pHYs');
    expect(view.getUint32(41)).toBe(7874); // 200 / 0.0254
    expect(view.getUint32(45)).toBe(7874);
    expect(out[49]).toBe(1);
    // CRC-32 of "pHYs" + data, as any PNG reader checks it (value from zlib.crc32).
    expect(view.getUint32(50)).toBe(crcOf(out.subarray(37, 50)));
    expect([...out.subarray(54)]).toEqual([...png.subarray(33)]);
    expect(view.getUint32(16)).toBe(2339);
  });

  it('leaves anything that is not a PNG alone', () => {
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/> and more bytes here');
    expect(withPhys(text, 200)).toBe(text);
  });
});

/** Node's zlib: an independent implementation of the same CRC. */
const crcOf = (bytes: Uint8Array) => crc32(bytes);
