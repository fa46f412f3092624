import type * as Y from 'yjs';
import { exportFactorsCsv, exportGraphml, exportJsonText, exportLinksCsv } from '../../model/io';

/**
 * The map's data files, written by the model's io code (the relay's /export.* routes use the
 * same). Loaded on demand with the export dialog: it brings papaparse.
 */
export type DataFormat = 'map' | 'json' | 'linksCsv' | 'factorsCsv' | 'graphml';

export interface DataFile {
  readonly blob: Blob;
  readonly ext: string;
  /** Which words go after the title in the file name (see i18n export.fileSuffix). */
  readonly suffix?: 'links' | 'factors';
}

const JSON_TYPE = 'application/json;charset=utf-8';
const CSV_TYPE = 'text/csv;charset=utf-8';

export function dataFile(doc: Y.Doc, format: DataFormat, excel: boolean): DataFile {
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
  }
}
