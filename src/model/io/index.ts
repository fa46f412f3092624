/**
 * Import and export of maps: Trame's JSON, CSV of links and factors, GraphML. Pure functions
 * on a Y.Doc or a snapshot returning strings, and parsers taking text or bytes, so the relay's
 * HTTP endpoints and the app call the same code. Layout lives in ../layout, loaded on demand.
 */
export { importIntoDoc, type ImportOptions, type ImportResult, type LayoutFn, type Position } from './apply';
export { combineCsv, parseCsv, parseFactorsCsv, parseLinksCsv } from './csv-read';
export {
  exportCitationsCsv, exportStoriesCsv, importStoriesCsv, MAX_IMPORT_STORIES, parseStoriesCsv, splitTags,
  type ExistingCodePolicy, type ParsedStory, type StoriesCsvExportOptions, type StoriesCsvParse,
  type StoriesImportResult,
} from './csv-stories';
export { detectCsvKind, FACTOR_COLUMNS, LINK_COLUMNS, STORY_COLUMNS, type CsvKind, type StoryColumn } from './csv-table';
export { exportFactorsCsv, exportLinksCsv, type CsvExportOptions } from './csv-write';
export { parseImportFile, parseImportFiles, type FileData, type ImportFile } from './detect';
export { DOT_CONTENT_TYPE, exportDot } from './dot-write';
export { exportGexf, GEXF_CONTENT_TYPE } from './gexf-write';
export { isKumuJson, parseJsonMap, parseKumu } from './kumu';
// Excel: the reader and writer load on demand through these (never imported statically).
export { exportXlsxAsync, isSpreadsheetFile, parseImportFilesAsync, parseSpreadsheet, XLSX_MEDIA_TYPE } from './load';
export { parseGraphml } from './graphml-read';
export { exportGraphml, GRAPHML_KEYS, xmlEscape } from './graphml-write';
export { ioIssue, MAX_REPORTED_ISSUES, type IoIssue } from './issues';
export type {
  JsonSection, SectionImportContext, SectionIssue, SectionValidateContext,
} from './json-sections';
export { parseJson } from './json-read';
export { exportJson, exportJsonText, type TrameJson } from './json-write';
export { formatIoMessage, IO_MESSAGES_EN, IO_MESSAGES_FR, ioMessage, type IoCode, type IoParams } from './messages';
export {
  MAX_IMPORT_BYTES, MAX_IMPORT_FACTORS, MAX_IMPORT_LINKS, type MetaValue, type ParsedFactor,
  type ParsedFormat, type ParsedLink, type ParsedMap, type ParseResult,
} from './parsed';
export type { ExportSource } from './source';
export { checkText, decodeText } from './text';
