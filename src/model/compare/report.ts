import type { Factor, Link } from '../schema';
import { themeOf } from '../themes';
import type { LoopRef, MapDiff, MapState } from './types';

/**
 * A comparison as plain JSON, for the relay's /compare endpoint, scripts and the table view:
 * every element named by its label and its themes by name, so a reader needs nothing else.
 */
export interface FactorRecord {
  readonly id: string;
  readonly label: string;
  readonly theme?: string;
}

export interface LinkRecord {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceLabel: string;
  readonly targetLabel: string;
  readonly polarity: Link['polarity'];
  readonly strength?: number;
}

export interface ChangedFactorRecord extends FactorRecord {
  readonly fields: readonly string[];
  readonly from: Partial<Record<'label' | 'theme' | 'notes' | 'icon', string>>;
  readonly to: Partial<Record<'label' | 'theme' | 'notes' | 'icon', string>>;
}

export interface ChangedLinkRecord extends LinkRecord {
  readonly fields: readonly string[];
  readonly from: Partial<Record<'polarity' | 'strength' | 'delay' | 'notes', string | number | boolean>>;
  readonly to: Partial<Record<'polarity' | 'strength' | 'delay' | 'notes', string | number | boolean>>;
}

export interface LoopRecord {
  readonly id: string;
  readonly kind: LoopRef['kind'];
  readonly factors: readonly string[];
  readonly labels: readonly string[];
}

export interface CompareReport {
  readonly factors: {
    readonly added: FactorRecord[]; readonly removed: FactorRecord[]; readonly changed: ChangedFactorRecord[];
  };
  readonly links: {
    readonly added: LinkRecord[]; readonly removed: LinkRecord[]; readonly changed: ChangedLinkRecord[];
  };
  readonly loops?: {
    readonly appeared: LoopRecord[]; readonly disappeared: LoopRecord[];
    readonly changedKind: { readonly from: LoopRecord; readonly to: LoopRecord }[];
    readonly truncated: boolean;
  };
}

function namer(state: MapState) {
  const labels = new Map(state.factors.map((f) => [f.id, f.label]));
  const themeName = (theme: string | undefined) =>
    theme === undefined ? undefined : (state.themes ? themeOf(theme, state.themes)?.name : undefined) ?? theme;
  const factor = (f: Factor): FactorRecord => {
    const theme = themeName(f.theme);
    return theme === undefined ? { id: f.id, label: f.label } : { id: f.id, label: f.label, theme };
  };
  const link = (l: Link): LinkRecord => ({
    id: l.id,
    source: l.source,
    target: l.target,
    sourceLabel: labels.get(l.source) ?? '',
    targetLabel: labels.get(l.target) ?? '',
    polarity: l.polarity,
    ...(l.strength === undefined ? {} : { strength: l.strength }),
  });
  const loop = (r: LoopRef): LoopRecord => ({
    id: r.id, kind: r.kind, factors: r.factors, labels: r.factors.map((id) => labels.get(id) ?? ''),
  });
  return { factor, link, loop, themeName };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[], map: (k: K, v: T[K]) => unknown) {
  const out: Partial<Record<K, unknown>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = map(k, o[k]);
  return out;
}

export function compareReport(from: MapState, to: MapState, diff: MapDiff): CompareReport {
  const a = namer(from);
  const b = namer(to);
  const factorValue = (side: typeof a) => (k: string, v: unknown) => (k === 'theme' ? side.themeName(v as string) : v);
  const same = (_k: string, v: unknown) => v;
  return {
    factors: {
      added: diff.factors.added.map(b.factor),
      removed: diff.factors.removed.map(a.factor),
      changed: diff.factors.changed.map((c) => ({
        ...b.factor(c.to),
        fields: c.fields,
        from: pick(c.from, c.fields, factorValue(a)) as ChangedFactorRecord['from'],
        to: pick(c.to, c.fields, factorValue(b)) as ChangedFactorRecord['to'],
      })),
    },
    links: {
      added: diff.links.added.map(b.link),
      removed: diff.links.removed.map(a.link),
      changed: diff.links.changed.map((c) => ({
        ...b.link(c.to),
        fields: c.fields,
        from: pick(c.from, c.fields, same) as ChangedLinkRecord['from'],
        to: pick(c.to, c.fields, same) as ChangedLinkRecord['to'],
      })),
    },
    ...(diff.loops ? {
      loops: {
        appeared: diff.loops.appeared.map(b.loop),
        disappeared: diff.loops.disappeared.map(a.loop),
        changedKind: diff.loops.changedKind.map((c) => ({ from: a.loop(c.from), to: b.loop(c.to) })),
        truncated: diff.loops.truncated,
      },
    } : {}),
  };
}
