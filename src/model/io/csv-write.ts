import Papa from 'papaparse';
import { snapshotOf, themeNamer, uniqueLabels, type ExportSource } from './source';
import { FACTOR_COLUMNS, LINK_COLUMNS } from './csv-table';

export interface CsvExportOptions {
  /**
   * For French Excel: a BOM so it reads UTF-8 accents, and `;` as it expects. Off by default
   * because R and pandas read the plain file as it is (pandas would keep the BOM in the first
   * column name).
   */
  readonly excel?: boolean;
  /**
   * Texts exactly as written. By default a text that a spreadsheet would run as a formula
   * (starting with `=`, `+`, `-`, `@`, a tab or a return) gets a leading apostrophe, so the
   * file a facilitator downloads is safe to open in Excel or LibreOffice, whoever typed the
   * labels; `raw` is for R and pandas when the apostrophe would be in the way.
   */
  readonly raw?: boolean;
}

const asWritten = (v: string): string => v;

/** Texts starting like a formula; the polarity column is left alone (`+`, `-` are data). */
export function guardFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(header: readonly string[], rows: string[][], options: CsvExportOptions): string {
  const excel = options.excel === true;
  const body = Papa.unparse({ fields: [...header], data: rows }, {
    delimiter: excel ? ';' : ',',
    newline: '\r\n',
    quotes: false,
  });
  return (excel ? '\uFEFF' : '') + body + '\r\n';
}

/** cause,effect,polarity,strength,delay,note — causes and effects named by their labels. */
export function exportLinksCsv(source: ExportSource, options: CsvExportOptions = {}): string {
  const snap = snapshotOf(source);
  const labels = uniqueLabels(snap.factors);
  const t = options.raw ? asWritten : guardFormula;
  const rows = snap.links.map((l) => [
    t(labels.get(l.source) ?? ''),
    t(labels.get(l.target) ?? ''),
    l.polarity,
    l.strength === undefined ? '' : String(l.strength),
    l.delay ? 'true' : 'false',
    t(l.notes ?? ''),
  ]);
  return toCsv(LINK_COLUMNS, rows, options);
}

/** label,theme,note — one row per factor, in the map's order. */
export function exportFactorsCsv(source: ExportSource, options: CsvExportOptions = {}): string {
  const snap = snapshotOf(source);
  const labels = uniqueLabels(snap.factors);
  const t = options.raw ? asWritten : guardFormula;
  const themeName = themeNamer(source);
  const rows = snap.factors.map((f) => [
    t(labels.get(f.id) ?? f.label),
    t(themeName(f)),
    t(f.notes ?? ''),
  ]);
  return toCsv(FACTOR_COLUMNS, rows, options);
}
