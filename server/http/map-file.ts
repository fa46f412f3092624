import * as Y from 'yjs';
import { createMapDoc } from '../../src/model';
import {
  decodeText, importIntoDoc, parseCsv, parseJsonMap, type IoIssue, type LayoutFn, type ParseResult,
} from '../../src/model/io';
import { parseXlsx } from '../../src/model/io/xlsx';
import { layoutMap } from '../../src/model/layout';

/**
 * A whole map as the body of POST /api/maps (Trame JSON, a CSV of links or factors), read
 * with the model's io code so a file means the same in the app and here. map-body.ts picks
 * the parser by media type.
 */
export interface MapBodyError {
  readonly status: 400 | 415;
  /** Stable code the app translates. */
  readonly error: string;
  /** For developers; the app shows its own words for `error`. */
  readonly message: string;
  readonly field?: string;
  readonly line?: number;
  /** A refused map file: the io code and params the app translates (src/model/io/messages.ts), and every problem found. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly issues?: readonly unknown[];
}

/** Keys only a map file has: `{ "title": … }` alone asks for an empty map. */
const MAP_FILE_KEYS = ['format', 'schemaVersion', 'factors', 'links'];

export function isMapFileJson(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    && MAP_FILE_KEYS.some((k) => k in data);
}

/** The first problem, located: `line` for text formats, `field` for a JSON path. */
export function bodyError(error: string, issues: readonly IoIssue[]): MapBodyError {
  const first = issues[0]!;
  const atLine = /^line (\d+)$/.exec(first.where ?? '');
  const line = typeof first.params.line === 'number' ? first.params.line : atLine ? Number(atLine[1]) : undefined;
  const field = first.where !== undefined && !atLine ? first.where : undefined;
  return {
    status: 400,
    error,
    code: first.code,
    params: first.params,
    message: first.message,
    ...(line !== undefined ? { line } : {}),
    ...(field !== undefined ? { field } : {}),
    issues: issues.map((i) => ({ code: i.code, params: i.params, message: i.message, ...(i.where ? { where: i.where } : {}) })),
  };
}

/**
 * The layout under ids of its own: a file's ids are the map's, and one named `__proto__` or
 * `constructor` must not reach code that keys plain objects by id (it answered 500 and could
 * change the objects of the whole thread).
 */
const layoutUnderAliases: LayoutFn = (factors, links) => {
  const alias = new Map(factors.map((f, i) => [f.id, `n${i}`]));
  const laid = layoutMap(
    factors.map((f) => ({ id: alias.get(f.id)!, label: f.label })),
    links.map((l) => ({ source: alias.get(l.source)!, target: alias.get(l.target)! })),
  );
  const out = new Map<string, { x: number; y: number }>();
  for (const f of factors) {
    const p = laid.get(alias.get(f.id)!);
    if (p) out.set(f.id, p);
  }
  return out;
};

/** A document holding the parsed map, laid out where the file gives no positions. */
function docFrom(parsed: ParseResult, error: string): Y.Doc | MapBodyError {
  if (!parsed.ok) return bodyError(error, parsed.errors);
  // A CSV has no title or language: the new map gets createMapDoc's defaults, a JSON file its own.
  const doc = createMapDoc();
  const result = importIntoDoc(doc, parsed.map, { mode: 'new', layout: layoutUnderAliases });
  if (!result.ok) {
    doc.destroy();
    return bodyError(error, result.errors);
  }
  return doc;
}

function decoded(body: Buffer, parse: (text: string) => ParseResult): ParseResult {
  const text = decodeText(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  return text.ok ? parse(text.text) : text;
}

/** A Trame JSON file or a Kumu blueprint; also the located error for a body that is not JSON at all. */
export function parseMapFileJson(body: Buffer): Y.Doc | MapBodyError {
  const parsed = decoded(body, parseJsonMap);
  const code = parsed.ok ? '' : parsed.errors[0]?.code ?? '';
  return docFrom(parsed, code === 'json.syntax' || code.startsWith('text.') ? 'invalid-json' : 'invalid-map');
}

/** A CSV of links (cause,effect,…) or of factors (label,…). */
export function parseMapFileCsv(body: Buffer): Y.Doc | MapBodyError {
  return docFrom(decoded(body, parseCsv), 'invalid-map');
}

/** An Excel workbook (Kumu's, PRSM's or Trame's layout); a refusal names sheet, row and column in `field`. */
export function parseMapFileXlsx(body: Buffer): Y.Doc | MapBodyError {
  return docFrom(parseXlsx('workbook.xlsx', new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), 'invalid-map');
}
