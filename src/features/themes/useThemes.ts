import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useMapSession } from '../../session';
import { readThemes, themeLooks, themeOf, THEME_PATTERNS, THEMES_ROOT, type RootWatcher, type Theme, type ThemeLook, type ThemePattern } from '../../model';

interface Cached {
  version: number;
  themes: readonly Theme[];
  looks: ReadonlyMap<string, ThemeLook>;
}

const cache = new WeakMap<Y.Doc, Cached>();

function cached(doc: Y.Doc, watcher: RootWatcher): Cached {
  const version = watcher.version(THEMES_ROOT);
  let c = cache.get(doc);
  if (!c || c.version !== version) {
    const themes = readThemes(doc);
    c = { version, themes, looks: themeLooks(themes) };
    cache.set(doc, c);
  }
  return c;
}

/**
 * The map's themes, read once per change of the themes root however many factors ask: every
 * factor box looks its colour up here.
 */
export function themesNow(doc: Y.Doc, watcher: RootWatcher): readonly Theme[] {
  return cached(doc, watcher).themes;
}

/** Each theme's colour and pattern (model/themes.ts themeLooks), computed with themesNow. */
export function looksNow(doc: Y.Doc, watcher: RootWatcher): ReadonlyMap<string, ThemeLook> {
  return cached(doc, watcher).looks;
}

export function useThemes(): readonly Theme[] {
  const { doc, watcher } = useMapSession();
  const subscribe = useCallback((cb: () => void) => watcher.subscribe(THEMES_ROOT, cb), [watcher]);
  return useSyncExternalStore(subscribe, () => themesNow(doc, watcher));
}

const unsubscribed = () => () => undefined;

export function useThemeLooks(): ReadonlyMap<string, ThemeLook> {
  const { doc, watcher } = useMapSession();
  const subscribe = useCallback((cb: () => void) => watcher.subscribe(THEMES_ROOT, cb), [watcher]);
  return useSyncExternalStore(subscribe, () => looksNow(doc, watcher));
}

/**
 * A factor's theme look as a string, `#rrggbb pattern` (a string, so a node re-renders only
 * when its own look changes); undefined without a theme.
 */
export function useThemeLookKey(theme: string | undefined): string | undefined {
  const { doc, watcher } = useMapSession();
  const subscribe = useCallback(
    (cb: () => void) => (theme ? watcher.subscribe(THEMES_ROOT, cb) : unsubscribed()),
    [watcher, theme],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!theme) return undefined;
    const th = themeOf(theme, themesNow(doc, watcher));
    const look = th && looksNow(doc, watcher).get(th.id);
    return look ? `${look.color} ${look.pattern}` : undefined;
  });
}

/** The look a key of useThemeLookKey stands for. */
export function lookOfKey(key: string): ThemeLook {
  const [color = '', pattern = 'solid'] = key.split(' ');
  return { color, pattern: (THEME_PATTERNS as readonly string[]).includes(pattern) ? (pattern as ThemePattern) : 'solid' };
}
