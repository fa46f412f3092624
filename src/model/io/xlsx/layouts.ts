import { ioIssue, IssueList, type IoIssue } from '../issues';
import type { ParseResult } from '../parsed';
import { buildPeerMap, splitTags, type PeerConnection, type PeerElement, type PeerLoop, type Place } from '../peer-map';
import { foldHeader, parseDelay, parsePolarity } from '../values';
import { columnLetters } from './cells';
import type { GridRow, SheetGrid } from './workbook';

/**
 * Which sheets of a workbook hold factors and which hold links, told apart by their headers
 * (in any of their first rows, so a title row above the table is fine), with the column names
 * of Kumu's import (Label, Type, Description, Tags / From, To, Type…), PRSM's export (label,
 * Note, x, y / from, to, label, Note), Trame's own export in French and English, and the
 * CSV import's names. Sheets whose name says "(ignore)" are skipped, as Kumu does.
 */
type FactorField = 'id' | 'label' | 'theme' | 'tags' | 'note' | 'x' | 'y' | 'style' | 'icon' | 'skip';
type LinkField = 'id' | 'cause' | 'effect' | 'polarity' | 'type' | 'strength' | 'delay' | 'note' | 'label' | 'skip';
type LoopField = 'name' | 'factors' | 'key' | 'note' | 'skip';

/** Folded as foldHeader folds them: lower case, no accents, spaces for _ and -. */
const FACTOR_HEADERS: Readonly<Record<string, FactorField>> = {
  id: 'id', identifiant: 'id',
  label: 'label', libelle: 'label', factor: 'label', facteur: 'label', name: 'label', nom: 'label', element: 'label',
  theme: 'theme', category: 'theme', categorie: 'theme', type: 'theme', 'element type': 'theme', "type d'element": 'theme',
  tags: 'tags', tag: 'tags', etiquettes: 'tags', etiquette: 'tags', 'mots cles': 'tags',
  note: 'note', notes: 'note', comment: 'note', commentaire: 'note', description: 'note',
  x: 'x', y: 'y', style: 'style', icon: 'icon', icone: 'icon',
  // Trame's export writes these; they are computed from the links and stories, so not read.
  'liens entrants': 'skip', 'links in': 'skip', 'liens sortants': 'skip', 'links out': 'skip',
  boucles: 'skip', loops: 'skip', recits: 'skip', stories: 'skip',
};

const LINK_HEADERS: Readonly<Record<string, LinkField>> = {
  id: 'id', identifiant: 'id',
  cause: 'cause', source: 'cause', from: 'cause', de: 'cause', origine: 'cause',
  effect: 'effect', effet: 'effect', consequence: 'effect', target: 'effect', cible: 'effect', to: 'effect',
  vers: 'effect', destination: 'effect',
  polarity: 'polarity', polarite: 'polarity', sign: 'polarity', signe: 'polarity',
  type: 'type', 'connection type': 'type', 'type de connexion': 'type', 'type de lien': 'type',
  strength: 'strength', force: 'strength', intensite: 'strength',
  delay: 'delay', delai: 'delay', retard: 'delay', delayed: 'delay',
  note: 'note', notes: 'note', comment: 'note', commentaire: 'note', description: 'note',
  label: 'label', libelle: 'label',
  tags: 'skip', etiquettes: 'skip', style: 'skip', recits: 'skip', stories: 'skip',
};

const LOOP_HEADERS: Readonly<Record<string, LoopField>> = {
  nom: 'name', name: 'name', facteurs: 'factors', factors: 'factors',
  'boucle cle': 'key', 'key loop': 'key', notes: 'note', note: 'note',
};

/** Sheets of Trame's export that are not factors or links. */
const LOOP_SHEETS = new Set(['boucles', 'loops']);
const OTHER_SHEETS = new Set(['recits', 'stories']);
/** A factor sequence in the Loops sheet: "A → B → C". */
const LOOP_ARROW = '\u2192';

/** How far down a sheet its header may be: a title and a blank line above the table are common. */
const HEADER_SEARCH_ROWS = 10;

interface Table<F extends string> {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<F, number>;
  readonly rows: readonly GridRow[];
}

function headerOf<F extends string>(
  sheet: SheetGrid, table: Readonly<Record<string, F>>, ok: (cols: ReadonlyMap<F, number>) => boolean, issues: IssueList,
): Table<F> | null {
  for (const r of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<F, number>();
    const dup: { header: string; column: number }[] = [];
    r.cells.forEach((cell, i) => {
      const f = table[foldHeader(cell)];
      if (f === undefined || f === 'skip') return;
      if (columns.has(f)) dup.push({ header: cell.trim(), column: i });
      else columns.set(f, i);
    });
    if (!ok(columns)) continue;
    for (const d of dup) {
      issues.add('xlsx.duplicateColumn', { sheet: sheet.name, row: r.row, column: columnLetters(d.column), header: d.header },
        `${sheet.name}!${columnLetters(d.column)}${r.row}`);
    }
    return { sheet: sheet.name, headerRow: r.row, columns, rows: sheet.rows.filter((x) => x.row > r.row) };
  }
  return null;
}

function cell<F extends string>(t: Table<F>, row: GridRow, field: F): string {
  const i = t.columns.get(field);
  return i === undefined ? '' : (row.cells[i] ?? '');
}

function placeOf<F extends string>(t: Table<F>, row: GridRow, field: F): Place {
  const column = columnLetters(t.columns.get(field) ?? 0);
  return { params: { sheet: t.sheet, row: row.row, column }, where: `${t.sheet}!${column}${row.row}`, short: row.row };
}

function blank(row: GridRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

/** A number as Excel stores it, or as a person types it with a French decimal comma. */
function number(raw: string): number | null {
  const v = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function readElements(t: Table<FactorField>, issues: IssueList, warnings: IoIssue[]): PeerElement[] {
  const out: PeerElement[] = [];
  for (const row of t.rows) {
    if (blank(row)) continue;
    const label = cell(t, row, 'label').trim();
    if (label === '') {
      issues.add('xlsx.missingLabel', placeOf(t, row, 'label').params, placeOf(t, row, 'label').where);
      continue;
    }
    const rawX = cell(t, row, 'x');
    const rawY = cell(t, row, 'y');
    const x = number(rawX);
    const y = number(rawY);
    for (const [f, raw, n] of [['x', rawX, x], ['y', rawY, y]] as const) {
      if (raw.trim() !== '' && n === null) {
        const p = placeOf(t, row, f);
        warnings.push(ioIssue('xlsx.badPosition', { ...p.params, value: raw.slice(0, 40) }, p.where));
      }
    }
    const style = cell(t, row, 'style').trim();
    const theme = cell(t, row, 'theme').trim();
    const id = cell(t, row, 'id').trim();
    out.push({
      place: placeOf(t, row, 'label'),
      ...(id !== '' ? { id } : {}),
      label,
      // PRSM numbers its styles: a theme per style keeps factors that looked alike together.
      ...(theme !== '' ? { type: theme } : style !== '' && !t.columns.has('tags') ? { type: `Style ${style}` } : {}),
      tags: splitTags(cell(t, row, 'tags')),
      notes: cell(t, row, 'note'),
      ...(x !== null && y !== null ? { x, y } : {}),
      icon: cell(t, row, 'icon'),
    });
  }
  return out;
}

function readConnections(t: Table<LinkField>, issues: IssueList): PeerConnection[] {
  const out: PeerConnection[] = [];
  for (const row of t.rows) {
    if (blank(row)) continue;
    const from = cell(t, row, 'cause').trim();
    const to = cell(t, row, 'effect').trim();
    if (from === '') issues.add('xlsx.missingCause', placeOf(t, row, 'cause').params, placeOf(t, row, 'cause').where);
    if (to === '') issues.add('xlsx.missingEffect', placeOf(t, row, 'effect').params, placeOf(t, row, 'effect').where);
    if (from === '' || to === '') continue;
    const rawPolarity = cell(t, row, 'polarity').trim();
    const polarity = t.columns.has('polarity') ? parsePolarity(rawPolarity) : undefined;
    if (polarity === null) {
      const p = placeOf(t, row, 'polarity');
      issues.add('xlsx.unknownPolarity', { ...p.params, value: rawPolarity.slice(0, 40) }, p.where);
      continue;
    }
    const rawDelay = cell(t, row, 'delay').trim();
    const delay = parseDelay(rawDelay);
    if (delay === null) {
      const p = placeOf(t, row, 'delay');
      issues.add('xlsx.badDelay', { ...p.params, value: rawDelay.slice(0, 40) }, p.where);
      continue;
    }
    const strength = cell(t, row, 'strength').trim();
    const id = cell(t, row, 'id').trim();
    out.push({
      place: placeOf(t, row, 'cause'),
      ...(id !== '' ? { id } : {}),
      from,
      to,
      ...(polarity !== undefined ? { polarity } : {}),
      ...(t.columns.has('type') ? { type: cell(t, row, 'type') } : {}),
      ...(strength !== '' ? { strength } : {}),
      delay,
      label: cell(t, row, 'label'),
      notes: cell(t, row, 'note'),
    });
  }
  return out;
}

function readLoops(t: Table<LoopField>): PeerLoop[] {
  return t.rows.flatMap((row) => {
    const factors = cell(t, row, 'factors').split(LOOP_ARROW).map((s) => s.trim()).filter((s) => s !== '');
    if (factors.length < 2) return [];
    const key = parseDelay(cell(t, row, 'key'));
    return [{ name: cell(t, row, 'name'), notes: cell(t, row, 'note'), key: key === true, factors }];
  });
}

/** The map a workbook holds, or the reasons it holds none. */
export function readLayouts(fileName: string, sheets: readonly SheetGrid[], warningsIn: readonly IoIssue[]): ParseResult {
  const issues = new IssueList();
  const warnings = [...warningsIn];
  const elements: PeerElement[] = [];
  const connections: PeerConnection[] = [];
  const loops: PeerLoop[] = [];
  let linkSheet: string | undefined;
  let tables = 0;
  for (const sheet of sheets) {
    if (/\(ignore\)/i.test(sheet.name) || sheet.rows.length === 0) continue;
    const folded = foldHeader(sheet.name);
    if (OTHER_SHEETS.has(folded)) continue;
    if (LOOP_SHEETS.has(folded)) {
      const t = headerOf(sheet, LOOP_HEADERS, (c) => c.has('factors'), issues);
      if (t) loops.push(...readLoops(t));
      continue;
    }
    const links = headerOf(sheet, LINK_HEADERS, (c) => c.has('cause') && c.has('effect'), issues);
    if (links) {
      tables++;
      linkSheet ??= sheet.name;
      connections.push(...readConnections(links, issues));
      continue;
    }
    const factors = headerOf(sheet, FACTOR_HEADERS, (c) => c.has('label'), issues);
    if (factors) {
      tables++;
      elements.push(...readElements(factors, issues, warnings));
      continue;
    }
    warnings.push(ioIssue('xlsx.sheetSkipped', { sheet: sheet.name }));
  }
  if (tables === 0) {
    const names = sheets.map((s) => `'${s.name}'`).join(', ') || '—';
    return { ok: false, errors: [ioIssue('xlsx.noSheet', { name: fileName, sheets: names.slice(0, 300) })] };
  }
  if (issues.empty && elements.length === 0 && connections.length === 0) return { ok: false, errors: [ioIssue('csv.noRows')] };
  const result = buildPeerMap({
    dialect: 'xlsx',
    format: 'xlsx',
    elements,
    connections,
    loops,
    implicitFactors: true,
    ...(linkSheet !== undefined ? { summaryParams: { sheet: linkSheet } } : {}),
    warnings,
    errors: issues.toArray(),
  });
  if (result.ok) return result;
  // In the order the person reads the workbook: sheet by sheet, row by row.
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const rank = (e: IoIssue) => [order.get(String(e.params.sheet)) ?? sheets.length, Number(e.params.row ?? 0)] as const;
  const errors = [...result.errors].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  return { ok: false, errors };
}
