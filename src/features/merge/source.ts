import { ioIssue, MAX_IMPORT_BYTES, parseImportFilesAsync, parseJsonMap, type ImportFile, type ParsedMap } from '../../model/io';
import { parseMapLink as parseLink } from '../../model/location';
import type { Issue } from '../import/store';

/**
 * Where a mini-map (or the map to compare with) comes from: files from the user's disk,
 * read with the importer's own readers, or another map on this relay given by its link
 * (read through its JSON export, with the token the link carries).
 */
export type Loaded =
  | { ok: true; map: ParsedMap; title: string; mapId?: string }
  | { ok: false; errors: Issue[] };

const MB = 1024 * 1024;

function issuesOf(list: readonly { code: string; params: Issue['params']; message: string; file?: string }[]): Issue[] {
  return list.map((i) => ({ code: i.code, params: i.params, message: i.message, ...(i.file ? { file: i.file } : {}) }));
}

function titleOf(map: ParsedMap, fallback: string): string {
  const own = typeof map.meta.title === 'string' ? map.meta.title.trim() : '';
  return own || fallback;
}

export function titleFromName(name: string): string {
  return name.replace(/\.(trame\.)?[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ').trim();
}

export async function loadFiles(files: readonly File[]): Promise<Loaded> {
  const big = files.find((f) => f.size > MAX_IMPORT_BYTES);
  if (big) {
    const issue = ioIssue('text.tooLarge', { size: Math.round(big.size / MB), limit: Math.round(MAX_IMPORT_BYTES / MB) });
    return { ok: false, errors: [{ ...issue, file: big.name }] };
  }
  const read: ImportFile[] = [];
  for (const f of files) {
    try {
      read.push({ name: f.name, data: new Uint8Array(await f.arrayBuffer()), contentType: f.type });
    } catch {
      return { ok: false, errors: [{ code: 'import.readError', params: { name: f.name }, message: `could not read ${f.name}` }] };
    }
  }
  const parsed = await parseImportFilesAsync(read);
  if (!parsed.ok) return { ok: false, errors: issuesOf(parsed.errors) };
  return { ok: true, map: parsed.map, title: titleOf(parsed.map, titleFromName(files[0]?.name ?? '')) };
}

/** `…/m/<id>#edit=<token>` or `#view=<token>`, as Share gives them (read by model/location.ts). */
export function parseMapLink(link: string): { id: string; token: string } | null {
  const loc = parseLink(link);
  return loc ? { id: loc.mapId, token: loc.token } : null;
}

export async function loadLink(link: string): Promise<Loaded> {
  const target = parseMapLink(link);
  if (!target) return { ok: false, errors: [{ code: 'merge.badLink', params: {}, message: 'not a Trame map link' }] };
  let res: Response;
  try {
    // The token goes in a header: it never sits in a URL that a proxy could log.
    res = await fetch(`/api/maps/${encodeURIComponent(target.id)}/export.json`, {
      headers: { authorization: `Bearer ${target.token}` },
    });
  } catch {
    return { ok: false, errors: [{ code: 'merge.offline', params: {}, message: 'the server does not answer' }] };
  }
  if (!res.ok) return { ok: false, errors: [{ code: 'merge.fetchFailed', params: { status: res.status }, message: `HTTP ${res.status}` }] };
  const parsed = parseJsonMap(await res.text());
  if (!parsed.ok) return { ok: false, errors: issuesOf(parsed.errors) };
  return { ok: true, map: parsed.map, title: titleOf(parsed.map, ''), mapId: target.id };
}
