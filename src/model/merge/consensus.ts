import type { MetaState } from './meta-state';
import { sortedSources, type FactorSource, type LinkSource } from './provenance';

/**
 * The consensus of the groups on a meta-map: how many mini-maps drew each factor and link.
 * The inspector says "Vu par 4 groupes : …", the canvas filter keeps "links drawn by at least
 * N groups", and Key factors can size factors by it.
 */
export interface Consensus {
  /** Factor id → its sources, by mini-map title; absent: no mini-map (the map's own). */
  readonly factors: ReadonlyMap<string, readonly FactorSource[]>;
  readonly links: ReadonlyMap<string, readonly LinkSource[]>;
  /** Every mini-map merged into the map, by title. */
  readonly groups: readonly string[];
}

export function consensusOf(state: MetaState): Consensus {
  const titles = new Map<string, string>();
  const factors = new Map<string, FactorSource[]>();
  const links = new Map<string, LinkSource[]>();
  for (const [id, sources] of state.factorSources) {
    factors.set(id, sortedSources(sources));
    for (const [key, s] of sources) if (!titles.has(key)) titles.set(key, s.map);
  }
  for (const [id, sources] of state.linkSources) {
    links.set(id, sortedSources(sources));
    for (const [key, s] of sources) if (!titles.has(key)) titles.set(key, s.map);
  }
  const groups = [...titles.values()].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
  return { factors, links, groups };
}

/** How many groups drew it (0 for the map's own elements). */
export function groupCount(c: Consensus, kind: 'factor' | 'link', id: string): number {
  return (kind === 'factor' ? c.factors : c.links).get(id)?.length ?? 0;
}

/** The share of the groups that drew each factor, 0–1: a size-by measure for Key factors. */
export function factorConsensus(c: Consensus): Map<string, number> {
  const n = c.groups.length;
  return new Map([...c.factors].map(([id, s]) => [id, n === 0 ? 0 : s.length / n]));
}

/**
 * Links drawn by at least `min` groups. The map's own links (drawn by no group) are kept
 * only when `min` is 0: a filter on consensus is about what the groups said.
 */
export function linksDrawnByAtLeast(c: Consensus, linkIds: Iterable<string>, min: number): Set<string> {
  const out = new Set<string>();
  for (const id of linkIds) if (groupCount(c, 'link', id) >= min) out.add(id);
  return out;
}

/** Where the groups disagree on a link's polarity: + by some, − by others. */
export function contestedLinks(c: Consensus): Set<string> {
  const out = new Set<string>();
  for (const [id, sources] of c.links) {
    const seen = new Set(sources.map((s) => s.polarity));
    if (seen.has('+') && seen.has('-')) out.add(id);
  }
  return out;
}
