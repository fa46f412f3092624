import { distance } from 'fastest-levenshtein';
import { contentTokens } from './normalise';

/**
 * How alike two normalised labels are, from 0 to 100, for proposing near matches. Two views
 * of a label, each catching what the other misses:
 * - edit distance on the whole label catches typos and small rewordings
 *   ("secheresse" / "secheresses pluie", "autodefense" / "auto defense");
 * - the set of content words, matched word to word with a tolerance for typos, catches
 *   reordered and extended labels ("pauvrete menage" / "pauvrete menage rural").
 * A label whose every content word is in the other's is scored on how much of the longer one
 * it covers, so "secheresse" is proposed for "secheresse pluie irreguliere" without scoring
 * as high as a true rewording.
 * The score only ranks proposals: a person confirms every near match.
 */

/** Two words are the same word with a typo when this alike (share of letters kept). */
const WORD_ALIKE = 0.75;
/** Below this a candidate is not worth a person's time. */
export const NEAR_MIN_SCORE = 55;

/** Words sharing this long a start are the same word, written another way ("fermeture", "fermées"). */
const STEM_CHARS = 5;

function editRatio(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 0 : 1 - distance(a, b) / longest;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * How alike two words are, 0 when they are not the same word. Typos keep the first letter;
 * a word that differs by its start is another word ("insecurite" is not "securite").
 */
function wordLikeness(a: string, b: string): number {
  if (a === b) return 1;
  if (a[0] !== b[0]) return 0;
  const edit = editRatio(a, b);
  if (edit >= WORD_ALIKE) return edit;
  const prefix = commonPrefix(a, b);
  return prefix >= STEM_CHARS && prefix * 3 >= Math.min(a.length, b.length) * 2 ? WORD_ALIKE : 0;
}

/**
 * Each word of the shorter list takes its best partner in the longer: the sum of their
 * likeness, and how many found one.
 */
function wordOverlap(short: readonly string[], long: readonly string[]): { sum: number; matched: number } {
  const used = new Set<number>();
  let sum = 0;
  for (const w of short) {
    let best = -1;
    let bestScore = 0;
    long.forEach((v, i) => {
      if (used.has(i)) return;
      const s = wordLikeness(w, v);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best >= 0) {
      used.add(best);
      sum += bestScore;
    }
  }
  return { sum, matched: used.size };
}

/** 0–100; 100 only for labels equal after normalisation. */
export function labelSimilarity(a: string, b: string): number {
  return tokenSimilarity(a, contentTokens(a), b, contentTokens(b));
}

/**
 * The same, with each label's content words already split (LabelIndex keeps them: a lookup
 * scores dozens of labels, and splitting them again each time was a share of the plan's time).
 */
export function tokenSimilarity(a: string, ta: readonly string[], b: string, tb: readonly string[]): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 100;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const { sum, matched } = wordOverlap(short, long);
  const dice = (2 * sum) / (ta.length + tb.length);
  const edit = editRatio(a, b);
  const contained = matched === short.length ? 0.55 + 0.4 * (sum / long.length) : 0;
  // Never 100 for labels that differ: that score means "same after normalisation".
  return Math.min(99, Math.round(100 * Math.max(edit, dice, contained)));
}
