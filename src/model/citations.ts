import * as Y from 'yjs';
import { change, factorsOf, linksOf } from './doc';
import { silent } from './log';
import { ModelError } from './ops';
import type { MapSnapshot } from './reader';
import { modelRegistry } from './registry';
import { ROOT } from './spec';
import { isStoryId, storiesOf, type Story } from './stories';
import { readLink, type Warn } from './validate';

/**
 * A citation attaches a story to a factor or a link. The root map is used as a set: the key
 * `${kind}:${elementId}:${storyId}` says everything and the value is `true`, so two people
 * citing the same story on the same element at once write the same key and converge to one
 * entry, and un-citing is one delete.
 */
export const CITATIONS_ROOT = ROOT.citations;

export type CitedKind = 'factor' | 'link';
export interface ElementRef {
  readonly kind: CitedKind;
  readonly id: string;
}
export interface Citation {
  readonly kind: CitedKind;
  readonly elementId: string;
  readonly storyId: string;
}

export function citationsRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CITATIONS_ROOT);
}

export function citationKey(ref: ElementRef, storyId: string): string {
  return `${ref.kind}:${ref.id}:${storyId}`;
}

/** Story ids never contain ':' (see isStoryId), so the story id is what follows the last one. */
export function parseCitationKey(key: string): Citation | null {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  if (first < 0 || last <= first + 1) return null;
  const kind = key.slice(0, first);
  const elementId = key.slice(first + 1, last);
  const storyId = key.slice(last + 1);
  if ((kind !== 'factor' && kind !== 'link') || !isStoryId(storyId)) return null;
  return { kind, elementId, storyId };
}

function elementExists(doc: Y.Doc, ref: ElementRef): boolean {
  const m = ref.kind === 'factor' ? factorsOf(doc).get(ref.id) : linksOf(doc).get(ref.id);
  return m instanceof Y.Map;
}

/**
 * Cites a story on an element. False when the story or the element is gone (a peer deleted it
 * meanwhile); citing twice is harmless.
 */
export function citeStory(doc: Y.Doc, storyId: string, ref: ElementRef): boolean {
  if (ref.kind !== 'factor' && ref.kind !== 'link') {
    throw new ModelError('bad-kind', `Stories are cited on factors or links, not ${String(ref.kind)}`);
  }
  if (!isStoryId(storyId)) throw new ModelError('bad-id', `Bad story id ${storyId}`);
  return change(doc, () => {
    if (!(storiesOf(doc).get(storyId) instanceof Y.Map) || !elementExists(doc, ref)) return false;
    const key = citationKey(ref, storyId);
    if (citationsRoot(doc).get(key) !== true) citationsRoot(doc).set(key, true);
    return true;
  });
}

/** Ids of the link and of its hidden twins (same source and target, drawn by peers apart). */
function linkTwins(doc: Y.Doc, id: string): string[] {
  const self = readLink(id, linksOf(doc).get(id), silent);
  if (!self) return [id];
  const twins: string[] = [];
  linksOf(doc).forEach((v, lid) => {
    const l = readLink(lid, v, silent);
    if (l && l.source === self.source && l.target === self.target) twins.push(lid);
  });
  return twins;
}

/**
 * False when there was no such citation. On a link, also removes the story from the link's
 * hidden twins, since the reader shows their citations on the visible one.
 */
export function unciteStory(doc: Y.Doc, storyId: string, ref: ElementRef): boolean {
  return change(doc, () => {
    const root = citationsRoot(doc);
    const ids = ref.kind === 'link' ? linkTwins(doc, ref.id) : [ref.id];
    let removed = false;
    for (const id of ids) {
      const key = citationKey({ kind: ref.kind, id }, storyId);
      if (root.has(key)) {
        root.delete(key);
        removed = true;
      }
    }
    return removed;
  });
}

/** Deletes, inside the caller's transaction, every citation the predicate matches. */
function dropWhere(doc: Y.Doc, match: (c: Citation) => boolean): void {
  const root = citationsRoot(doc);
  for (const key of [...root.keys()]) {
    const c = parseCitationKey(key);
    if (c && match(c)) root.delete(key);
  }
}

/** Removal hooks (install.ts): a citation goes with its story, factor or link. */
export function dropStoryCitations(doc: Y.Doc, storyId: string): void {
  dropWhere(doc, (c) => c.storyId === storyId);
}
export function dropFactorCitations(doc: Y.Doc, ids: ReadonlySet<string>): void {
  dropWhere(doc, (c) => c.kind === 'factor' && ids.has(c.elementId));
}
export function dropLinkCitations(doc: Y.Doc, ids: ReadonlySet<string>): void {
  dropWhere(doc, (c) => c.kind === 'link' && ids.has(c.elementId));
}

export interface StoryElements {
  readonly factors: readonly string[];
  readonly links: readonly string[];
}

/** Citations as the app shows them: only those whose story and element are shown. */
export interface CitationIndex {
  /** `${kind}:${elementId}` → story ids, in the order of the stories given to readCitations. */
  readonly byElement: ReadonlyMap<string, readonly string[]>;
  readonly byStory: ReadonlyMap<string, StoryElements>;
  /** Entries present in the document but not shown (malformed or dangling). */
  readonly hidden: number;
}

const elementKey = (ref: ElementRef) => `${ref.kind}:${ref.id}`;

/**
 * Resolves a cited link id to the link the map shows. When two peers drew the same arrow while
 * apart, only one is shown (see readSnapshot); a story cited on the hidden twin is shown on
 * the visible one rather than lost.
 */
function linkResolver(doc: Y.Doc, snapshot: MapSnapshot): (id: string) => string | null {
  const visible = new Set(snapshot.links.map((l) => l.id));
  const byPair = new Map(snapshot.links.map((l) => [`${l.source}\u0000${l.target}`, l.id]));
  return (id) => {
    if (visible.has(id)) return id;
    const raw = readLink(id, linksOf(doc).get(id), silent);
    return raw ? (byPair.get(`${raw.source}\u0000${raw.target}`) ?? null) : null;
  };
}

export function readCitations(
  doc: Y.Doc, snapshot: MapSnapshot, stories: readonly Story[], warn: Warn = modelRegistry.warn,
): CitationIndex {
  const rank = new Map(stories.map((s, i) => [s.id, i]));
  const resolveLink = linkResolver(doc, snapshot);
  const byElement = new Map<string, Set<string>>();
  const byStory = new Map<string, { factors: Set<string>; links: Set<string> }>();
  let hidden = 0;
  citationsRoot(doc).forEach((value, key) => {
    const c = parseCitationKey(key);
    if (!c || value !== true) {
      warn(`citation ${key}: malformed, skipped`);
      hidden++;
      return;
    }
    const elementId = c.kind === 'factor'
      ? (snapshot.factorById.has(c.elementId) ? c.elementId : null)
      : resolveLink(c.elementId);
    if (elementId === null || !rank.has(c.storyId)) {
      hidden++;
      return;
    }
    const ek = elementKey({ kind: c.kind, id: elementId });
    const set = byElement.get(ek) ?? new Set<string>();
    set.add(c.storyId);
    byElement.set(ek, set);
    const els = byStory.get(c.storyId) ?? { factors: new Set<string>(), links: new Set<string>() };
    (c.kind === 'factor' ? els.factors : els.links).add(elementId);
    byStory.set(c.storyId, els);
  });
  const ordered = (ids: Set<string>) => [...ids].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return {
    byElement: new Map([...byElement].map(([k, ids]) => [k, ordered(ids)])),
    byStory: new Map([...byStory].map(([k, v]) => [k, { factors: [...v.factors], links: [...v.links] }])),
    hidden,
  };
}

const NONE: readonly string[] = [];

/** Story ids cited on an element (none when it is not shown). */
export function citationsOf(index: CitationIndex, ref: ElementRef): readonly string[] {
  return index.byElement.get(elementKey(ref)) ?? NONE;
}

export function storyCount(index: CitationIndex, ref: ElementRef): number {
  return citationsOf(index, ref).length;
}

export function elementsOfStory(index: CitationIndex, storyId: string): StoryElements {
  return index.byStory.get(storyId) ?? { factors: NONE, links: NONE };
}
