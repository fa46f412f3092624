import Papa from 'papaparse';
import { ioIssue, IssueList, type IoIssue } from './issues';
import { foldHeader } from './values';

/**
 * The spreadsheet layer of CSV import: finds the separator, maps the header to known columns
 * (English or French names) and returns rows with the line each starts on, so every error can
 * name its line even when a quoted note spans several lines.
 */
export type CsvKind = 'links' | 'factors' | 'stories';

export const LINK_COLUMNS = ['cause', 'effect', 'polarity', 'strength', 'delay', 'note'] as const;
export const FACTOR_COLUMNS = ['label', 'theme', 'note'] as const;
export const STORY_COLUMNS = ['code', 'summary', 'place', 'date', 'group', 'language', 'tags'] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];
export type FactorColumn = (typeof FACTOR_COLUMNS)[number];
export type StoryColumn = (typeof STORY_COLUMNS)[number];
type Column = LinkColumn | FactorColumn | StoryColumn;

/** Column names of map files (links and factors), told apart by detectCsvKind. */
const MAP_ALIASES: Readonly<Record<string, Column>> = {
  cause: 'cause', source: 'cause', from: 'cause',
  effect: 'effect', effet: 'effect', consequence: 'effect', target: 'effect', cible: 'effect', to: 'effect',
  polarity: 'polarity', polarite: 'polarity', sign: 'polarity', signe: 'polarity',
  strength: 'strength', force: 'strength', intensite: 'strength',
  delay: 'delay', delai: 'delay', retard: 'delay',
  note: 'note', notes: 'note', comment: 'note', commentaire: 'note', description: 'note',
  label: 'label', libelle: 'label', factor: 'label', facteur: 'label', name: 'label', nom: 'label',
  theme: 'theme', category: 'theme', categorie: 'theme',
};

/** Column names of a stories file (imported from the stories panel, never detected). */
const STORY_ALIASES: Readonly<Record<string, Column>> = {
  code: 'code', ref: 'code', reference: 'code',
  summary: 'summary', resume: 'summary', extrait: 'summary', excerpt: 'summary', texte: 'summary', text: 'summary',
  place: 'place', lieu: 'place', location: 'place', localite: 'place', village: 'place',
  date: 'date',
  group: 'group', groupe: 'group', team: 'group', equipe: 'group', 'collected by': 'group', 'collecte par': 'group',
  language: 'language', langue: 'language', lang: 'language',
  tags: 'tags', tag: 'tags', etiquettes: 'tags', keywords: 'tags', 'mots cles': 'tags',
};

const KIND_COLUMNS: Readonly<Record<CsvKind, readonly Column[]>> = {
  links: LINK_COLUMNS, factors: FACTOR_COLUMNS, stories: STORY_COLUMNS,
};
const KIND_ALIASES: Readonly<Record<CsvKind, Readonly<Record<string, Column>>>> = {
  links: MAP_ALIASES, factors: MAP_ALIASES, stories: STORY_ALIASES,
};
const REQUIRED: Readonly<Record<CsvKind, readonly Column[]>> = { links: ['cause', 'effect'], factors: ['label'], stories: ['code'] };

export interface CsvRow<C extends string> {
  readonly line: number;
  /** '' for a column the file does not have (see `columns`). */
  readonly cells: Readonly<Record<C, string>>;
}

export type CsvTable<C extends string> =
  | { ok: true; rows: CsvRow<C>[]; columns: ReadonlySet<C>; warnings: IoIssue[] }
  | { ok: false; errors: IoIssue[] };

function splitLine(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n' });
  return parsed.data[0] ?? [];
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

interface Header {
  delimiter: string;
  names: string[];
  columns: (Column | undefined)[];
}

/** The separator that makes the most known column names out of the first line (`,` on a tie). */
function readHeader(text: string, aliases: Readonly<Record<string, Column>> = MAP_ALIASES): Header {
  let best: Header | null = null;
  let bestScore = -1;
  for (const delimiter of [',', ';', '\t']) {
    const names = splitLine(firstLine(text), delimiter).map((n) => n.trim());
    const columns = names.map((n) => aliases[foldHeader(n)]);
    const score = columns.filter((c) => c !== undefined).length;
    if (score > bestScore) {
      best = { delimiter, names, columns };
      bestScore = score;
    }
  }
  return best!;
}

/** Links if the header names a cause or an effect, factors if it names a label. */
export function detectCsvKind(text: string): CsvKind | null {
  const { columns } = readHeader(text);
  if (columns.includes('cause') || columns.includes('effect')) return 'links';
  if (columns.includes('label')) return 'factors';
  return null;
}

/** A spreadsheet escapes a text that looks like a formula with a leading apostrophe. */
export function unescapeFormula(v: string): string {
  return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
}

export function readCsvTable<C extends Column>(text: string, kind: CsvKind): CsvTable<C> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const header = readHeader(normalized, KIND_ALIASES[kind]);
  const issues = new IssueList();
  const warnings = new IssueList();
  const wanted = KIND_COLUMNS[kind];
  const index = new Map<Column, number>();
  header.columns.forEach((c, i) => {
    const name = header.names[i] ?? '';
    if (c === undefined || !wanted.includes(c)) {
      if (name !== '') warnings.add('csv.unknownColumn', { column: name }, 'line 1');
    } else if (index.has(c)) {
      issues.add('csv.duplicateColumn', { column: name }, 'line 1');
    } else {
      index.set(c, i);
    }
  });
  const required = REQUIRED[kind];
  if (!required.some((c) => index.has(c))) {
    issues.add(kind === 'stories' ? 'stories.badHeader' : 'csv.badHeader', { found: firstLine(normalized).slice(0, 80) }, 'line 1');
    return { ok: false, errors: issues.toArray() };
  }
  for (const c of required) if (!index.has(c)) issues.add('csv.missingColumn', { column: c }, 'line 1');
  if (!issues.empty) return { ok: false, errors: issues.toArray() };

  const rows: CsvRow<C>[] = [];
  let cursor = 0;
  let line = 1;
  let first = true;
  Papa.parse<string[]>(normalized, {
    delimiter: header.delimiter,
    newline: '\n',
    step: (result) => {
      const rowLine = line;
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (normalized.charCodeAt(i) === 10) line++;
      cursor = end;
      if (first) {
        first = false;
        return;
      }
      if (result.errors.length > 0) {
        issues.add('csv.quotes', { line: rowLine }, `line ${rowLine}`);
        return;
      }
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      const used = cells.length - [...cells].reverse().findIndex((c) => c.trim() !== '');
      if (used > header.names.length) {
        issues.add('csv.tooManyFields', { line: rowLine, count: used, expected: header.names.length }, `line ${rowLine}`);
        return;
      }
      const record = {} as Record<C, string>;
      for (const c of wanted) {
        const i = index.get(c);
        record[c as C] = i === undefined ? '' : (cells[i] ?? '');
      }
      rows.push({ line: rowLine, cells: record });
    },
  });
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  if (rows.length === 0) return { ok: false, errors: [ioIssue('csv.noRows')] };
  return { ok: true, rows, columns: new Set(index.keys()) as Set<C>, warnings: warnings.toArray() };
}

