import { themeKey, themeOf, type Theme } from '../themes';
import type { MapState, Matching } from './types';

/** Two states of one map: an element is itself when its id is the same. */
export function matchById(from: MapState, to: MapState): Matching {
  const ids = new Set(to.factors.map((f) => f.id));
  const factors = new Map<string, string>();
  for (const f of from.factors) if (ids.has(f.id)) factors.set(f.id, f.id);
  return { factors };
}

/**
 * Themes of `from` → themes of `to`: by id, else by name (any case). A theme renamed between
 * two snapshots keeps its id, so its factors do not show as changed.
 */
export function matchThemes(from: readonly Theme[], to: readonly Theme[]): Map<string, string> {
  const toIds = new Set(to.map((t) => t.id));
  const toByName = new Map<string, string>();
  for (const t of to) if (!toByName.has(themeKey(t.name))) toByName.set(themeKey(t.name), t.id);
  const out = new Map<string, string>();
  for (const t of from) {
    const id = toIds.has(t.id) ? t.id : toByName.get(themeKey(t.name));
    if (id !== undefined) out.set(t.id, id);
  }
  return out;
}

/**
 * What a factor's `theme` field stands for on its side: a theme id when it resolves (the
 * field may hold a legacy name), else the field as written, lowered, so unknown themes with
 * the same text still compare equal.
 */
export function themeIdentity(theme: string | undefined, themes: readonly Theme[] | undefined): string | undefined {
  if (theme === undefined || theme === '') return undefined;
  if (!themes) return theme;
  return themeOf(theme, themes)?.id ?? `name:${themeKey(theme)}`;
}
