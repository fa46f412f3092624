import type { Polarity } from '../schema';

/**
 * What the analysis needs of a map. A MapSnapshot fits, and so does plain data posted to a
 * Web Worker: nothing here touches Yjs.
 */
export interface AnalysisFactor {
  readonly id: string;
  readonly label: string;
}
export interface AnalysisLink {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly polarity: Polarity;
}
export interface AnalysisInput {
  readonly factors: readonly AnalysisFactor[];
  readonly links: readonly AnalysisLink[];
}

/**
 * The map as integer adjacency, the form every algorithm here walks. Factors are indexed in
 * id order, so results do not depend on the order in which a peer happened to list them.
 */
export interface IndexedGraph {
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** out[v]: targets of v's links, ascending. */
  readonly out: readonly (readonly number[])[];
  /** into[v]: sources of links to v, ascending. */
  readonly into: readonly (readonly number[])[];
  /** The link from v to w, at key v * n + w. */
  readonly linkAt: ReadonlyMap<number, AnalysisLink>;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Plain input has not been through the reader, so the same rules apply here: links to
 * missing factors and self-links are ignored, and of two links with the same ends the one
 * with the smallest id counts.
 */
export function indexGraph(input: AnalysisInput): IndexedGraph {
  const factors = [...input.factors].sort((a, b) => byString(a.id, b.id));
  const ids: string[] = [];
  const labels: string[] = [];
  const indexOf = new Map<string, number>();
  for (const f of factors) {
    if (indexOf.has(f.id)) continue;
    indexOf.set(f.id, ids.length);
    ids.push(f.id);
    labels.push(f.label);
  }
  const n = ids.length;
  const linkAt = new Map<number, AnalysisLink>();
  for (const l of input.links) {
    const v = indexOf.get(l.source);
    const w = indexOf.get(l.target);
    if (v === undefined || w === undefined || v === w) continue;
    const key = v * n + w;
    const seen = linkAt.get(key);
    if (!seen || l.id < seen.id) linkAt.set(key, l);
  }
  const out: number[][] = Array.from({ length: n }, () => []);
  const into: number[][] = Array.from({ length: n }, () => []);
  for (const key of [...linkAt.keys()].sort((a, b) => a - b)) {
    const v = Math.floor(key / n);
    const w = key % n;
    out[v]?.push(w);
  }
  out.forEach((targets, v) => targets.forEach((w) => into[w]?.push(v)));
  return { ids, labels, indexOf, out, into, linkAt };
}

export function linkBetween(g: IndexedGraph, v: number, w: number): AnalysisLink {
  const l = g.linkAt.get(v * g.ids.length + w);
  if (!l) throw new Error(`no link from ${g.ids[v]} to ${g.ids[w]}`);
  return l;
}
