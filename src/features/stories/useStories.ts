import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useMapSession, useRoot, useSnapshot } from '../../session';
import {
  CITATIONS_ROOT, readCitations, readStories, STORIES_ROOT, type CitationIndex, type MapSnapshot,
  type Story,
} from '../../model';

const readAll = (doc: Y.Doc) => readStories(doc);

/** Every valid story of the map, sorted by code; a new array only when the stories changed. */
export function useStories(): readonly Story[] {
  return useRoot(STORIES_ROOT, readAll);
}

interface Cached {
  snap: MapSnapshot;
  stories: readonly Story[];
  version: number;
  index: CitationIndex;
}
const cache = new WeakMap<Y.Doc, Cached>();

/**
 * The citations as the map shows them, computed once per change however many components ask
 * (the canvas layer, the panel and the inspector all do).
 */
export function useCitationIndex(): CitationIndex {
  const { doc, watcher } = useMapSession();
  const snap = useSnapshot();
  const stories = useStories();
  const subscribe = useCallback((cb: () => void) => watcher.subscribe(CITATIONS_ROOT, cb), [watcher]);
  const version = useSyncExternalStore(subscribe, () => watcher.version(CITATIONS_ROOT));
  const c = cache.get(doc);
  if (c && c.snap === snap && c.stories === stories && c.version === version) return c.index;
  const index = readCitations(doc, snap, stories);
  cache.set(doc, { snap, stories, version, index });
  return index;
}
