import { combineCsv, parseCsv } from './csv-read';
import { detectCsvKind } from './csv-table';
import { ioIssue, type IoIssue } from './issues';
import { parseGraphml } from './graphml-read';
import { parseJsonMap } from './kumu';
import type { ParseResult } from './parsed';
import { checkText, decodeText } from './text';

/**
 * One entry point for every file a user drops: decodes it, tells the format from the content
 * first (a JSON object, an XML document, a CSV header) and the name or content type second.
 */
export type FileData = Uint8Array | ArrayBuffer | string;

export interface ImportFile {
  readonly name: string;
  readonly data: FileData;
  readonly contentType?: string;
}

function hint(name: string, contentType = ''): 'json' | 'graphml' | 'csv' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = contentType.toLowerCase();
  if (ext === 'json' || type.includes('json')) return 'json';
  if (ext === 'graphml' || ext === 'xml' || type.includes('xml')) return 'graphml';
  if (['csv', 'tsv', 'txt'].includes(ext) || type.startsWith('text/')) return 'csv';
  return null;
}

export function parseImportFile(name: string, data: FileData, contentType?: string): ParseResult {
  const decoded = typeof data === 'string'
    ? checkText(data)
    : decodeText(data instanceof Uint8Array ? data : new Uint8Array(data));
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  const start = text.trimStart()[0];
  const byName = hint(name, contentType);
  let result: ParseResult;
  if (start === '{' || start === '[' || (byName === 'json' && start !== '<')) result = parseJsonMap(text);
  else if (start === '<') result = parseGraphml(text);
  else if (byName === 'csv' || detectCsvKind(text.replace(/\r\n?/g, '\n')) !== null) result = parseCsv(text);
  else return { ok: false, errors: [ioIssue('import.unknownFormat', { name })] };
  if (!result.ok || decoded.warnings.length === 0) return result;
  return { ok: true, map: { ...result.map, warnings: [...decoded.warnings, ...result.map.warnings] } };
}

function inFile(name: string, issues: readonly IoIssue[]): IoIssue[] {
  return issues.map((i) => ({ ...i, file: name, message: `${name}: ${i.message}` }));
}

/** One file of any format, or a CSV of factors together with a CSV of links. */
export function parseImportFiles(files: readonly ImportFile[]): ParseResult {
  if (files.length === 1) {
    const [f] = files as [ImportFile];
    return parseImportFile(f.name, f.data, f.contentType);
  }
  const parsed = files.map((f) => ({ name: f.name, result: parseImportFile(f.name, f.data, f.contentType) }));
  const errors = parsed.flatMap((p) => (p.result.ok ? [] : inFile(p.name, p.result.errors)));
  if (errors.length > 0) return { ok: false, errors };
  const maps = parsed.flatMap((p) => (p.result.ok ? [{ name: p.name, map: p.result.map }] : []));
  const factorsFile = maps.find((m) => m.map.format === 'csv' && m.map.links.length === 0);
  const linksFile = maps.find((m) => m.map.format === 'csv' && m.map.links.length > 0);
  if (files.length !== 2 || !factorsFile || !linksFile) return { ok: false, errors: [ioIssue('import.fileCombination')] };
  return combineCsv(factorsFile.map, linksFile.map);
}
