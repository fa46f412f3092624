import type * as Y from 'yjs';
import {
  exportDot, exportFactorsCsv, exportGexf, exportGraphml, exportJsonText, exportLinksCsv, exportXlsxAsync,
  XLSX_MEDIA_TYPE,
} from '../../model/io';

/**
 * The map's data files, written by the model's io code (the relay's /export.* routes use the
 * same). Loaded on demand with the export dialog: it brings papaparse; the Excel writer loads
 * only when a workbook is asked for.
 */
export type DataFormat = 'map' | 'json' | 'linksCsv' | 'factorsCsv' | 'graphml' | 'xlsx' | 'gexf' | 'dot';

export interface DataFile {
  readonly blob: Blob;
  readonly ext: string;
  /** Which words go after the title in the file name (see i18n export.fileSuffix). */
  readonly suffix?: 'links' | 'factors';
}

export interface DataOptions {
  /** CSV for French Excel: BOM, semicolons, formula guards. */
  readonly excel: boolean;
  /** The workbook's Stories sheet with the summaries. */
  readonly storyTexts: boolean;
}

const JSON_TYPE = 'application/json;charset=utf-8';
const CSV_TYPE = 'text/csv;charset=utf-8';

export async function dataFile(doc: Y.Doc, format: DataFormat, options: DataOptions): Promise<DataFile> {
  const { excel } = options;
  switch (format) {
    case 'map':
      // The same file as 'json'; its own name tells a workshop where to find the map again.
      return { blob: new Blob([exportJsonText(doc)], { type: JSON_TYPE }), ext: 'trame.json' };
    case 'json':
      return { blob: new Blob([exportJsonText(doc)], { type: JSON_TYPE }), ext: 'json' };
    case 'linksCsv':
      return { blob: new Blob([exportLinksCsv(doc, { excel })], { type: CSV_TYPE }), ext: 'csv', suffix: 'links' };
    case 'factorsCsv':
      return { blob: new Blob([exportFactorsCsv(doc, { excel })], { type: CSV_TYPE }), ext: 'csv', suffix: 'factors' };
    case 'graphml':
      return { blob: new Blob([exportGraphml(doc)], { type: 'application/graphml+xml' }), ext: 'graphml' };
    case 'gexf':
      return { blob: new Blob([exportGexf(doc)], { type: 'application/gexf+xml' }), ext: 'gexf' };
    case 'dot':
      return { blob: new Blob([exportDot(doc)], { type: 'text/vnd.graphviz' }), ext: 'dot' };
    case 'xlsx': {
      const bytes = await exportXlsxAsync(doc, { storyTexts: options.storyTexts });
      return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MEDIA_TYPE }), ext: 'xlsx' };
    }
  }
}
