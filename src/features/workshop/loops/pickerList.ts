import type { LoopNote, MapSnapshot } from '../../../model';
import type { Loop } from '../../../model/analysis';
import { loopParts, loopText } from './loopParts';

export interface PickerEntry {
  readonly id: string;
  readonly kind: Loop['kind'];
  readonly factors: readonly string[];
  /** The name the group gave it, if any. */
  readonly name: string | null;
  readonly key: boolean;
}

export interface PickerList {
  readonly listed: readonly PickerEntry[];
  /** Matching loops left out of the list (select factors or type to narrow it). */
  readonly more: number;
}

/** Lower case, without accents: "securite" finds « Sécurité alimentaire ». */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * What a loop picker lists: the chosen loop, then the named loops (key dynamics first) by
 * name, then the others shortest first; only those through every selected factor and, with
 * a search, those whose name or factors' names hold every word typed. A named loop is listed
 * even when the search left it out (longer than its bound): the group named it, so it is found.
 */
export function pickerList(
  loops: readonly Loop[], notes: ReadonlyMap<string, LoopNote>, snap: Pick<MapSnapshot, 'links' | 'factorById'>,
  opts: { value: string | null; selected: readonly string[]; query: string; max: number },
): PickerList {
  const entry = (l: Pick<Loop, 'id' | 'kind' | 'factors'>): PickerEntry => {
    const note = notes.get(l.id);
    const name = note?.name?.trim() || null;
    return { id: l.id, kind: l.kind, factors: l.factors, name, key: !!note?.key };
  };
  const found = new Set(loops.map((l) => l.id));
  const all: PickerEntry[] = loops.map(entry);
  for (const id of notes.keys()) {
    if (found.has(id)) continue;
    const parts = loopParts(id, snap);
    if (parts && (notes.get(id)?.name || notes.get(id)?.key)) all.push(entry({ id, kind: parts.kind, factors: parts.factors }));
  }
  const words = fold(opts.query).split(/\s+/).filter(Boolean);
  const matches = (e: PickerEntry) => {
    if (!opts.selected.every((f) => e.factors.includes(f))) return false;
    if (words.length === 0) return true;
    const text = fold(`${e.name ?? ''} ${loopText(e.factors, snap, Infinity)}`);
    return words.every((w) => text.includes(w));
  };
  const chosen = all.find((e) => e.id === opts.value);
  const named = all.filter((e) => e.name || e.key).filter(matches)
    .sort((a, b) => Number(b.key) - Number(a.key) || (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
  const others = all.filter((e) => !e.name && !e.key).filter(matches);
  const rest = [...named, ...others].filter((e) => e !== chosen);
  const shown = rest.slice(0, Math.max(opts.max, named.length));
  return { listed: chosen ? [chosen, ...shown] : shown, more: rest.length - shown.length };
}
