import { contentTokens, normaliseLabel } from './normalise';
import { NEAR_MIN_SCORE, tokenSimilarity } from './similarity';

/**
 * The factors of a map, looked up by label: equal after normalisation, or near. Scoring every
 * pair would be 25 million comparisons for two 5,000-factor maps, so near candidates are first
 * narrowed to the labels that share letter triples with the one looked up; only those are
 * scored. The shared triples are counted in a typed array and the best labels picked by
 * count buckets (no sort of every label touched), and each label's words are split once.
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
/** One collator for every tie (localeCompare with a locale builds one per call). */
const byLabel = new Intl.Collator('fr');

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
  private readonly entries: { item: IndexedLabel; key: string; words: readonly string[] }[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly ignored = new Set<string>();
  /** Shared triples per entry during one lookup; zero between lookups. */
  private shared = new Uint16Array(0);

  constructor(items: Iterable<IndexedLabel>) {
    for (const item of items) {
      const key = normaliseLabel(item.label);
      if (key === '') continue;
      const n = this.entries.length;
      this.entries.push({ item, key, words: contentTokens(key) });
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
    this.shared = new Uint16Array(this.entries.length);
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
    const shared = this.shared;
    const touched: number[] = [];
    for (const t of triples(key)) {
      if (this.ignored.has(t)) continue;
      for (const n of this.postings.get(t) ?? []) {
        if (shared[n] === 0) touched.push(n);
        shared[n] = shared[n]! + 1;
      }
    }
    const best = this.mostShared(touched);
    for (const n of touched) shared[n] = 0;
    const words = contentTokens(key);
    const out: Candidate[] = [];
    for (const n of best) {
      const e = this.entries[n]!;
      if (e.key === key) continue;
      const score = tokenSimilarity(key, words, e.key, e.words);
      if (score >= min) out.push({ id: e.item.id, label: e.item.label, score });
    }
    return out
      .sort((a, b) => b.score - a.score || byLabel.compare(a.label, b.label) || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }

  /** The SCORED_PER_LOOKUP entries sharing the most triples, ties by position (the map's order). */
  private mostShared(touched: number[]): number[] {
    if (touched.length <= SCORED_PER_LOOKUP) return touched;
    const shared = this.shared;
    let max = 0;
    for (const n of touched) if (shared[n]! > max) max = shared[n]!;
    const buckets: number[][] = Array.from({ length: max + 1 }, () => []);
    for (const n of touched) buckets[shared[n]!]!.push(n);
    const best: number[] = [];
    for (let c = max; c > 0 && best.length < SCORED_PER_LOOKUP; c--) {
      const bucket = buckets[c]!;
      if (best.length + bucket.length <= SCORED_PER_LOOKUP) {
        for (const n of bucket) best.push(n);
        continue;
      }
      bucket.sort((a, b) => a - b);
      for (const n of bucket.slice(0, SCORED_PER_LOOKUP - best.length)) best.push(n);
    }
    return best;
  }
}
