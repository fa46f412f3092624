import * as Y from 'yjs';
import { createMapDoc, factorsOf, linksOf, readSnapshot } from '../../../src/model';
import { importIntoDoc, parseImportFile, type ParsedMap } from '../../../src/model/io';
import {
  planMerge, readFactorSourceMap, type MetaState, readLinkSourceMap, SOURCES_FIELD, sortedSources, type MergeOptions, type MergePlan,
} from '../../../src/model/merge';
import { fixture, quiet } from '../io/helpers';

export { contentOf, quiet } from '../io/helpers';

export function parsedFile(name: string, data: Uint8Array | string): ParsedMap {
  const r = parseImportFile(name, data);
  if (!r.ok) throw new Error(`${name}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.map;
}

export function miniMap(name: string): ParsedMap {
  return parsedFile(name, fixture(`mini-maps/${name}`));
}

/** The 30-factor Mali map, as a facilitator would have it after importing the fixture. */
export function maliDoc(): Y.Doc {
  const doc = createMapDoc({ title: 'Mali centre', language: 'fr' });
  const r = importIntoDoc(doc, parsedFile('mali-centre-links.csv', fixture('mali-centre-links.csv')), { mode: 'new' });
  if (!r.ok) throw new Error('fixture did not import');
  return doc;
}

export function planOrThrow(doc: Y.Doc | MetaState, mini: ParsedMap, options: MergeOptions): MergePlan {
  const r = planMerge(doc, mini, options);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.plan;
}

export function factorByLabel(doc: Y.Doc, label: string) {
  const found = readSnapshot(doc, quiet).factors.filter((f) => f.label === label);
  if (found.length !== 1) throw new Error(`${found.length} factors labelled '${label}'`);
  return found[0]!;
}

export function linkBetween(doc: Y.Doc, cause: string, effect: string) {
  const s = factorByLabel(doc, cause).id;
  const t = factorByLabel(doc, effect).id;
  const l = readSnapshot(doc, quiet).links.find((x) => x.source === s && x.target === t);
  if (!l) throw new Error(`no link ${cause} → ${effect}`);
  return l;
}

export function factorSources(doc: Y.Doc, label: string) {
  const m = factorsOf(doc).get(factorByLabel(doc, label).id)!;
  return sortedSources(readFactorSourceMap('test', m.get(SOURCES_FIELD), quiet));
}

export function linkSources(doc: Y.Doc, cause: string, effect: string) {
  const m = linksOf(doc).get(linkBetween(doc, cause, effect).id)!;
  return sortedSources(readLinkSourceMap('test', m.get(SOURCES_FIELD), quiet));
}

export function linksCsv(rows: readonly string[]): ParsedMap {
  return parsedFile('mini.csv', `cause,effect,polarity\n${rows.join('\n')}\n`);
}

export function counts(doc: Y.Doc) {
  const snap = readSnapshot(doc, quiet);
  return { factors: snap.factors.length, links: snap.links.length };
}
