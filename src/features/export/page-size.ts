/**
 * Paper sizes a report needs, and how the map's page is set on one: the sheet in pixels at a
 * stated density, the picture scaled to fit inside with white margins, its shape kept.
 * Plain arithmetic, tested in node.
 */
export type PageSizeId = 'a4-landscape' | 'a4-portrait' | 'a3-landscape' | 'a3-portrait' | 'poster-landscape' | 'poster-portrait';

export interface PageSize {
  readonly id: PageSizeId;
  /** Sheet in millimetres, in its orientation. */
  readonly widthMm: number;
  readonly heightMm: number;
  /** Dots per inch: 200 prints a report sharply; a poster is seen from further away. */
  readonly dpi: number;
}

const MM_PER_INCH = 25.4;
/** White margin around the picture, in millimetres (a printer cannot print to the edge). */
export const SHEET_MARGIN_MM = 10;

const A4 = [297, 210] as const;
const A3 = [420, 297] as const;
const A1 = [841, 594] as const;

export const PAGE_SIZES: readonly PageSize[] = [
  { id: 'a4-landscape', widthMm: A4[0], heightMm: A4[1], dpi: 200 },
  { id: 'a4-portrait', widthMm: A4[1], heightMm: A4[0], dpi: 200 },
  { id: 'a3-landscape', widthMm: A3[0], heightMm: A3[1], dpi: 200 },
  { id: 'a3-portrait', widthMm: A3[1], heightMm: A3[0], dpi: 200 },
  { id: 'poster-landscape', widthMm: A1[0], heightMm: A1[1], dpi: 150 },
  { id: 'poster-portrait', widthMm: A1[1], heightMm: A1[0], dpi: 150 },
];

export function pageSize(id: PageSizeId): PageSize {
  const size = PAGE_SIZES.find((s) => s.id === id);
  if (!size) throw new Error(`unknown page size ${id}`);
  return size;
}

export const mmToPx = (mm: number, dpi: number): number => Math.round((mm / MM_PER_INCH) * dpi);

/** The sheet in pixels: A4 landscape at 200 DPI is 2339 × 1654. */
export function sheetPixels(size: PageSize): { width: number; height: number } {
  return { width: mmToPx(size.widthMm, size.dpi), height: mmToPx(size.heightMm, size.dpi) };
}

export interface Placement {
  /** Sheet size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Where the picture goes on the sheet and how much it is scaled, centred in the margins. */
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Fits a picture of `width` × `height` (any unit) inside the sheet's margins, shape kept. */
export function placeOnSheet(size: PageSize, width: number, height: number): Placement {
  if (!(width > 0 && height > 0)) throw new Error('empty picture');
  const sheet = sheetPixels(size);
  const margin = mmToPx(SHEET_MARGIN_MM, size.dpi);
  const scale = Math.min((sheet.width - 2 * margin) / width, (sheet.height - 2 * margin) / height);
  return {
    ...sheet,
    scale,
    x: (sheet.width - width * scale) / 2,
    y: (sheet.height - height * scale) / 2,
  };
}
