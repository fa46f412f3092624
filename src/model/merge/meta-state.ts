import * as Y from 'yjs';
import { factorsOf, linksOf } from '../doc';
import { silent } from '../log';
import { readSnapshot, type MapSnapshot } from '../reader';
import type { Link } from '../schema';
import { readAnswers, type RememberedAnswer } from './answers';
import {
  readFactorSourceMap, readLinkSourceMap, SOURCES_FIELD, type FactorSource, type LinkSource,
} from './provenance';

/** The open map as the merge sees it: what it shows, and where each element came from. */
export interface MetaState {
  readonly snap: MapSnapshot;
  readonly factorSources: ReadonlyMap<string, ReadonlyMap<string, FactorSource>>;
  readonly linkSources: ReadonlyMap<string, ReadonlyMap<string, LinkSource>>;
  /** `${source}\0${target}` → the link the map shows. */
  readonly linkByPair: ReadonlyMap<string, string>;
  readonly linkById: ReadonlyMap<string, Link>;
  /** What people answered to near matches, every source (answers.ts). */
  readonly answers: readonly RememberedAnswer[];
}

export function pairKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

export function readMetaState(doc: Y.Doc): MetaState {
  const snap = readSnapshot(doc, silent);
  const factorSources = new Map<string, ReadonlyMap<string, FactorSource>>();
  const linkSources = new Map<string, ReadonlyMap<string, LinkSource>>();
  for (const f of snap.factors) {
    const m = factorsOf(doc).get(f.id);
    const sources = m instanceof Y.Map ? readFactorSourceMap(`factor ${f.id}`, m.get(SOURCES_FIELD), silent) : null;
    if (sources && sources.size > 0) factorSources.set(f.id, sources);
  }
  for (const l of snap.links) {
    const m = linksOf(doc).get(l.id);
    const sources = m instanceof Y.Map ? readLinkSourceMap(`link ${l.id}`, m.get(SOURCES_FIELD), silent) : null;
    if (sources && sources.size > 0) linkSources.set(l.id, sources);
  }
  const linkByPair = new Map(snap.links.map((l) => [pairKey(l.source, l.target), l.id]));
  const linkById = new Map(snap.links.map((l) => [l.id, l]));
  return { snap, factorSources, linkSources, linkByPair, linkById, answers: readAnswers(doc, silent) };
}
