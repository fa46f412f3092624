import { contentTokens, normaliseLabel } from './normalise';
import { labelSimilarity, NEAR_MIN_SCORE } from './similarity';

/**
 * The factors of a map, looked up by label: equal after normalisation, or near. Scoring every
 * pair would be 25 million comparisons for two 5,000-factor maps, so near candidates are first
 * narrowed to the labels that share letter triples with the one looked up; only those are
 * scored.
 */
export interface Candidate {
  readonly id: string;
  readonly label: string;
  /** 0–100; 100 is equal after normalisation. */
  readonly score: number;
}

export interface IndexedLabel {
  readonly id: string;
  readonly label: string;
}

/** How many of the best-sharing labels are scored; enough for typos and rewordings. */
const SCORED_PER_LOOKUP = 40;
/** In a large map a triple found in more than this share of labels ("ion") tells nothing. */
const COMMON_TRIPLE_SHARE = 0.2;
const SMALL_INDEX = 200;

function triples(normalised: string): Set<string> {
  const out = new Set<string>();
  for (const word of contentTokens(normalised)) {
    const w = `^${word}$`;
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  }
  return out;
}

export class LabelIndex {
  private readonly byKey = new Map<string, IndexedLabel[]>();
  private readonly entries: { item: IndexedLabel; key: string }[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly ignored = new Set<string>();

  constructor(items: Iterable<IndexedLabel>) {
    for (const item of items) {
      const key = normaliseLabel(item.label);
      if (key === '') continue;
      const n = this.entries.length;
      this.entries.push({ item, key });
      const same = this.byKey.get(key);
      if (same) same.push(item);
      else this.byKey.set(key, [item]);
      for (const t of triples(key)) {
        const list = this.postings.get(t);
        if (list) list.push(n);
        else this.postings.set(t, [n]);
      }
    }
    if (this.entries.length > SMALL_INDEX) {
      const limit = this.entries.length * COMMON_TRIPLE_SHARE;
      for (const [t, list] of this.postings) if (list.length > limit) this.ignored.add(t);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Labels equal to this one after normalisation, in the order they were given. */
  same(key: string): readonly IndexedLabel[] {
    return key === '' ? [] : (this.byKey.get(key) ?? []);
  }

  /** The best near labels (not equal after normalisation), best first, ties by label. */
  near(key: string, limit: number, min = NEAR_MIN_SCORE): Candidate[] {
    if (key === '') return [];
    const shared = new Map<number, number>();
    for (const t of triples(key)) {
      if (this.ignored.has(t)) continue;
      for (const n of this.postings.get(t) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
    }
    const best = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SCORED_PER_LOOKUP);
    const out: Candidate[] = [];
    for (const [n] of best) {
      const e = this.entries[n]!;
      if (e.key === key) continue;
      const score = labelSimilarity(key, e.key);
      if (score >= min) out.push({ id: e.item.id, label: e.item.label, score });
    }
    return out
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'fr') || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
}
