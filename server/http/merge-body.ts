import type { ParsedMap, ParseResult } from '../../src/model/io';
import {
  decodeText, formatIoMessage, IO_MESSAGES_EN, isKumuJson, parseCsv, parseJsonMap, XLSX_MEDIA_TYPE,
} from '../../src/model/io';
import { parseXlsx } from '../../src/model/io/xlsx';
import { mergeIssue, planMerge, type MergeIssue, type MergeOptions, type MergePlan, type MetaState } from '../../src/model/merge';
import { bodyError, isMapFileJson, type MapBodyError } from './map-file';

/**
 * The body of POST /api/maps/<id>/merge read as a mini-map (not yet a document: the merge
 * matches its labels against the map's), with the same media types and the same 400s as
 * POST /api/maps, then planned against the map as read by readMetaState.
 */
export type MergeBodyResult = { plan: MergePlan } | { error: MapBodyError };

function fromParse(parsed: ParseResult, error: string): ParsedMap | MapBodyError {
  return parsed.ok ? parsed.map : bodyError(error, parsed.errors);
}

function decoded(body: Buffer, parse: (text: string) => ParseResult): ParseResult {
  const text = decodeText(new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  return text.ok ? parse(text.text) : text;
}

function parseJsonBody(body: Buffer): ParsedMap | MapBodyError {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    const parsed = decoded(body, parseJsonMap);
    const code = parsed.ok ? '' : parsed.errors[0]?.code ?? '';
    return fromParse(parsed, code === 'json.syntax' || code.startsWith('text.') ? 'invalid-json' : 'invalid-map');
  }
  if (!isMapFileJson(data) && !isKumuJson(data)) {
    const code = 'import.jsonNotMap';
    return { status: 400, error: 'invalid-map', code, params: {}, message: formatIoMessage(IO_MESSAGES_EN[code], {}) };
  }
  return fromParse(decoded(body, parseJsonMap), 'invalid-map');
}

const parsers = new Map<string, (body: Buffer) => ParsedMap | MapBodyError>([
  ['application/json', parseJsonBody],
  ['text/csv', (body) => fromParse(decoded(body, parseCsv), 'invalid-map')],
  [XLSX_MEDIA_TYPE, (body) => fromParse(parseXlsx('workbook.xlsx', new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), 'invalid-map')],
]);

function mergeError(issues: readonly MergeIssue[]): MapBodyError {
  const first = issues[0]!;
  return {
    status: 400, error: 'invalid-merge', code: first.code, params: first.params, message: first.message,
    issues: issues.map((i) => ({ code: i.code, params: i.params, message: i.message })),
  };
}

export function parseMiniMap(body: Buffer, contentType: string | undefined): ParsedMap | MapBodyError {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const parser = parsers.get(mediaType);
  if (!parser) {
    return { status: 415, error: 'unsupported-media-type', message: `Send one of: ${[...parsers.keys()].join(', ')}` };
  }
  if (body.length === 0) return mergeError([mergeIssue('merge.empty')]);
  return parser(body);
}

/** `title` empty: the mini-map's own title (a Trame file has one), else refused. */
export function planMergeBody(
  body: Buffer, contentType: string | undefined, state: MetaState, options: MergeOptions,
): MergeBodyResult {
  const mini = parseMiniMap(body, contentType);
  if ('error' in mini) return { error: mini };
  const own = typeof mini.meta.title === 'string' ? mini.meta.title : '';
  const planned = planMerge(state, mini, { ...options, title: options.title.trim() || own });
  return planned.ok ? { plan: planned.plan } : { error: mergeError(planned.errors) };
}
