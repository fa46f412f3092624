import * as Y from 'yjs';
import { silent } from '../log';
import { readSnapshot, type MapSnapshot } from '../reader';
import type { Factor } from '../schema';
import { readThemes, themeOf } from '../themes';

/** Exporters accept a live document or a snapshot the caller already has (the relay, the app). */
export type ExportSource = Y.Doc | MapSnapshot;

export function snapshotOf(source: ExportSource): MapSnapshot {
  return source instanceof Y.Doc ? readSnapshot(source, silent) : source;
}

/**
 * What factors' themes show as in files meant for people (CSV, GraphML): the theme's name.
 * The `theme` field holds a theme id (or a name, in maps made before themes); a snapshot has
 * no themes, so given one the stored value is written as it is.
 */
export function themeNamer(source: ExportSource): (factor: Factor) => string {
  if (!(source instanceof Y.Doc)) return (f) => f.theme ?? '';
  const themes = readThemes(source, silent);
  return (f) => themeOf(f.theme, themes)?.name ?? f.theme ?? '';
}

/**
 * Labels that name one factor each. CSV files join links to factors by label, so two factors
 * with the same label are told apart with " (2)", " (3)"… in both files.
 */
export function uniqueLabels(factors: readonly Factor[]): Map<string, string> {
  const count = new Map<string, number>();
  const taken = new Set(factors.map((f) => f.label.trim()));
  const out = new Map<string, string>();
  for (const f of factors) {
    const base = f.label.trim();
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    let label = base;
    if (n > 1) {
      let k = n;
      while (taken.has(`${base} (${k})`)) k++;
      label = `${base} (${k})`;
      taken.add(label);
    }
    out.set(f.id, label);
  }
  return out;
}
