import * as Y from 'yjs';
import { readSnapshot, type MapSnapshot } from '../reader';
import type { Factor } from '../schema';

/** Exporters accept a live document or a snapshot the caller already has (the relay, the app). */
export type ExportSource = Y.Doc | MapSnapshot;

const quiet = () => undefined;

export function snapshotOf(source: ExportSource): MapSnapshot {
  return source instanceof Y.Doc ? readSnapshot(source, quiet) : source;
}

/**
 * What a factor's theme shows as in a file meant for people (CSV, GraphML). The `theme` field
 * holds a theme id once maps have a `themes` root map, and a theme name in maps made before;
 * the themes root map does not exist yet, so the stored value is the name.
 */
export function themeNameOf(_source: ExportSource, factor: Factor): string {
  return factor.theme ?? '';
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
