import type * as Y from 'yjs';
import { readCitations, storyCount } from '../citations';
import { silent } from '../log';
import { readSnapshot, type MapSnapshot } from '../reader';
import type { Factor, Polarity } from '../schema';
import { readStories } from '../stories';
import { readThemes, themeOf } from '../themes';

/**
 * What the network files (GEXF for Gephi, DOT for Graphviz) say of a map beyond its
 * structure: each factor's theme and colour, each element's story count, and the colours of
 * polarities, the same as the canvas draws them (src/canvas/polarity.ts).
 */
export const POLARITY_COLOURS: Readonly<Record<Polarity, string>> = { '+': '#1565c0', '-': '#c62828', '?': '#757575' };
export const FACTOR_FILL = '#ffffff';

/** +1, −1 and 0 for `?`: what network tools compute signed graphs with. */
export const POLARITY_SIGN: Readonly<Record<Polarity, number>> = { '+': 1, '-': -1, '?': 0 };

export interface NetworkView {
  readonly snap: MapSnapshot;
  themeName(f: Factor): string;
  /** #rrggbb of the factor's theme, or FACTOR_FILL. */
  colour(f: Factor): string;
  factorStories(id: string): number;
  linkStories(id: string): number;
}


export function networkView(doc: Y.Doc): NetworkView {
  const snap = readSnapshot(doc, silent);
  const themes = readThemes(doc, silent);
  const cites = readCitations(doc, snap, readStories(doc, silent), silent);
  return {
    snap,
    themeName: (f) => themeOf(f.theme, themes)?.name ?? f.theme ?? '',
    colour: (f) => themeOf(f.theme, themes)?.color ?? FACTOR_FILL,
    factorStories: (id) => storyCount(cites, { kind: 'factor', id }),
    linkStories: (id) => storyCount(cites, { kind: 'link', id }),
  };
}

export function rgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const { r, g, b } = rgb(hex);
  const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return l > 0.179 ? '#000000' : '#ffffff';
}
