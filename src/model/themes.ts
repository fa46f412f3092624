import * as Y from 'yjs';
import { change, factorsOf } from './doc';
import { newId } from './ids';
import { silent } from './log';
import { ModelError, setFactorField } from './ops';
import { modelRegistry } from './registry';
import { MAX_LABEL_CHARS } from './schema';
import { isThemeColor, readEntry, ROOT, THEMES_SPEC } from './spec';
import type { Warn } from './validate';

/**
 * Themes group factors (environment, security, livelihoods…) and colour them. A factor's
 * `theme` field holds a theme id; maps made before themes hold a theme name there, which
 * themeOf still resolves, and importers turn names into themes with ensureTheme.
 */
export const THEMES_ROOT = ROOT.themes;

export interface Theme {
  readonly id: string;
  readonly name: string;
  /** #rrggbb */
  readonly color: string;
}

/**
 * Okabe & Ito's palette, told apart with the common colour-vision deficiencies (black left out:
 * it is the colour of text and links), then three of Paul Tol's dark colours that stay apart
 * from them (indigo, wine, olive): ten themes before a colour is used twice. Ordered so the
 * first themes differ most.
 */
export const THEME_PALETTE: readonly string[] = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#332288', '#882255', '#999933',
];

export { isThemeColor };

/**
 * The second channel once colours repeat: a theme sharing its colour with another is drawn
 * with a pattern of that colour (stripes, dots, hatching). Ordered so that neighbours differ
 * most; 'solid' is no pattern. With the palette's 10 colours, 80 themes look different.
 */
export const THEME_PATTERNS = ['solid', 'diagonal', 'dots', 'horizontal', 'crosshatch', 'vertical', 'backslash', 'grid'] as const;
export type ThemePattern = (typeof THEME_PATTERNS)[number];

/** How a theme is drawn: its colour, and a pattern when another theme has the same colour. */
export interface ThemeLook {
  readonly color: string;
  readonly pattern: ThemePattern;
}

const byName = (a: Theme, b: Theme) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/**
 * Each theme's look, by theme id. Themes with the same colour (compared without case) take the
 * patterns in order, by name as the legend lists them: the first keeps the plain colour. Read,
 * not stored, so every peer draws the same from the same themes, maps made before patterns
 * included, and a colour chosen by hand that another theme has is told apart at once; the cost
 * is that a theme added or renamed within a shared colour can swap patterns with its
 * neighbours. Past THEME_PATTERNS.length themes of one colour, patterns come round again.
 */
export function themeLooks(themes: readonly Theme[]): ReadonlyMap<string, ThemeLook> {
  const groups = new Map<string, Theme[]>();
  for (const t of themes) {
    const key = t.color.toUpperCase();
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  const looks = new Map<string, ThemeLook>();
  for (const g of groups.values()) {
    g.sort(byName).forEach((t, i) => looks.set(t.id, { color: t.color, pattern: THEME_PATTERNS[i % THEME_PATTERNS.length]! }));
  }
  return looks;
}

export function themesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(THEMES_ROOT);
}

/** Names compare without case or surrounding spaces: "Sécurité" and "sécurité " are one theme. */
export function themeKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('fr');
}

function cleanName(name: string): string {
  const clean = name.trim().slice(0, MAX_LABEL_CHARS);
  if (clean === '') throw new ModelError('empty-name', 'A theme needs a name');
  return clean;
}

function checkColor(color: string): string {
  if (!isThemeColor(color)) throw new ModelError('bad-color', `Theme colour must be #rrggbb, not ${String(color)}`);
  return color;
}

/** A theme as its spec reads it (spec/themes.ts): a bad name or colour skips it. */
export function readTheme(id: string, value: unknown, warn: Warn): Theme | null {
  return readEntry(THEMES_SPEC, id, value, warn) as Theme | null;
}

/** The valid themes, by name. */
export function readThemes(doc: Y.Doc, warn: Warn = modelRegistry.warn): Theme[] {
  const themes: Theme[] = [];
  themesOf(doc).forEach((v, id) => {
    const t = readTheme(id, v, warn);
    if (t) themes.push(t);
  });
  return themes.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** A factor's theme: by id, or by name for maps made before themes. */
export function themeOf(theme: string | undefined, themes: readonly Theme[]): Theme | undefined {
  if (!theme) return undefined;
  const key = themeKey(theme);
  return themes.find((t) => t.id === theme) ?? themes.find((t) => themeKey(t.name) === key);
}

function findByName(doc: Y.Doc, name: string, except?: string): string | null {
  const key = themeKey(name);
  for (const [id, v] of themesOf(doc).entries()) {
    const t = readTheme(id, v, silent);
    if (t && id !== except && themeKey(t.name) === key) return id;
  }
  return null;
}

/**
 * The palette colour fewest themes use, the first in palette order among equals: the first
 * colour no theme uses yet, and past the palette each colour a second time before any a third
 * (themeLooks then tells the themes sharing a colour apart by a pattern).
 */
function nextColor(doc: Y.Doc): string {
  const uses = new Map<string, number>();
  themesOf(doc).forEach((v) => {
    const c = v instanceof Y.Map ? v.get('color') : undefined;
    if (typeof c === 'string') uses.set(c.toUpperCase(), (uses.get(c.toUpperCase()) ?? 0) + 1);
  });
  let best = THEME_PALETTE[0] as string;
  for (const c of THEME_PALETTE) if ((uses.get(c) ?? 0) < (uses.get(best) ?? 0)) best = c;
  return best;
}

function putTheme(doc: Y.Doc, name: string, color: string | undefined): string {
  const id = newId();
  const m = new Y.Map<unknown>();
  m.set('name', name);
  m.set('color', color ?? nextColor(doc));
  themesOf(doc).set(id, m);
  return id;
}

/** Adds a theme; throws ModelError for an empty name, a name in use or a bad colour. */
export function addTheme(doc: Y.Doc, name: string, color?: string): string {
  const clean = cleanName(name);
  if (color !== undefined) checkColor(color);
  return change(doc, () => {
    if (findByName(doc, clean)) throw new ModelError('duplicate-theme', `There is already a theme named ${clean}`);
    return putTheme(doc, clean, color);
  });
}

/** The id of the theme with this name (any case), created with the next palette colour if none. */
export function ensureTheme(doc: Y.Doc, name: string): string {
  const clean = cleanName(name);
  return change(doc, () => findByName(doc, clean) ?? putTheme(doc, clean, undefined));
}

function themeMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const m = themesOf(doc).get(id);
  return m instanceof Y.Map ? m : null;
}

/** False when the theme is gone (a peer removed it meanwhile). */
export function renameTheme(doc: Y.Doc, id: string, name: string): boolean {
  const clean = cleanName(name);
  return change(doc, () => {
    const m = themeMap(doc, id);
    if (!m) return false;
    if (findByName(doc, clean, id)) throw new ModelError('duplicate-theme', `There is already a theme named ${clean}`);
    if (m.get('name') !== clean) m.set('name', clean);
    return true;
  });
}

export function setThemeColor(doc: Y.Doc, id: string, color: string): boolean {
  checkColor(color);
  return change(doc, () => {
    const m = themeMap(doc, id);
    if (!m) return false;
    if (m.get('color') !== color) m.set('color', color);
    return true;
  });
}

/**
 * Removes a theme and, in the same transaction, takes it off every factor that had it (by id,
 * or by its name in a map made before themes), so undo brings both back together.
 */
export function removeTheme(doc: Y.Doc, id: string): boolean {
  return change(doc, () => {
    const m = themeMap(doc, id);
    if (!m) return false;
    const name = m.get('name');
    const key = typeof name === 'string' ? themeKey(name) : null;
    factorsOf(doc).forEach((f) => {
      if (!(f instanceof Y.Map)) return;
      const theme = f.get('theme');
      if (theme === id || (key !== null && typeof theme === 'string' && themeKey(theme) === key)) f.delete('theme');
    });
    themesOf(doc).delete(id);
    return true;
  });
}

/**
 * Gives a factor a theme, or none (undefined). False when the factor is gone; throws
 * ModelError when the theme does not exist.
 */
export function setFactorTheme(doc: Y.Doc, factorId: string, themeId: string | undefined): boolean {
  return change(doc, () => {
    if (themeId !== undefined && !themeMap(doc, themeId)) {
      throw new ModelError('missing-theme', `No theme ${themeId} in this map`);
    }
    return setFactorField(doc, factorId, 'theme', themeId);
  });
}
