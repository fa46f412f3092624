import * as Y from 'yjs';
import { factorsOf, linksOf, metaOf } from './doc';
import { modelRegistry } from './registry';
import { SCHEMA_VERSION, type Factor, type Link, type MapMeta } from './schema';
import { readFactor, readLink, type Warn } from './validate';

/** What the UI and the analysis see of a map: validated, with dangling links hidden. */
export interface MapSnapshot {
  readonly factors: readonly Factor[];
  readonly links: readonly Link[];
  readonly factorById: ReadonlyMap<string, Factor>;
  readonly meta: MapMeta;
  /** Entries present in the document but not shown (malformed, dangling, duplicate). */
  readonly hidden: number;
}

function readMeta(doc: Y.Doc): MapMeta {
  const meta = metaOf(doc);
  const v = meta.get('schemaVersion');
  const title = meta.get('title');
  const language = meta.get('language');
  return {
    schemaVersion: typeof v === 'number' ? v : SCHEMA_VERSION,
    title: typeof title === 'string' ? title : '',
    language: typeof language === 'string' ? language : 'fr',
  };
}

/**
 * Links are shown only when both factors exist; of several links with the same source and
 * target (two peers drew the same arrow while apart) the one with the smallest id is shown,
 * so every peer shows the same one.
 */
function visibleLinks(all: Iterable<Link>, factorById: ReadonlyMap<string, Factor>): Link[] {
  const byPair = new Map<string, Link>();
  for (const l of all) {
    if (!factorById.has(l.source) || !factorById.has(l.target)) continue;
    const key = `${l.source}\u0000${l.target}`;
    const seen = byPair.get(key);
    if (!seen || l.id < seen.id) byPair.set(key, l);
  }
  return [...byPair.values()];
}

/** One-off read of the whole map (the relay, exports, tests). */
export function readSnapshot(doc: Y.Doc, warn: Warn = modelRegistry.warn): MapSnapshot {
  const factorById = new Map<string, Factor>();
  let total = 0;
  factorsOf(doc).forEach((v, id) => {
    total++;
    const f = readFactor(id, v, warn);
    if (f) factorById.set(id, f);
  });
  const rawLinks: Link[] = [];
  linksOf(doc).forEach((v, id) => {
    total++;
    const l = readLink(id, v, warn);
    if (l) rawLinks.push(l);
  });
  const links = visibleLinks(rawLinks, factorById);
  return {
    factors: [...factorById.values()],
    links,
    factorById,
    meta: readMeta(doc),
    hidden: total - factorById.size - links.length,
  };
}

/**
 * Keeps a snapshot up to date from Yjs events, re-reading only the factors and links that
 * changed. Unchanged entries keep their object identity, so memoised React nodes and edges
 * skip re-rendering when a peer moves one factor of a thousand.
 */
export class MapReader {
  private factorCache = new Map<string, Factor>();
  private linkCache = new Map<string, Link>();
  private snapshot: MapSnapshot;
  private listeners = new Set<(s: MapSnapshot) => void>();
  private readonly onDeep: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;
  private readonly onMeta: () => void;
  private readonly onTransaction: () => void;
  private dirty = false;

  constructor(private readonly doc: Y.Doc, private readonly warn: Warn = modelRegistry.warn) {
    factorsOf(doc).forEach((v, id) => this.refreshFactor(id, v));
    linksOf(doc).forEach((v, id) => this.refreshLink(id, v));
    this.snapshot = this.build();
    this.onDeep = (events) => this.apply(events);
    this.onMeta = () => {
      this.dirty = true;
    };
    // One new snapshot per transaction, however many maps it touched.
    this.onTransaction = () => {
      if (!this.dirty) return;
      this.dirty = false;
      this.publish();
    };
    doc.on('afterTransaction', this.onTransaction);
    factorsOf(doc).observeDeep(this.onDeep);
    linksOf(doc).observeDeep(this.onDeep);
    metaOf(doc).observe(this.onMeta);
  }

  get current(): MapSnapshot {
    return this.snapshot;
  }

  subscribe(fn: (s: MapSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    factorsOf(this.doc).unobserveDeep(this.onDeep);
    linksOf(this.doc).unobserveDeep(this.onDeep);
    metaOf(this.doc).unobserve(this.onMeta);
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private refreshFactor(id: string, v: unknown): void {
    const f = v === undefined ? null : readFactor(id, v, this.warn);
    if (f) this.factorCache.set(id, f);
    else this.factorCache.delete(id);
  }

  private refreshLink(id: string, v: unknown): void {
    const l = v === undefined ? null : readLink(id, v, this.warn);
    if (l) this.linkCache.set(id, l);
    else this.linkCache.delete(id);
  }

  private apply(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const factors = factorsOf(this.doc);
    for (const e of events) {
      const isFactors = e.currentTarget === factors;
      const ids = e.path.length === 0 ? (e as Y.YMapEvent<unknown>).keysChanged : [e.path[0]];
      for (const id of ids) {
        if (typeof id !== 'string') continue;
        if (isFactors) this.refreshFactor(id, factors.get(id));
        else this.refreshLink(id, linksOf(this.doc).get(id));
      }
    }
    this.dirty = true;
  }

  private publish(): void {
    this.snapshot = this.build();
    for (const fn of this.listeners) fn(this.snapshot);
  }

  private build(): MapSnapshot {
    const factorById: ReadonlyMap<string, Factor> = new Map(this.factorCache);
    const links = visibleLinks(this.linkCache.values(), factorById);
    const total = factorsOf(this.doc).size + linksOf(this.doc).size;
    return {
      factors: [...factorById.values()],
      links,
      factorById,
      meta: readMeta(this.doc),
      hidden: total - factorById.size - links.length,
    };
  }
}
