import type * as Y from 'yjs';
import { readCitations } from '../citations';
import { change } from '../doc';
import { silent } from '../log';
import { readSnapshot } from '../reader';
import {
  MAX_TAG_CHARS, MAX_TAGS, normalizeCode, putStory, readStories, storiesOf, STORY_TEXT_FIELDS, updateStory,
  type StoryPatch,
} from '../stories';
import { maxChars, STORIES_SPEC } from '../spec';
import { readCsvTable, STORY_COLUMNS, unescapeFormula, type CsvRow, type StoryColumn } from './csv-table';
import { guardFormula, toCsv, type CsvExportOptions } from './csv-write';
import { ioIssue, IssueList, type IoIssue } from './issues';
import { uniqueLabels } from './source';
import { checkText, decodeText } from './text';

/**
 * Stories in a spreadsheet, on the CSV layer the map files use (csv-table.ts: separator,
 * header in English or French, rows with their line; csv-write.ts: the formula guard; one
 * scheme of issues and messages, messages.ts): `code,summary,place,date,group,language,tags`,
 * any order, only `code` required, tags separated by `;` or `|`. The whole file is checked
 * before anything is written, then applied in one transaction: a file with one bad line adds
 * nothing.
 */
export { STORY_COLUMNS, type StoryColumn };
export const MAX_IMPORT_STORIES = 10_000;

/** A row of the file; a field is undefined when the file has no such column. */
export type ParsedStory = StoryPatch & { readonly code: string; readonly line: number };

export type StoriesCsvParse =
  | { ok: true; stories: ParsedStory[]; warnings: IoIssue[] }
  | { ok: false; errors: IoIssue[] };

export function splitTags(cell: string): string[] {
  return cell.split(/[;|]/).map((t) => t.trim()).filter(Boolean);
}

function decode(data: string | Uint8Array | ArrayBuffer) {
  if (typeof data === 'string') return checkText(data);
  return decodeText(data instanceof Uint8Array ? data : new Uint8Array(data));
}

function readRow(row: CsvRow<StoryColumn>, columns: ReadonlySet<StoryColumn>, issues: IssueList): ParsedStory | null {
  const { line } = row;
  const where = `line ${line}`;
  const cell = (c: StoryColumn) => (columns.has(c) ? unescapeFormula(row.cells[c].trim()) : undefined);
  const code = cell('code') ?? '';
  if (code === '') {
    issues.add('stories.missingCode', { line }, where);
    return null;
  }
  let ok = true;
  const out: { -readonly [K in keyof ParsedStory]: ParsedStory[K] } = { code, line };
  for (const c of ['code', ...STORY_TEXT_FIELDS] as const) {
    const v = cell(c);
    if (v === undefined) continue;
    const max = maxChars(STORIES_SPEC.fields, c);
    if (v.length > max) {
      issues.add('stories.tooLong', { line, field: c, max }, where);
      ok = false;
    }
    out[c] = v;
  }
  const tagCell = cell('tags');
  if (tagCell !== undefined) {
    const tags = [...new Set(splitTags(tagCell))];
    if (tags.some((t) => t.length > MAX_TAG_CHARS)) {
      issues.add('stories.tooLong', { line, field: 'tags', max: MAX_TAG_CHARS }, where);
      ok = false;
    }
    if (tags.length > MAX_TAGS) {
      issues.add('stories.tooManyTags', { line, max: MAX_TAGS }, where);
      ok = false;
    }
    out.tags = tags;
  }
  return ok ? out : null;
}

/** Reads and checks the whole file; writes nothing. */
export function parseStoriesCsv(data: string | Uint8Array | ArrayBuffer): StoriesCsvParse {
  const decoded = decode(data);
  if (!decoded.ok) return { ok: false, errors: decoded.errors };
  const table = readCsvTable<StoryColumn>(decoded.text, 'stories');
  if (!table.ok) return table;
  const issues = new IssueList();
  const stories: ParsedStory[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of table.rows) {
    const story = readRow(row, table.columns, issues);
    if (!story) continue;
    const key = normalizeCode(story.code);
    const seen = firstLineOf.get(key);
    if (seen !== undefined) issues.add('stories.duplicateCode', { line: row.line, code: story.code, first: seen }, `line ${row.line}`);
    else firstLineOf.set(key, row.line);
    stories.push(story);
  }
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  if (stories.length > MAX_IMPORT_STORIES) {
    return { ok: false, errors: [ioIssue('stories.tooMany', { count: stories.length, limit: MAX_IMPORT_STORIES })] };
  }
  return { ok: true, stories, warnings: [...decoded.warnings, ...table.warnings] };
}

/** What to do with a row whose code the map already has. */
export type ExistingCodePolicy = 'error' | 'skip' | 'update';

export type StoriesImportResult =
  | { ok: true; added: string[]; updated: string[]; skipped: number; warnings: IoIssue[] }
  | { ok: false; errors: IoIssue[] };

/**
 * Parses the file, then adds its stories in one transaction (one undo step). A row whose code
 * the map already has is an error by default; 'update' overwrites the columns the file has.
 */
export function importStoriesCsv(
  doc: Y.Doc, data: string | Uint8Array | ArrayBuffer, opts: { existing?: ExistingCodePolicy } = {},
): StoriesImportResult {
  const parsed = parseStoriesCsv(data);
  if (!parsed.ok) return parsed;
  const policy = opts.existing ?? 'error';
  const known = new Map<string, string>();
  storiesOf(doc).forEach((m, id) => {
    const code = m.get('code');
    if (typeof code === 'string') known.set(normalizeCode(code), id);
  });
  if (policy === 'error') {
    const clashes = new IssueList();
    for (const s of parsed.stories) {
      if (known.has(normalizeCode(s.code))) clashes.add('stories.existingCode', { line: s.line, code: s.code }, `line ${s.line}`);
    }
    if (!clashes.empty) return { ok: false, errors: clashes.toArray() };
  }
  const added: string[] = [];
  const updated: string[] = [];
  let skipped = 0;
  change(doc, () => {
    for (const { line: _line, code, ...fields } of parsed.stories) {
      const existing = known.get(normalizeCode(code));
      if (existing === undefined) added.push(putStory(doc, { code, ...fields }, { codeChecked: true }));
      else if (policy === 'skip') skipped++;
      else if (updateStory(doc, existing, fields)) updated.push(existing);
    }
  });
  return { ok: true, added, updated, skipped, warnings: parsed.warnings };
}

export interface StoriesCsvExportOptions extends CsvExportOptions {
  /** Only the story codes, for sharing outside the team: no summary, place or collector. */
  readonly codesOnly?: boolean;
}

function storiesTable(header: readonly string[], rows: string[][], opts: StoriesCsvExportOptions): string {
  return toCsv(header, opts.raw ? rows : rows.map((r) => r.map(guardFormula)), opts);
}

/** code,summary,place,date,group,language,tags (tags joined by ';'), sorted by code. */
export function exportStoriesCsv(doc: Y.Doc, opts: StoriesCsvExportOptions = {}): string {
  const stories = readStories(doc, silent);
  if (opts.codesOnly) return storiesTable(['code'], stories.map((s) => [s.code]), opts);
  const rows = stories.map((s) => [s.code, s.summary, s.place, s.date, s.group, s.language, s.tags.join(';')]);
  return storiesTable(STORY_COLUMNS, rows, opts);
}

/**
 * kind,element,story — one row per citation shown in the map: `factor` or `link`, the factor's
 * label or "cause → effect", and the story code. Without codesOnly, also the story's summary
 * and the element and story ids (for joining files even after a label changes).
 */
export function exportCitationsCsv(doc: Y.Doc, opts: StoriesCsvExportOptions = {}): string {
  const snap = readSnapshot(doc, silent);
  const stories = readStories(doc, silent);
  const index = readCitations(doc, snap, stories, silent);
  const labels = uniqueLabels(snap.factors);
  const linkById = new Map(snap.links.map((l) => [l.id, l]));
  const label = (kind: 'factor' | 'link', id: string) => {
    if (kind === 'factor') return labels.get(id) ?? '';
    const l = linkById.get(id);
    return l ? `${labels.get(l.source) ?? ''} → ${labels.get(l.target) ?? ''}` : '';
  };
  const rows: string[][] = [];
  for (const s of stories) {
    const els = index.byStory.get(s.id);
    if (!els) continue;
    const cited = [
      ...els.factors.map((id) => ['factor', id] as const),
      ...els.links.map((id) => ['link', id] as const),
    ].map(([kind, id]) => ({ kind, id, label: label(kind, id) }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label, 'fr'));
    for (const c of cited) {
      rows.push(opts.codesOnly ? [c.kind, c.label, s.code] : [c.kind, c.label, s.code, s.summary, c.id, s.id]);
    }
  }
  const header = opts.codesOnly
    ? ['kind', 'element', 'story']
    : ['kind', 'element', 'story', 'summary', 'element_id', 'story_id'];
  return storiesTable(header, rows, opts);
}
