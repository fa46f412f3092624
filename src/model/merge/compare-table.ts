import { guardFormula, toCsv, type CsvExportOptions } from '../io/csv-write';
import type { Polarity } from '../schema';
import type { MapComparison, Presence } from './compare-maps';

/**
 * The comparison of two maps as a table (the Compare panel, and its CSV for a report): one row
 * per factor and link, in both maps or in one only, and per loop that one map has and the
 * other not. Factors and links are named by their label in each map.
 */
export type RowKind = 'factor' | 'link' | 'loop';

export interface ComparisonRow {
  readonly kind: RowKind;
  readonly presence: Presence;
  /** A factor's label, a link's "cause → effect", a loop's "A → B → C → A", in this map. */
  readonly here: string;
  /** The same in the other map. */
  readonly there: string;
  readonly polarityHere?: Polarity;
  readonly polarityThere?: Polarity;
  /** Loops: reinforcing, balancing or unknown. */
  readonly loopKind?: string;
}

const ORDER: Record<Presence, number> = { both: 0, here: 1, there: 2 };
const KIND_ORDER: Record<RowKind, number> = { factor: 0, link: 1, loop: 2 };

export function comparisonRows(c: MapComparison): ComparisonRow[] {
  const { diff, here, there } = c;
  const hereLabel = new Map(here.factors.map((f) => [f.id, f.label]));
  const thereLabel = new Map(there.factors.map((f) => [f.id, f.label]));
  const arrow = (labels: ReadonlyMap<string, string>, s: string, t: string) => `${labels.get(s) ?? ''} → ${labels.get(t) ?? ''}`;
  const rows: ComparisonRow[] = [];
  const onlyHere = new Set(diff.factors.added.map((f) => f.id));
  const hereToThere = new Map([...diff.matching.factors].map(([t, h]) => [h, t]));
  for (const f of here.factors) {
    rows.push(onlyHere.has(f.id)
      ? { kind: 'factor', presence: 'here', here: f.label, there: '' }
      : { kind: 'factor', presence: 'both', here: f.label, there: thereLabel.get(hereToThere.get(f.id)!) ?? '' });
  }
  for (const f of diff.factors.removed) rows.push({ kind: 'factor', presence: 'there', here: '', there: f.label });

  const onlyHereLinks = new Set(diff.links.added.map((l) => l.id));
  const was = new Map([...diff.links.changed].map((ch) => [ch.to.id, ch.from]));
  for (const l of here.links) {
    const h = arrow(hereLabel, l.source, l.target);
    if (onlyHereLinks.has(l.id)) {
      rows.push({ kind: 'link', presence: 'here', here: h, there: '', polarityHere: l.polarity });
      continue;
    }
    // Unchanged links are not in diff.links.changed: the other map's link has the same polarity.
    const other = was.get(l.id);
    const s = hereToThere.get(l.source)!;
    const t = hereToThere.get(l.target)!;
    rows.push({
      kind: 'link', presence: 'both', here: h, there: arrow(thereLabel, s, t),
      polarityHere: l.polarity, polarityThere: other?.polarity ?? l.polarity,
    });
  }
  for (const l of diff.links.removed) {
    rows.push({ kind: 'link', presence: 'there', here: '', there: arrow(thereLabel, l.source, l.target), polarityThere: l.polarity });
  }
  const loopText = (labels: ReadonlyMap<string, string>, ids: readonly string[]) =>
    [...ids, ids[0]!].map((id) => labels.get(id) ?? '').join(' → ');
  for (const l of diff.loops?.appeared ?? []) {
    rows.push({ kind: 'loop', presence: 'here', here: loopText(hereLabel, l.factors), there: '', loopKind: l.kind });
  }
  for (const l of diff.loops?.disappeared ?? []) {
    rows.push({ kind: 'loop', presence: 'there', here: '', there: loopText(thereLabel, l.factors), loopKind: l.kind });
  }
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || ORDER[a.presence] - ORDER[b.presence]
    || (a.here || a.there).localeCompare(b.here || b.there, 'fr'));
}

export interface TableWords {
  readonly columns: readonly [string, string, string, string, string, string, string];
  readonly kinds: Record<RowKind, string>;
  readonly presence: Record<Presence, string>;
}

/** Column names and values in the map's language; the map titles name the two label columns. */
export function tableWords(language: string, hereTitle: string, thereTitle: string): TableWords {
  const fr = language.startsWith('fr');
  const here = hereTitle.trim() || (fr ? 'cette carte' : 'this map');
  const there = thereTitle.trim() || (fr ? "l'autre carte" : 'the other map');
  return fr
    ? {
      columns: ['élément', 'présent dans', here, there, `polarité (${here})`, `polarité (${there})`, 'type de boucle'],
      kinds: { factor: 'facteur', link: 'lien', loop: 'boucle' },
      presence: { both: 'les deux', here: `${here} seulement`, there: `${there} seulement` },
    }
    : {
      columns: ['element', 'found in', here, there, `polarity (${here})`, `polarity (${there})`, 'loop kind'],
      kinds: { factor: 'factor', link: 'link', loop: 'loop' },
      presence: { both: 'both', here: `${here} only`, there: `${there} only` },
    };
}

export function comparisonCsv(rows: readonly ComparisonRow[], words: TableWords, options: CsvExportOptions = {}): string {
  const t = options.excel ? guardFormula : (v: string) => v;
  return toCsv(words.columns, rows.map((r) => [
    words.kinds[r.kind], t(words.presence[r.presence]), t(r.here), t(r.there),
    r.polarityHere ?? '', r.polarityThere ?? '', r.loopKind ?? '',
  ]), options);
}
