import Papa from 'papaparse';
import type * as Y from 'yjs';
import { readCitations } from '../citations';
import { change } from '../doc';
import { silent } from '../log';
import { readSnapshot } from '../reader';
import {
  MAX_CODE_CHARS, MAX_DATE_CHARS, MAX_LANGUAGE_CHARS, MAX_STORY_FIELD_CHARS, MAX_SUMMARY_CHARS,
  MAX_TAG_CHARS, MAX_TAGS, normalizeCode, putStory, readStories, storiesOf, updateStory,
  type StoryPatch,
} from '../stories';
import { unescapeFormula } from './csv-table';
import { ioIssue, IssueList, type IoIssue } from './issues';
import {
  formatIoMessage, IO_MESSAGES_EN, IO_MESSAGES_FR, type IoCode, type IoParams,
} from './messages';
import { uniqueLabels } from './source';
import { checkText, decodeText } from './text';
import { foldHeader } from './values';

/**
 * Stories from a spreadsheet: `code,summary,place,date,group,language,tags` (English or French
 * column names, any order, only `code` required; tags separated by `;` or `|`). The whole file
 * is checked before anything is written, then applied in one transaction: a file with one bad
 * line adds nothing.
 */
export const STORY_COLUMNS = ['code', 'summary', 'place', 'date', 'group', 'language', 'tags'] as const;
export type StoryColumn = (typeof STORY_COLUMNS)[number];
export const MAX_IMPORT_STORIES = 10_000;

export const STORIES_CSV_MESSAGES_EN = {
  'stories.badHeader': "line 1: the first line must name the columns, at least 'code' (code,summary,place,date,group,language,tags); found '{{found}}'",
  'stories.missingCode': 'line {{line}}: the code is missing',
  'stories.duplicateCode': "line {{line}}: the code '{{code}}' is already on line {{first}}",
  'stories.existingCode': "line {{line}}: the map already has a story coded '{{code}}'",
  'stories.tooLong': 'line {{line}}: the {{field}} is longer than {{max}} characters',
  'stories.tooManyTags': 'line {{line}}: more than {{max}} tags',
  'stories.tooMany': 'too many stories ({{count}}, limit {{limit}})',
} as const;
export type StoriesCsvCode = keyof typeof STORIES_CSV_MESSAGES_EN;

export const STORIES_CSV_MESSAGES_FR: Record<StoriesCsvCode, string> = {
  'stories.badHeader': "ligne 1 : la première ligne doit nommer les colonnes, au moins « code » (code,résumé,lieu,date,groupe,langue,tags) ; trouvé « {{found}} »",
  'stories.missingCode': 'ligne {{line}} : le code manque',
  'stories.duplicateCode': 'ligne {{line}} : le code « {{code}} » est déjà ligne {{first}}',
  'stories.existingCode': 'ligne {{line}} : la carte a déjà un récit de code « {{code}} »',
  'stories.tooLong': 'ligne {{line}} : le champ {{field}} dépasse {{max}} caractères',
  'stories.tooManyTags': 'ligne {{line}} : plus de {{max}} tags',
  'stories.tooMany': 'trop de récits ({{count}}, limite {{limit}})',
};

/** Same shape as the other importers' issues; the code is one of theirs or one of ours. */
export interface StoriesCsvIssue {
  readonly code: IoCode | StoriesCsvCode;
  readonly params: IoParams;
  readonly message: string;
  readonly where?: string;
}

function issue(code: StoriesCsvCode, params: IoParams, where?: string): StoriesCsvIssue {
  const message = formatIoMessage(STORIES_CSV_MESSAGES_EN[code], params);
  return where === undefined ? { code, params, message } : { code, params, message, where };
}

/** The message of an issue in the user's language (French unless 'en'). */
export function storiesCsvMessage(i: StoriesCsvIssue, language: string): string {
  const en = language.startsWith('en');
  const template = i.code in STORIES_CSV_MESSAGES_EN
    ? (en ? STORIES_CSV_MESSAGES_EN : STORIES_CSV_MESSAGES_FR)[i.code as StoriesCsvCode]
    : (en ? IO_MESSAGES_EN : IO_MESSAGES_FR)[i.code as IoCode];
  return formatIoMessage(template, i.params);
}

const ALIASES: Readonly<Record<string, StoryColumn>> = {
  code: 'code', ref: 'code', reference: 'code',
  summary: 'summary', resume: 'summary', extrait: 'summary', excerpt: 'summary', texte: 'summary', text: 'summary',
  place: 'place', lieu: 'place', location: 'place', localite: 'place', village: 'place',
  date: 'date',
  group: 'group', groupe: 'group', team: 'group', equipe: 'group', 'collected by': 'group', 'collecte par': 'group',
  language: 'language', langue: 'language', lang: 'language',
  tags: 'tags', tag: 'tags', etiquettes: 'tags', keywords: 'tags', 'mots cles': 'tags',
};

const MAX: Record<Exclude<StoryColumn, 'tags'>, number> = {
  code: MAX_CODE_CHARS, summary: MAX_SUMMARY_CHARS, place: MAX_STORY_FIELD_CHARS, date: MAX_DATE_CHARS,
  group: MAX_STORY_FIELD_CHARS, language: MAX_LANGUAGE_CHARS,
};

/** A row of the file; a field is undefined when the file has no such column. */
export type ParsedStory = StoryPatch & { readonly code: string; readonly line: number };

export type StoriesCsvParse =
  | { ok: true; stories: ParsedStory[]; warnings: StoriesCsvIssue[] }
  | { ok: false; errors: StoriesCsvIssue[] };

interface Header {
  delimiter: string;
  names: string[];
  columns: (StoryColumn | undefined)[];
}

function readHeader(firstLine: string): Header {
  let best: Header | null = null;
  for (const delimiter of [',', ';', '\t']) {
    const names = (Papa.parse<string[]>(firstLine, { delimiter }).data[0] ?? []).map((n) => n.trim());
    const columns = names.map((n) => ALIASES[foldHeader(n)]);
    const score = columns.filter((c) => c !== undefined).length;
    if (!best || score > best.columns.filter((c) => c !== undefined).length) best = { delimiter, names, columns };
  }
  return best!;
}

export function splitTags(cell: string): string[] {
  return cell.split(/[;|]/).map((t) => t.trim()).filter(Boolean);
}

function decode(data: string | Uint8Array | ArrayBuffer) {
  if (typeof data === 'string') return checkText(data);
  return decodeText(data instanceof Uint8Array ? data : new Uint8Array(data));
}

/** Reads and checks the whole file; writes nothing. */
export function parseStoriesCsv(data: string | Uint8Array | ArrayBuffer): StoriesCsvParse {
  const decoded = decode(data);
  if (!decoded.ok) return { ok: false, errors: decoded.errors };
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const header = readHeader(text.split('\n', 1)[0] ?? '');
  const errors = new IssueList();
  const warnings: IoIssue[] = [...decoded.warnings];
  const index = new Map<StoryColumn, number>();
  header.columns.forEach((c, i) => {
    const name = header.names[i] ?? '';
    if (c === undefined) {
      if (name !== '') warnings.push(ioIssue('csv.unknownColumn', { column: name }, 'line 1'));
    } else if (index.has(c)) errors.add('csv.duplicateColumn', { column: name }, 'line 1');
    else index.set(c, i);
  });
  if (!index.has('code')) {
    return { ok: false, errors: [issue('stories.badHeader', { found: (text.split('\n', 1)[0] ?? '').slice(0, 80) }, 'line 1')] };
  }
  if (!errors.empty) return { ok: false, errors: errors.toArray() };

  const own: StoriesCsvIssue[] = [];
  const fail = (code: StoriesCsvCode, params: IoParams, line: number) => {
    if (own.length < 50) own.push(issue(code, params, `line ${line}`));
  };
  const stories: ParsedStory[] = [];
  const firstLineOf = new Map<string, number>();
  let cursor = 0;
  let line = 1;
  let first = true;
  Papa.parse<string[]>(text, {
    delimiter: header.delimiter,
    newline: '\n',
    step: (result) => {
      const rowLine = line;
      for (let i = cursor; i < result.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = result.meta.cursor;
      if (first) {
        first = false;
        return;
      }
      if (result.errors.length > 0) {
        errors.add('csv.quotes', { line: rowLine }, `line ${rowLine}`);
        return;
      }
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      const used = cells.length - [...cells].reverse().findIndex((c) => c.trim() !== '');
      if (used > header.names.length) {
        errors.add('csv.tooManyFields', { line: rowLine, count: used, expected: header.names.length }, `line ${rowLine}`);
        return;
      }
      const row = readRow(cells, index, rowLine, fail);
      if (!row) return;
      const key = normalizeCode(row.code);
      const seen = firstLineOf.get(key);
      if (seen !== undefined) fail('stories.duplicateCode', { line: rowLine, code: row.code, first: seen }, rowLine);
      else firstLineOf.set(key, rowLine);
      stories.push(row);
    },
  });
  const all = [...errors.toArray(), ...own];
  if (all.length > 0) return { ok: false, errors: all };
  if (stories.length === 0) return { ok: false, errors: [ioIssue('csv.noRows')] };
  if (stories.length > MAX_IMPORT_STORIES) {
    return { ok: false, errors: [issue('stories.tooMany', { count: stories.length, limit: MAX_IMPORT_STORIES })] };
  }
  return { ok: true, stories, warnings };
}

function readRow(
  cells: string[], index: ReadonlyMap<StoryColumn, number>, line: number,
  fail: (code: StoriesCsvCode, params: IoParams, line: number) => void,
): ParsedStory | null {
  const cell = (c: StoryColumn) => {
    const i = index.get(c);
    return i === undefined ? undefined : unescapeFormula((cells[i] ?? '').trim());
  };
  const code = cell('code') ?? '';
  if (code === '') {
    fail('stories.missingCode', { line }, line);
    return null;
  }
  let ok = true;
  const row: { -readonly [K in keyof ParsedStory]: ParsedStory[K] } = { code, line };
  for (const c of ['code', 'summary', 'place', 'date', 'group', 'language'] as const) {
    const v = cell(c);
    if (v === undefined) continue;
    if (v.length > MAX[c]) {
      fail('stories.tooLong', { line, field: c, max: MAX[c] }, line);
      ok = false;
    }
    row[c] = v;
  }
  const tagCell = cell('tags');
  if (tagCell !== undefined) {
    const tags = [...new Set(splitTags(tagCell))];
    if (tags.some((t) => t.length > MAX_TAG_CHARS)) {
      fail('stories.tooLong', { line, field: 'tags', max: MAX_TAG_CHARS }, line);
      ok = false;
    }
    if (tags.length > MAX_TAGS) {
      fail('stories.tooManyTags', { line, max: MAX_TAGS }, line);
      ok = false;
    }
    row.tags = tags;
  }
  return ok ? row : null;
}

/** What to do with a row whose code the map already has. */
export type ExistingCodePolicy = 'error' | 'skip' | 'update';

export type StoriesImportResult =
  | { ok: true; added: string[]; updated: string[]; skipped: number; warnings: StoriesCsvIssue[] }
  | { ok: false; errors: StoriesCsvIssue[] };

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
    const clashes = parsed.stories.filter((s) => known.has(normalizeCode(s.code)))
      .slice(0, 50).map((s) => issue('stories.existingCode', { line: s.line, code: s.code }, `line ${s.line}`));
    if (clashes.length > 0) return { ok: false, errors: clashes };
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

export interface StoriesCsvExportOptions {
  /** Only the story codes, for sharing outside the team: no summary, place or collector. */
  readonly codesOnly?: boolean;
  /** BOM, `;` and formula guard, for Excel (see CsvExportOptions). */
  readonly excel?: boolean;
}

function guardFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function toCsv(header: readonly string[], rows: string[][], opts: StoriesCsvExportOptions): string {
  const excel = opts.excel === true;
  const data = excel ? rows.map((r) => r.map(guardFormula)) : rows;
  const body = Papa.unparse({ fields: [...header], data }, { delimiter: excel ? ';' : ',', newline: '\r\n' });
  return (excel ? '\uFEFF' : '') + body + '\r\n';
}

/** code,summary,place,date,group,language,tags (tags joined by ';'), sorted by code. */
export function exportStoriesCsv(doc: Y.Doc, opts: StoriesCsvExportOptions = {}): string {
  const stories = readStories(doc, silent);
  if (opts.codesOnly) return toCsv(['code'], stories.map((s) => [s.code]), opts);
  const rows = stories.map((s) => [s.code, s.summary, s.place, s.date, s.group, s.language, s.tags.join(';')]);
  return toCsv(STORY_COLUMNS, rows, opts);
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
  return toCsv(header, rows, opts);
}
