import type * as Y from 'yjs';
import { createMapDoc, MAX_LABEL_CHARS } from '../../src/model';
import { formatIoMessage, IO_MESSAGES_EN, isKumuJson, XLSX_MEDIA_TYPE } from '../../src/model/io';
import { isMapFileJson, parseMapFileCsv, parseMapFileJson, parseMapFileXlsx, type MapBodyError } from './map-file';

export type { MapBodyError };

/**
 * Turns the body of POST /api/maps into the new map's first document.
 *
 * Parsers are chosen by media type. To accept another format (a whole map as native JSON, a
 * links CSV), add or extend a parser: it gets the raw body and the full content-type header
 * and returns a complete document or an error naming what is wrong (line, field). It must not
 * return a half-built document: the map is created only from a parser's success.
 */
export type MapBodyParser = (body: Buffer, contentType: string) => Y.Doc | MapBodyError;

export function isMapBodyError(x: Y.Doc | MapBodyError): x is MapBodyError {
  return 'error' in x && typeof (x as MapBodyError).error === 'string';
}

/** `{ "title"?: string }`, or a whole map in Trame's JSON (told apart by its own keys). */
const parseTitleJson: MapBodyParser = (body) => {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    // The io parser says where the JSON breaks (line, column), or that it is not text.
    return parseMapFileJson(body);
  }
  if (isMapFileJson(data) || isKumuJson(data)) return parseMapFileJson(body);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { status: 400, error: 'invalid-json', message: 'The body must be a JSON object' };
  }
  // Anything but a title is a file we could not read: creating an empty map would lose it.
  if (Object.keys(data).some((k) => k !== 'title')) {
    const code = 'import.jsonNotMap';
    return {
      status: 400, error: 'invalid-map', code, params: {},
      message: `${formatIoMessage(IO_MESSAGES_EN[code], {})}; to create an empty map, send {"title": "…"}`,
    };
  }
  const title = (data as { title?: unknown }).title;
  if (title !== undefined && typeof title !== 'string') {
    return { status: 400, error: 'invalid-field', field: 'title', message: 'title must be a string' };
  }
  const clean = (title ?? '').trim();
  if (clean.length > MAX_LABEL_CHARS) {
    return {
      status: 400, error: 'invalid-field', field: 'title',
      message: `title is longer than ${MAX_LABEL_CHARS} characters`,
    };
  }
  return createMapDoc({ title: clean });
};

export const mapBodyParsers = new Map<string, MapBodyParser>([
  ['application/json', parseTitleJson],
  ['text/csv', parseMapFileCsv],
  [XLSX_MEDIA_TYPE, parseMapFileXlsx],
]);

/**
 * Whether a body is cheap enough to read on the relay's thread: an empty body or a JSON
 * `{ "title" }` (at most INLINE_BODY_BYTES, checked by the caller), the maps that need no
 * layout. Any file, however small, may need laying out (a 30-factor CSV takes a fifth of a
 * second of CPU, a 16 KB one thousands of factors), so it goes to the map-body worker.
 */
export function isTitleBody(body: Buffer, contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') return false;
  if (body.length === 0) return true;
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).every((k) => k === 'title');
}

export function parseMapBody(body: Buffer, contentType: string | undefined): Y.Doc | MapBodyError {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // Only with application/json, which a cross-site form cannot send without the page's consent.
  if (body.length === 0 && mediaType === 'application/json') return createMapDoc();
  const parser = mapBodyParsers.get(mediaType);
  if (!parser) {
    return {
      status: 415, error: 'unsupported-media-type',
      message: `Send one of: ${[...mapBodyParsers.keys()].join(', ')}`,
    };
  }
  return parser(body, contentType ?? '');
}
