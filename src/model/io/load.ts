import type * as Y from 'yjs';
import { parseImportFiles, type FileData, type ImportFile } from './detect';
import { ioIssue } from './issues';
import type { ParseResult } from './parsed';
import { looksBinarySpreadsheet } from './xlsx/magic';
import type { XlsxExportOptions } from './xlsx';

/**
 * The entry points that may need the Excel code, which is loaded here with a dynamic import
 * and only for a workbook: a CSV or a Trame file never brings it, and the first load of the
 * app stays as it was. Everything else goes to the synchronous readers (detect.ts).
 */
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|ods)$/i;
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function bytesOf(data: FileData): Uint8Array | null {
  if (typeof data === 'string') return null;
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Whether a file is (or claims to be) a spreadsheet: its first bytes, its name, its type. */
export function isSpreadsheetFile(f: ImportFile): boolean {
  const bytes = bytesOf(f.data);
  return (bytes !== null && looksBinarySpreadsheet(bytes))
    || SPREADSHEET_NAME.test(f.name)
    || (f.contentType ?? '').toLowerCase().startsWith(XLSX_MEDIA_TYPE);
}

export async function parseSpreadsheet(name: string, data: Uint8Array): Promise<ParseResult> {
  const { parseXlsx } = await import('./xlsx');
  return parseXlsx(name, data);
}

/** Like parseImportFiles, with workbooks: one workbook alone, or text files as before. */
export async function parseImportFilesAsync(files: readonly ImportFile[]): Promise<ParseResult> {
  const sheets = files.filter(isSpreadsheetFile);
  if (sheets.length === 0) return parseImportFiles(files);
  if (files.length > 1) return { ok: false, errors: [ioIssue('import.fileCombination')] };
  const [f] = sheets as [ImportFile];
  const bytes = bytesOf(f.data);
  if (bytes === null) return { ok: false, errors: [ioIssue('text.binary')] };
  return parseSpreadsheet(f.name, bytes);
}

export async function exportXlsxAsync(doc: Y.Doc, options: XlsxExportOptions = {}): Promise<Uint8Array> {
  const { exportXlsx } = await import('./xlsx');
  return exportXlsx(doc, options);
}
