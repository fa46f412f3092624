import type * as Y from 'yjs';
import { createMapDoc } from '../../model';
import {
  exportJsonText, ioIssue, MAX_IMPORT_BYTES, parseImportFilesAsync, type ImportFile, type IoIssue, type ParsedMap,
} from '../../model/io';
import { importWithLayout, type RunLayout } from './importLayout';
import { layoutRunner } from './layoutJobs';
import './messages';
import type { ImportReport, Issue } from './store';

/**
 * Files from the user's disk into the map. Loaded on demand (it brings the parsers, and the
 * layout when a file has no positions). Everything is read and checked before the document
 * is touched; the write is the io importer's single transaction, so one undo takes it back.
 */
const MB = 1024 * 1024;

function issues(list: readonly IoIssue[]): Issue[] {
  return list.map((i) => ({ code: i.code, params: i.params, message: i.message, ...(i.file ? { file: i.file } : {}) }));
}

/** Refuses a file too big to read before reading it: a 2 GB video dropped by mistake. */
async function read(files: readonly File[]): Promise<{ ok: true; files: ImportFile[] } | { ok: false; errors: Issue[] }> {
  const big = files.find((f) => f.size > MAX_IMPORT_BYTES);
  if (big) {
    const issue = ioIssue('text.tooLarge', { size: Math.round(big.size / MB), limit: Math.round(MAX_IMPORT_BYTES / MB) });
    return { ok: false, errors: issues([{ ...issue, file: big.name }]) };
  }
  const out: ImportFile[] = [];
  for (const f of files) {
    try {
      out.push({ name: f.name, data: new Uint8Array(await f.arrayBuffer()), contentType: f.type });
    } catch {
      return { ok: false, errors: [{ code: 'import.readError', params: { name: f.name }, message: `could not read ${f.name}` }] };
    }
  }
  return { ok: true, files: out };
}

/** The layout runs in its worker (issue 12): a big map laid out for seconds never freezes the page. */
const inWorker: RunLayout = async (plan) => {
  const runner = layoutRunner();
  try {
    return await runner.run('tidy', plan);
  } finally {
    runner.destroy();
  }
};

async function parse(files: readonly File[]): Promise<{ ok: true; map: ParsedMap } | { ok: false; errors: Issue[] }> {
  const loaded = await read(files);
  if (!loaded.ok) return loaded;
  // A workbook brings the Excel reader, loaded for it alone.
  const parsed = await parseImportFilesAsync(loaded.files);
  return parsed.ok ? parsed : { ok: false, errors: issues(parsed.errors) };
}

export interface MergeOutcome {
  readonly report: ImportReport;
  readonly factorIds: readonly string[];
}

/** Adds the files' factors and links to the open map (merge: fresh ids, same labels reused for CSV). */
export async function importIntoMap(doc: Y.Doc, files: readonly File[]): Promise<MergeOutcome> {
  const parsed = await parse(files);
  if (!parsed.ok) return { report: { kind: 'failed', newMap: false, errors: parsed.errors }, factorIds: [] };
  const r = await importWithLayout(doc, parsed.map, 'merge', inWorker);
  if (!r.ok) return { report: { kind: 'failed', newMap: false, errors: issues(r.errors) }, factorIds: [] };
  return {
    report: {
      kind: 'done', factors: r.factorIds.length, links: r.linkIds.length, reused: r.reusedFactors, warnings: issues(r.warnings),
    },
    factorIds: r.factorIds,
  };
}

export type NewMapOutcome =
  | { ok: true; map: { id: string; editToken: string; editUrl: string; title: string } }
  | { ok: false; report: ImportReport };

function titleFrom(name: string): string {
  return name.replace(/\.(trame\.)?[a-z0-9]+$/i, '').replace(/[_]+/g, ' ').trim();
}

function serverIssues(body: unknown, status: number): Issue[] {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const list = Array.isArray(b.issues) ? b.issues : [b];
  const out = list.flatMap((raw): Issue[] => {
    const i = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof i.code !== 'string') return [];
    const params = typeof i.params === 'object' && i.params !== null ? (i.params as Issue['params']) : {};
    return [{ code: i.code, params, message: typeof i.message === 'string' ? i.message : i.code }];
  });
  const code = typeof b.error === 'string' ? b.error : String(status);
  return out.length > 0 ? out : [{ code: 'import.server', params: { code }, message: `the server refused the map (${code})` }];
}

/**
 * A new map on the relay holding the files (issue 9: a map carried on a USB stick). The file
 * is checked here first, in the user's language, then sent as Trame JSON, which the relay
 * checks again. With no relay (a map kept on this device) it says so rather than guess.
 */
export async function openAsNewMap(files: readonly File[]): Promise<NewMapOutcome> {
  const parsed = await parse(files);
  if (!parsed.ok) return { ok: false, report: { kind: 'failed', newMap: true, errors: parsed.errors } };
  const title = typeof parsed.map.meta.title === 'string' && parsed.map.meta.title.trim() !== ''
    ? parsed.map.meta.title
    : titleFrom(files[0]?.name ?? '');
  const doc = createMapDoc({ title });
  let body: string;
  try {
    const r = await importWithLayout(doc, parsed.map, 'new', inWorker);
    if (!r.ok) return { ok: false, report: { kind: 'failed', newMap: true, errors: issues(r.errors) } };
    body = exportJsonText(doc);
  } finally {
    doc.destroy();
  }
  let res: Response;
  try {
    res = await fetch('/api/maps', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  } catch {
    return { ok: false, report: { kind: 'failed', newMap: true, errors: [{ code: 'import.offline', params: {}, message: 'the server does not answer' }] } };
  }
  const answer: unknown = await res.json().catch(() => null);
  if (res.status !== 201) return { ok: false, report: { kind: 'failed', newMap: true, errors: serverIssues(answer, res.status) } };
  const m = (answer ?? {}) as Record<string, unknown>;
  if (typeof m.id !== 'string' || typeof m.editToken !== 'string' || typeof m.editUrl !== 'string') {
    return { ok: false, report: { kind: 'failed', newMap: true, errors: serverIssues(null, res.status) } };
  }
  return { ok: true, map: { id: m.id, editToken: m.editToken, editUrl: m.editUrl, title } };
}
