import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useMapSession } from '../../session';
import { readThemes, themeOf, THEMES_ROOT, type RootWatcher, type Theme } from '../../model';

const cache = new WeakMap<Y.Doc, { version: number; themes: readonly Theme[] }>();

/**
 * The map's themes, read once per change of the themes root however many factors ask: every
 * factor box looks its colour up here.
 */
export function themesNow(doc: Y.Doc, watcher: RootWatcher): readonly Theme[] {
  const version = watcher.version(THEMES_ROOT);
  let c = cache.get(doc);
  if (!c || c.version !== version) {
    c = { version, themes: readThemes(doc) };
    cache.set(doc, c);
  }
  return c.themes;
}

export function useThemes(): readonly Theme[] {
  const { doc, watcher } = useMapSession();
  const subscribe = useCallback((cb: () => void) => watcher.subscribe(THEMES_ROOT, cb), [watcher]);
  return useSyncExternalStore(subscribe, () => themesNow(doc, watcher));
}

const unsubscribed = () => () => undefined;

/**
 * The colour of a factor's theme (by id, or by name in maps made before themes). A factor
 * with no theme subscribes to nothing; the answer is a string, so a node re-renders only when
 * its own colour changes.
 */
export function useThemeColour(theme: string | undefined): string | undefined {
  const { doc, watcher } = useMapSession();
  const subscribe = useCallback(
    (cb: () => void) => (theme ? watcher.subscribe(THEMES_ROOT, cb) : unsubscribed()),
    [watcher, theme],
  );
  return useSyncExternalStore(subscribe, () => (theme ? themeOf(theme, themesNow(doc, watcher))?.color : undefined));
}
