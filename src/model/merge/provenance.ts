import * as Y from 'yjs';
import { factorsOf, linksOf } from '../doc';
import { foldText } from '../stories';
import { MAX_LABEL_CHARS, type Polarity } from '../schema';
import { isPolarity, type Warn } from '../validate';

/**
 * Provenance (issue 18): which mini-maps a factor or link of a meta-map came from, and under
 * which label or polarity each group drew it. Stored on the factor or link itself, in a
 * `sources` Y.Map keyed by the mini-map's source key, so that merges of different mini-maps
 * write different keys and converge, and removing the element takes its provenance along.
 * Each value is a plain object, replaced whole when the same mini-map is merged again.
 */
export const SOURCES_FIELD = 'sources';
/** A meta-map of a workshop series gathers dozens of mini-maps, not thousands. */
export const MAX_SOURCES = 1_000;
export const MAX_SOURCE_KEY_CHARS = 200;

export interface FactorSource {
  /** The mini-map's title. */
  readonly map: string;
  /** The label the group gave the factor. */
  readonly label: string;
  /** The factor's id in the mini-map file, when it had one: re-merging finds a renamed factor by it. */
  readonly key?: string;
  /** The merge of this mini-map created the factor (rather than matching one already there). */
  readonly added?: boolean;
}

export interface LinkSource {
  readonly map: string;
  readonly polarity: Polarity;
  readonly added?: boolean;
}

/**
 * The key a mini-map is known by in `sources`: its title without case, accents or extra
 * spaces. Merging a mini-map with the same title again updates what came from it.
 */
export function sourceKey(title: string): string {
  return foldText(title).replace(/\s+/g, ' ').trim().slice(0, MAX_SOURCE_KEY_CHARS);
}

type Entry = Record<string, unknown>;

function isEntry(v: unknown): v is Entry {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType);
}

function readMapTitle(e: Entry): string | null {
  return typeof e.map === 'string' && e.map.trim() !== '' && e.map.length <= MAX_LABEL_CHARS ? e.map : null;
}

function readEntries<T>(owner: string, value: unknown, warn: Warn, read: (e: Entry) => T | null): Map<string, T> {
  const out = new Map<string, T>();
  if (value === undefined) return out;
  if (!(value instanceof Y.Map)) {
    warn(`${owner}: sources are not a map, dropped`);
    return out;
  }
  let bad = 0;
  value.forEach((v, key) => {
    const entry = out.size < MAX_SOURCES && key.length <= MAX_SOURCE_KEY_CHARS && isEntry(v) ? read(v) : null;
    if (entry) out.set(key, entry);
    else bad++;
  });
  if (bad > 0) warn(`${owner}: ${bad} malformed sources skipped`);
  return out;
}

export function readFactorSourceMap(owner: string, value: unknown, warn: Warn): Map<string, FactorSource> {
  return readEntries(owner, value, warn, (e) => {
    const map = readMapTitle(e);
    if (map === null || typeof e.label !== 'string' || e.label.length > MAX_LABEL_CHARS) return null;
    const s: { -readonly [K in keyof FactorSource]: FactorSource[K] } = { map, label: e.label };
    if (typeof e.key === 'string' && e.key !== '' && e.key.length <= MAX_SOURCE_KEY_CHARS) s.key = e.key;
    if (e.added === true) s.added = true;
    return s;
  });
}

export function readLinkSourceMap(owner: string, value: unknown, warn: Warn): Map<string, LinkSource> {
  return readEntries(owner, value, warn, (e) => {
    const map = readMapTitle(e);
    if (map === null || !isPolarity(e.polarity)) return null;
    return e.added === true ? { map, polarity: e.polarity, added: true } : { map, polarity: e.polarity };
  });
}

/** Sources in a stable order for display and export: by mini-map title. */
export function sortedSources<T extends { map: string }>(sources: ReadonlyMap<string, T>): T[] {
  return [...sources.values()].sort((a, b) => a.map.localeCompare(b.map, 'fr', { numeric: true }));
}

/**
 * The sources of one factor or link of the document, in display order (empty when no mini-map
 * was merged into it, or the element is gone): what the inspector shows, without the view
 * reaching into the document's maps.
 */
export function readElementSources(doc: Y.Doc, kind: 'factor', id: string, warn: Warn): FactorSource[];
export function readElementSources(doc: Y.Doc, kind: 'link', id: string, warn: Warn): LinkSource[];
export function readElementSources(doc: Y.Doc, kind: 'factor' | 'link', id: string, warn: Warn): (FactorSource | LinkSource)[] {
  const element = (kind === 'factor' ? factorsOf(doc) : linksOf(doc)).get(id);
  if (!(element instanceof Y.Map)) return [];
  const raw = element.get(SOURCES_FIELD);
  if (raw === undefined) return [];
  return kind === 'factor' ? sortedSources(readFactorSourceMap(id, raw, warn)) : sortedSources(readLinkSourceMap(id, raw, warn));
}

/** Inside an open transaction: records (or replaces) one mini-map's entry on an element. */
export function writeSource(element: Y.Map<unknown>, key: string, entry: FactorSource | LinkSource): void {
  let sources = element.get(SOURCES_FIELD);
  if (!(sources instanceof Y.Map)) {
    sources = new Y.Map<unknown>();
    element.set(SOURCES_FIELD, sources);
  }
  const map = sources as Y.Map<unknown>;
  const clean = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
  const old = map.get(key);
  if (isEntry(old) && sameEntry(old, clean)) return;
  map.set(key, clean);
}

function sameEntry(a: Entry, b: Entry): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Inside an open transaction: forgets one mini-map's entry on an element. */
export function dropSource(element: Y.Map<unknown>, key: string): void {
  const sources = element.get(SOURCES_FIELD);
  if (sources instanceof Y.Map && sources.has(key)) sources.delete(key);
}
