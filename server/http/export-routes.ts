import type { ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { createMapDoc, metaOf } from '../../src/model';
import {
  decodeText, exportGraphml, exportJsonText, exportLinksCsv, importIntoDoc, parseCsv, parseJson,
  type IoIssue, type ParseResult,
} from '../../src/model/io';
import { layoutMap } from '../../src/model/layout';
import type { Rooms } from '../relay/rooms';
import type { MapBodyError } from './map-body';
import { denied, type Router } from './router';

/**
 * A map as files over HTTP, both ways: GET /api/maps/<id>/export.{json,csv,graphml} with an
 * edit or view token, and the POST /api/maps bodies that carry a whole map (Trame JSON, a
 * CSV of links). Both use the model's io code, so a file means the same in the app and here.
 */

interface ExportKind {
  readonly contentType: string;
  /** Added to the title in the file name, by the map's language. */
  readonly suffix?: { readonly fr: string; readonly en: string };
  readonly write: (doc: Y.Doc, query: URLSearchParams) => string;
}

const EXPORTS: Record<string, ExportKind> = {
  json: { contentType: 'application/json; charset=utf-8', write: (doc) => exportJsonText(doc) },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    suffix: { fr: 'liens', en: 'links' },
    // ?excel=1: BOM, `;` and formula guards, for French Excel (see csv-write.ts).
    write: (doc, query) => exportLinksCsv(doc, { excel: query.get('excel') === '1' }),
  },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', write: (doc) => exportGraphml(doc) },
};

/** Characters no file system takes in a name, and controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/**
 * `filename=` in plain ASCII for old clients, `filename*=` in UTF-8 (RFC 6266) so that
 * "Sécheresse à Mopti" arrives with its accents.
 */
export function contentDisposition(title: string, suffix: string, ext: string): string {
  const base = [title.replace(UNSAFE_NAME, ' ').replace(/\s+/g, ' ').trim().slice(0, 120), suffix]
    .filter((s) => s !== '').join(' - ') || 'trame';
  const ascii = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 ._-]+/g, '')
    .replace(/\s+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'trame';
  const utf8 = encodeURIComponent(`${base}.${ext}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${utf8}`;
}

function sendFile(res: ServerResponse, contentType: string, disposition: string, text: string): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'content-disposition': disposition,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

export function registerExportRoutes(router: Router, rooms: Rooms): void {
  for (const [ext, kind] of Object.entries(EXPORTS)) {
    router.get(`/api/maps/:id/export.${ext}`, async ({ res, params, query, token }) => {
      const r = await rooms.withMapDoc(params.id!, token, (doc) => {
        const meta = metaOf(doc);
        const title = meta.get('title');
        const suffix = kind.suffix ? (meta.get('language') === 'en' ? kind.suffix.en : kind.suffix.fr) : '';
        return {
          text: kind.write(doc, query),
          disposition: contentDisposition(typeof title === 'string' ? title : '', suffix, ext),
        };
      });
      if (!r.ok) return denied(res, r.reason);
      return sendFile(res, kind.contentType, r.value.disposition, r.value.text);
    });
  }
}

/* POST /api/maps with a whole map as its body (see map-body.ts, which dispatches here). */

/** Keys only a map file has: `{ "title": … }` alone asks for an empty map. */
const MAP_FILE_KEYS = ['format', 'schemaVersion', 'factors', 'links'];

export function isMapFileJson(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    && MAP_FILE_KEYS.some((k) => k in data);
}

/** The first problem, located: `line` for text formats, `field` for a JSON path. */
function bodyError(error: string, issues: readonly IoIssue[]): MapBodyError {
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

/** A document holding the parsed map, laid out where the file gives no positions. */
function docFrom(parsed: ParseResult, error: string): Y.Doc | MapBodyError {
  if (!parsed.ok) return bodyError(error, parsed.errors);
  // A CSV has no title or language: the new map gets createMapDoc's defaults, a JSON file its own.
  const doc = createMapDoc();
  const result = importIntoDoc(doc, parsed.map, { mode: 'new', layout: (f, l) => layoutMap(f, l) });
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

/** A Trame JSON file; also the located error for a body that is not JSON at all. */
export function parseMapFileJson(body: Buffer): Y.Doc | MapBodyError {
  const parsed = decoded(body, parseJson);
  const code = parsed.ok ? '' : parsed.errors[0]?.code ?? '';
  return docFrom(parsed, code === 'json.syntax' || code.startsWith('text.') ? 'invalid-json' : 'invalid-map');
}

/** A CSV of links (cause,effect,…) or of factors (label,…). */
export function parseMapFileCsv(body: Buffer): Y.Doc | MapBodyError {
  return docFrom(decoded(body, parseCsv), 'invalid-map');
}
