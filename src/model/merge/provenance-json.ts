import * as Y from 'yjs';
import { silent } from '../log';
import { MAX_LABEL_CHARS, type Polarity } from '../schema';
import { isPolarity } from '../validate';
import {
  MAX_SOURCES, readFactorSourceMap, readLinkSourceMap, sortedSources, sourceKey, SOURCES_FIELD, writeSource,
} from './provenance';

/**
 * Provenance in Trame's JSON file: each factor and link carries
 * `sources: [{ "map": "<mini-map title>", "label": "<original label>" }]` (links: `"polarity"`
 * instead of `"label"`; `"added": true` when that mini-map's merge created the element, so a
 * re-merge after export → import still knows what is its own). Read, written and validated
 * here so the io code only passes the field along.
 */
export interface FileFactorSource {
  readonly map: string;
  readonly label: string;
  readonly added?: boolean;
}

export interface FileLinkSource {
  readonly map: string;
  readonly polarity: Polarity;
  readonly added?: boolean;
}

/** The element's sources for the file, or undefined when it has none (the key is left out). */
export function factorSourcesForFile(element: unknown): FileFactorSource[] | undefined {
  if (!(element instanceof Y.Map)) return undefined;
  const list = sortedSources(readFactorSourceMap('export', element.get(SOURCES_FIELD), silent))
    .map((s) => (s.added ? { map: s.map, label: s.label, added: true } : { map: s.map, label: s.label }));
  return list.length > 0 ? list : undefined;
}

export function linkSourcesForFile(element: unknown): FileLinkSource[] | undefined {
  if (!(element instanceof Y.Map)) return undefined;
  const list = sortedSources(readLinkSourceMap('export', element.get(SOURCES_FIELD), silent))
    .map((s) => (s.added ? { map: s.map, polarity: s.polarity, added: true } : { map: s.map, polarity: s.polarity }));
  return list.length > 0 ? list : undefined;
}

/** Where a file's `sources` is wrong, as a path below it, or the sources read. */
export type SourcesRead<T> = { ok: true; sources: T[] } | { ok: false; where: string };

function readList<T>(raw: unknown, read: (e: Record<string, unknown>) => T | null): SourcesRead<T> {
  if (!Array.isArray(raw) || raw.length > MAX_SOURCES) return { ok: false, where: '' };
  const out: T[] = [];
  for (let i = 0; i < raw.length; i++) {
    const e: unknown = raw[i];
    const ok = typeof e === 'object' && e !== null && !Array.isArray(e);
    const s = ok ? read(e as Record<string, unknown>) : null;
    if (s === null) return { ok: false, where: `[${i}]` };
    out.push(s);
  }
  return { ok: true, sources: out };
}

const title = (e: Record<string, unknown>) =>
  typeof e.map === 'string' && sourceKey(e.map) !== '' && e.map.length <= MAX_LABEL_CHARS ? e.map : null;

export function readFactorSourcesFile(raw: unknown): SourcesRead<FileFactorSource> {
  return readList(raw, (e) => {
    const map = title(e);
    if (map === null || typeof e.label !== 'string' || e.label.length > MAX_LABEL_CHARS) return null;
    return e.added === true ? { map, label: e.label, added: true } : { map, label: e.label };
  });
}

export function readLinkSourcesFile(raw: unknown): SourcesRead<FileLinkSource> {
  return readList(raw, (e) => {
    const map = title(e);
    if (map === null || !isPolarity(e.polarity)) return null;
    return e.added === true ? { map, polarity: e.polarity, added: true } : { map, polarity: e.polarity };
  });
}

/** Inside an open transaction: the file's sources onto the element just written. */
export function writeFileSources(element: Y.Map<unknown>, sources: readonly (FileFactorSource | FileLinkSource)[]): void {
  for (const s of sources) writeSource(element, sourceKey(s.map), s);
}
