import { ioIssue } from '../issues';
import type { ParseResult } from '../parsed';
import { tooLarge } from '../text';
import { readLayouts } from './layouts';
import { readWorkbook } from './workbook';

/**
 * Excel workbooks in and out, on fflate (zip) and Trame's own strict XML reader. Loaded with a
 * dynamic import only when a workbook is imported or exported, so the first load of the app
 * does not carry it.
 */
export { exportXlsx, XLSX_CONTENT_TYPE, type XlsxExportOptions } from './export';
export { MAX_XLSX_UNPACKED_BYTES } from './workbook';

export function parseXlsx(name: string, data: Uint8Array): ParseResult {
  const big = tooLarge(data.length);
  if (big) return { ok: false, errors: [big] };
  if (data.length === 0) return { ok: false, errors: [ioIssue('text.empty')] };
  const book = readWorkbook(name, data);
  if (!book.ok) return book;
  return readLayouts(name, book.sheets, book.warnings);
}
