import * as Y from 'yjs';
import { change, factorsOf, linksOf, metaOf, type LinksMap } from '../doc';
import { newId } from '../ids';
import { silent } from '../log';
import { putFactor, setFactorField } from '../ops';
import { readSnapshot } from '../reader';
import { MAX_NOTES_CHARS, SCHEMA_VERSION, type Factor } from '../schema';
import { isBlank } from '../spec';
import { ensureTheme } from '../themes';
import { ioIssue, type IoIssue } from './issues';
import { writeFileSources } from '../merge/provenance-json';
import { modelRegistry } from '../registry';
import type { SectionImportContext } from './json-sections';
import { isKeepableId, type ParsedFactor, type ParsedLink, type ParsedMap } from './parsed';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** Places factors that arrive without a position; `layoutMap` from src/model/layout fits. */
export type LayoutFn = (
  factors: readonly { id: string; label: string }[],
  links: readonly { source: string; target: string }[],
) => ReadonlyMap<string, Position>;

export interface ImportOptions {
  /** 'new' fills an empty map and keeps the file's ids; 'merge' adds to an open map with fresh ids. */
  readonly mode: 'new' | 'merge';
  /**
   * Added to every position. Without it a merge lands to the right of what the map holds,
   * and a new map keeps the file's positions.
   */
  readonly offset?: Position;
  /** Without it, factors that have no position are set out on a grid. */
  readonly layout?: LayoutFn;
}

export type ImportResult =
  | {
    ok: true;
    /** Factors and links this import created, in the map's ids. */
    factorIds: string[];
    linkIds: string[];
    /** Factors of a CSV that matched a factor of the map by label (merge only). */
    reusedFactors: number;
    /** Links already in the map, left as they were (merge only). */
    skippedLinks: number;
    /** File ids (labels for CSV) → map ids. */
    idMap: Map<string, string>;
    warnings: IoIssue[];
  }
  | { ok: false; errors: IoIssue[] };

/** Room a factor takes on the canvas when we must guess (the canvas sizes it to its label). */
const SLOT_WIDTH = 240;
const SLOT_HEIGHT = 110;

function gridLayout(factors: readonly { id: string }[]): Map<string, Position> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(factors.length * 2)));
  return new Map(factors.map((f, i) => [f.id, { x: (i % columns) * SLOT_WIDTH, y: Math.floor(i / columns) * SLOT_HEIGHT }]));
}

function bounds(points: Iterable<Position>): { minX: number; minY: number; maxX: number; maxY: number } | null {
  let b: { minX: number; minY: number; maxX: number; maxY: number } | null = null;
  for (const p of points) {
    if (!b) b = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    else {
      b.minX = Math.min(b.minX, p.x);
      b.minY = Math.min(b.minY, p.y);
      b.maxX = Math.max(b.maxX, p.x);
      b.maxY = Math.max(b.maxY, p.y);
    }
  }
  return b;
}

/**
 * Positions of the new factors: the file's where it has them, the layout's (set to the right
 * of the positioned ones) where it has not, all moved by the offset.
 */
function placeNew(
  created: readonly { id: string; pf: ParsedFactor }[],
  links: readonly { source: string; target: string }[],
  existing: readonly Factor[],
  options: ImportOptions,
): Map<string, Position> {
  const pos = new Map<string, Position>();
  const loose: { id: string; label: string }[] = [];
  for (const { id, pf } of created) {
    if (pf.x !== undefined && pf.y !== undefined) pos.set(id, { x: pf.x, y: pf.y });
    else loose.push({ id, label: pf.label });
  }
  if (loose.length > 0) {
    const looseIds = new Set(loose.map((f) => f.id));
    const inner = links.filter((l) => looseIds.has(l.source) && looseIds.has(l.target));
    let laid = options.layout ? options.layout(loose, inner) : gridLayout(loose);
    const complete = loose.every((f) => {
      const p = laid.get(f.id);
      return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);
    });
    if (!complete) laid = gridLayout(loose);
    const placed = bounds(pos.values());
    const block = bounds(laid.values());
    const dx = placed && block ? placed.maxX + SLOT_WIDTH - block.minX : 0;
    const dy = placed && block ? placed.minY - block.minY : 0;
    for (const f of loose) {
      const p = laid.get(f.id)!;
      pos.set(f.id, { x: p.x + dx, y: p.y + dy });
    }
  }
  let offset = options.offset;
  if (!offset && options.mode === 'merge') {
    const there = bounds(existing);
    const here = bounds(pos.values());
    offset = there && here ? { x: there.maxX + SLOT_WIDTH - here.minX, y: there.minY - here.minY } : { x: 0, y: 0 };
  }
  if (!offset || (offset.x === 0 && offset.y === 0)) return pos;
  const { x: ox, y: oy } = offset;
  return new Map([...pos].map(([id, p]) => [id, { x: p.x + ox, y: p.y + oy }]));
}

/**
 * Writes a link as putLink does, without its checks: they were all made above (both ends
 * exist, not a self-link, not a duplicate, polarity and strength valid), and putLink's
 * duplicate search scans every link, which made a 1,000-link import quadratic.
 */
function writeLink(links: LinksMap, id: string, source: string, target: string, pl: ParsedLink): void {
  const m = new Y.Map<unknown>();
  m.set('source', source);
  m.set('target', target);
  m.set('polarity', pl.polarity);
  if (pl.strength !== undefined) m.set('strength', pl.strength);
  if (pl.delay) m.set('delay', true);
  if (pl.notes) m.set('notes', pl.notes.slice(0, MAX_NOTES_CHARS));
  links.set(id, m);
}

/**
 * Writes a parsed map into a document as ONE transaction (one undo step, one update on the
 * wire). Everything that could fail is decided before the transaction starts, so a refused
 * import leaves the document exactly as it was.
 */
export function importIntoDoc(doc: Y.Doc, parsed: ParsedMap, options: ImportOptions): ImportResult {
  const { mode } = options;
  // Asked for first: it refuses before installModel, and nothing must be written by then.
  const sections = modelRegistry.jsonSections();
  const factors = factorsOf(doc);
  const links = linksOf(doc);
  if (mode === 'new' && (factors.size > 0 || links.size > 0)) {
    return { ok: false, errors: [ioIssue('import.notEmpty')] };
  }
  // Every importer refuses a blank label; a ParsedMap made elsewhere is checked here too, since
  // putFactor refuses one inside the transaction, where half the map would be written.
  const blank = parsed.factors.find((pf) => isBlank(pf.label));
  if (blank) return { ok: false, errors: [ioIssue('import.blankLabel', { where: blank.key || '?' })] };
  const snap = readSnapshot(doc, silent);
  const usedFactorIds = new Set(factors.keys());
  const usedLinkIds = new Set(links.keys());
  const fresh = (fileId: string | undefined, used: Set<string>): string => {
    const keep = mode === 'new' && parsed.keepIds && fileId !== undefined && isKeepableId(fileId) && !used.has(fileId);
    const id = keep ? fileId : newId();
    used.add(id);
    return id;
  };

  const idMap = new Map<string, string>();
  const byLabel = new Map<string, Factor>();
  if (mode === 'merge' && parsed.matchByLabel) {
    for (const f of snap.factors) if (!byLabel.has(f.label.trim())) byLabel.set(f.label.trim(), f);
  }
  const created: { id: string; pf: ParsedFactor }[] = [];
  const fillIns: { id: string; field: 'theme' | 'notes'; value: string }[] = [];
  for (const pf of parsed.factors) {
    const same = byLabel.get(pf.label.trim());
    if (same) {
      idMap.set(pf.key, same.id);
      if (pf.theme && !same.theme) fillIns.push({ id: same.id, field: 'theme', value: pf.theme });
      if (pf.notes && !same.notes) fillIns.push({ id: same.id, field: 'notes', value: pf.notes });
      continue;
    }
    const id = fresh(pf.key, usedFactorIds);
    idMap.set(pf.key, id);
    created.push({ id, pf });
  }

  const pairs = new Set(snap.links.map((l) => `${l.source}\u0000${l.target}`));
  const newLinks: { id: string; source: string; target: string; pl: ParsedLink }[] = [];
  let skippedLinks = 0;
  for (const pl of parsed.links) {
    const source = idMap.get(pl.source);
    const target = idMap.get(pl.target);
    if (source === undefined || target === undefined || source === target) continue;
    const pair = `${source}\u0000${target}`;
    if (pairs.has(pair)) {
      skippedLinks++;
      continue;
    }
    pairs.add(pair);
    const id = fresh(pl.key, usedLinkIds);
    if (pl.key !== undefined) idMap.set(pl.key, id);
    newLinks.push({ id, source, target, pl });
  }
  const positions = placeNew(created, newLinks, snap.factors, options);

  const newFactorIds = created.map((c) => c.id);
  const sectionCtx: SectionImportContext = {
    mode, idMap, newFactorIds, freshId: (fileId) => fresh(fileId, new Set()),
  };
  change(doc, () => {
    if (mode === 'new') {
      const meta = metaOf(doc);
      if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
      for (const [k, v] of Object.entries(parsed.meta)) meta.set(k, v);
    }
    for (const { id, pf } of created) {
      const p = positions.get(id)!;
      const theme = pf.theme && parsed.themeIsName ? ensureTheme(doc, pf.theme) : pf.theme;
      putFactor(doc, { id, label: pf.label, x: p.x, y: p.y, theme, notes: pf.notes, icon: pf.icon });
      if (pf.sources) writeFileSources(factorsOf(doc).get(id)!, pf.sources);
    }
    for (const f of fillIns) {
      setFactorField(doc, f.id, f.field, f.field === 'theme' && parsed.themeIsName ? ensureTheme(doc, f.value) : f.value);
    }
    for (const { id, source, target, pl } of newLinks) {
      writeLink(links, id, source, target, pl);
      if (pl.sources) writeFileSources(links.get(id)!, pl.sources);
    }
    for (const [name, section] of sections) {
      if (name in parsed.sections) section.import(doc, parsed.sections[name], sectionCtx);
    }
  });
  const warnings = [...parsed.warnings];
  if (skippedLinks > 0) warnings.push(ioIssue('import.linksSkipped', { count: skippedLinks }));
  return {
    ok: true,
    factorIds: newFactorIds,
    linkIds: newLinks.map((l) => l.id),
    reusedFactors: parsed.factors.length - created.length,
    skippedLinks,
    idMap,
    warnings,
  };
}
