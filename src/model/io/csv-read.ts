import { MAX_LABEL_CHARS, MAX_NOTES_CHARS } from '../schema';
import { IssueList, type IoIssue } from './issues';
import {
  limitIssues, type ParsedFactor, type ParsedLink, type ParsedMap, type ParseResult,
} from './parsed';
import {
  detectCsvKind, readCsvTable, unescapeFormula, type CsvRow, type FactorColumn, type LinkColumn,
} from './csv-table';
import { parseDelay, parsePolarity, parseStrength } from './values';

/**
 * CSV files of links (cause,effect,polarity,strength,delay,note) and of factors
 * (label,theme,note). Factors are named by their label, trimmed and matched exactly; a links
 * file alone creates the factors it names.
 */

function csvMap(factors: ParsedFactor[], links: ParsedLink[], warnings: IoIssue[]): ParseResult {
  const limits = limitIssues(factors.length, links.length);
  if (limits.length > 0) return { ok: false, errors: limits };
  return {
    ok: true,
    map: {
      format: 'csv', meta: {}, factors, links, keepIds: false, matchByLabel: true, themeIsName: true,
      sections: {}, warnings,
    },
  };
}

function text(row: CsvRow<string>, column: string): string {
  return unescapeFormula((row.cells[column] ?? '').trim());
}

function checkLength(issues: IssueList, line: number, field: string, value: string, max: number): void {
  if (value.length > max) issues.add('csv.tooLong', { line, field, max }, `line ${line}`);
}

export function parseLinksCsv(source: string): ParseResult {
  const table = readCsvTable<LinkColumn>(source, 'links');
  if (!table.ok) return table;
  const issues = new IssueList();
  const factors: ParsedFactor[] = [];
  const named = new Set<string>();
  const name = (label: string) => {
    if (!named.has(label)) {
      named.add(label);
      factors.push({ key: label, label });
    }
  };
  const links: ParsedLink[] = [];
  const pairLine = new Map<string, number>();
  for (const row of table.rows) {
    const { line } = row;
    const where = `line ${line}`;
    const cause = text(row, 'cause');
    const effect = text(row, 'effect');
    if (cause === '') issues.add('csv.missingCause', { line }, where);
    if (effect === '') issues.add('csv.missingEffect', { line }, where);
    if (cause === '' || effect === '') continue;
    checkLength(issues, line, 'cause', cause, MAX_LABEL_CHARS);
    checkLength(issues, line, 'effect', effect, MAX_LABEL_CHARS);
    if (cause === effect) issues.add('csv.selfLink', { line, label: cause }, where);
    const pair = `${cause}\u0000${effect}`;
    const first = pairLine.get(pair);
    if (first !== undefined) issues.add('csv.duplicateLink', { line, first }, where);
    else pairLine.set(pair, line);
    const rawPolarity = row.cells.polarity.trim();
    const polarity = parsePolarity(rawPolarity);
    if (polarity === null) issues.add('csv.unknownPolarity', { line, value: rawPolarity }, where);
    const rawStrength = row.cells.strength.trim();
    const strength = parseStrength(rawStrength);
    if (strength === null) issues.add('csv.badStrength', { line, value: rawStrength }, where);
    const rawDelay = row.cells.delay.trim();
    const delay = parseDelay(rawDelay);
    if (delay === null) issues.add('csv.badDelay', { line, value: rawDelay }, where);
    const notes = text(row, 'note');
    checkLength(issues, line, 'note', notes, MAX_NOTES_CHARS);
    if (polarity === null || strength === null || delay === null) continue;
    name(cause);
    name(effect);
    const link: { -readonly [K in keyof ParsedLink]: ParsedLink[K] } = { source: cause, target: effect, polarity };
    if (strength !== undefined) link.strength = strength;
    if (delay) link.delay = true;
    if (notes !== '') link.notes = notes;
    links.push(link);
  }
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  return csvMap(factors, links, table.warnings);
}

export function parseFactorsCsv(source: string): ParseResult {
  const table = readCsvTable<FactorColumn>(source, 'factors');
  if (!table.ok) return table;
  const issues = new IssueList();
  const factors: ParsedFactor[] = [];
  const labelLine = new Map<string, number>();
  for (const row of table.rows) {
    const { line } = row;
    const where = `line ${line}`;
    const label = text(row, 'label');
    if (label === '') {
      issues.add('csv.missingLabel', { line }, where);
      continue;
    }
    checkLength(issues, line, 'label', label, MAX_LABEL_CHARS);
    const first = labelLine.get(label);
    if (first !== undefined) issues.add('csv.duplicateFactor', { line, first, label }, where);
    else labelLine.set(label, line);
    const theme = text(row, 'theme');
    const notes = text(row, 'note');
    checkLength(issues, line, 'theme', theme, MAX_LABEL_CHARS);
    checkLength(issues, line, 'note', notes, MAX_NOTES_CHARS);
    const f: { -readonly [K in keyof ParsedFactor]: ParsedFactor[K] } = { key: label, label };
    if (theme !== '') f.theme = theme;
    if (notes !== '') f.notes = notes;
    factors.push(f);
  }
  if (!issues.empty) return { ok: false, errors: issues.toArray() };
  return csvMap(factors, [], table.warnings);
}

/** A CSV of either kind, told apart by its header. */
export function parseCsv(source: string): ParseResult {
  const kind = detectCsvKind(source.replace(/\r\n?/g, '\n'));
  if (kind === 'factors') return parseFactorsCsv(source);
  return parseLinksCsv(source);
}

/**
 * One map from a factors file and a links file: the factors file gives themes and notes and
 * its order; factors named only in the links file are added after.
 */
export function combineCsv(factorsMap: ParsedMap, linksMap: ParsedMap): ParseResult {
  const factors = [...factorsMap.factors];
  const known = new Set(factors.map((f) => f.key));
  for (const f of linksMap.factors) {
    if (!known.has(f.key)) {
      known.add(f.key);
      factors.push(f);
    }
  }
  const warnings = [...factorsMap.warnings, ...linksMap.warnings];
  return csvMap(factors, [...factorsMap.links, ...linksMap.links], warnings);
}
