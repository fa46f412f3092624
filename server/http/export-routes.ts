import type { ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { metaOf } from '../../src/model';
import {
  DOT_CONTENT_TYPE, exportDot, exportGexf, exportGraphml, exportJsonText, exportLinksCsv, GEXF_CONTENT_TYPE,
} from '../../src/model/io';
// The relay loads the Excel writer up front: it has no first load to keep small.
import { exportXlsx, XLSX_CONTENT_TYPE } from '../../src/model/io/xlsx';
import type { Rooms } from '../relay/rooms';
import { denied, type Router } from './router';

/**
 * A map as files over HTTP: GET /api/maps/<id>/export.{json,csv,graphml,xlsx,gexf,dot} with an edit or view
 * token, written by the model's io code (the other way, a posted file, is map-file.ts).
 */

interface ExportKind {
  readonly contentType: string;
  /** Added to the title in the file name, by the map's language. */
  readonly suffix?: { readonly fr: string; readonly en: string };
  readonly write: (doc: Y.Doc, query: URLSearchParams) => string | Uint8Array;
}

const EXPORTS: Record<string, ExportKind> = {
  json: { contentType: 'application/json; charset=utf-8', write: (doc) => exportJsonText(doc) },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    suffix: { fr: 'liens', en: 'links' },
    // Formulas guarded unless ?raw=1 (R, pandas); ?excel=1 adds the BOM and `;` of French Excel.
    write: (doc, query) => exportLinksCsv(doc, { excel: query.get('excel') === '1', raw: query.get('raw') === '1' }),
  },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', write: (doc) => exportGraphml(doc) },
  // ?stories=texts adds the stories' summaries; without it, codes and metadata only.
  xlsx: { contentType: XLSX_CONTENT_TYPE, write: (doc, query) => exportXlsx(doc, { storyTexts: query.get('stories') === 'texts' }) },
  gexf: { contentType: `${GEXF_CONTENT_TYPE}; charset=utf-8`, write: (doc) => exportGexf(doc) },
  dot: { contentType: `${DOT_CONTENT_TYPE}; charset=utf-8`, write: (doc) => exportDot(doc) },
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

function sendFile(res: ServerResponse, contentType: string, disposition: string, text: string | Uint8Array): void {
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength,
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
          body: kind.write(doc, query),
          disposition: contentDisposition(typeof title === 'string' ? title : '', suffix, ext),
        };
      });
      if (!r.ok) return denied(res, r.reason);
      return sendFile(res, kind.contentType, r.value.disposition, r.value.body);
    });
  }
}
