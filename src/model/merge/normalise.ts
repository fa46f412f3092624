import { foldText } from '../stories';

/**
 * Labels as the merge compares them. Two groups write the same factor differently
 * ("Insécurité", "insecurite", "L'insécurité", "Pauvreté des ménages" / "pauvreté du ménage"):
 * normalising folds what does not change the meaning in French (case, accents, spaces,
 * punctuation, elided and plain articles, a plural s or x), so that such labels become one
 * key and are proposed as the same factor. It never drops a content word: "Accès à la terre"
 * and "Accès à l'eau" keep "terre" and "eau" and stay apart.
 */

/** Apostrophes as keyboards, phones and word processors type them. */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032]/g;

/**
 * French elision before a vowel or mute h: l'eau, d'autodéfense, qu'on, jusqu'au, s'il…
 * Matched on text already lower-cased and without accents.
 */
const ELISION = /(^|[^a-z0-9])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/g;

/**
 * Articles and "de" carry no meaning a merge must keep, and groups write them differently
 * ("Fermeture des écoles", "Fermeture d'écoles"); "au" and "aux" fold onto "à". A lone l, d,
 * qu… is an elision whose apostrophe was lost ("d autodéfense").
 */
const DROPPED = new Set([
  'le', 'la', 'les', 'un', 'une', 'de', 'du', 'des', 'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu',
]);
const FOLDED: ReadonlyMap<string, string> = new Map([['au', 'a'], ['aux', 'a']]);

/** Short words keep a final s or x: "pas", "prix", "bus" are not plurals of anything. */
const MIN_PLURAL_CHARS = 4;

function singular(token: string): string {
  if (token.length < MIN_PLURAL_CHARS || /\d/.test(token)) return token;
  const last = token[token.length - 1];
  if ((last === 's' && token[token.length - 2] !== 's') || last === 'x') return token.slice(0, -1);
  return token;
}

/** The words of a label, normalised, in their order. */
export function labelTokens(label: string): string[] {
  // NFKC first: full-width letters and the ﬁ ligature a PDF copy leaves become plain letters.
  const folded = foldText(label.normalize('NFKC'))
    .replace(APOSTROPHES, "'")
    .replace(ELISION, '$1')
    .replace(/&/g, ' et ')
    // After a prefix a hyphen joins ("auto-défense" is "autodéfense"); between two words
    // ("éleveurs-agriculteurs") it separates, like any other punctuation.
    .replace(/(^|[^a-z0-9])([a-z]{1,5})[-\u2010\u2011](?=[a-z])/g, '$1$2')
    .replace(/[^a-z0-9]+/g, ' ');
  const out: string[] = [];
  for (const word of folded.split(' ')) {
    if (word === '' || DROPPED.has(word)) continue;
    out.push(singular(FOLDED.get(word) ?? word));
  }
  return out;
}

/**
 * The key under which labels are "the same" after normalisation. Empty for a label with no
 * letter or digit ("?", "—"), which matches nothing.
 */
export function normaliseLabel(label: string): string {
  return labelTokens(label).join(' ');
}

/** Little words that make two labels look alike without saying the same thing. */
const STOP_WORDS = new Set([
  'de', 'a', 'et', 'en', 'sur', 'par', 'pour', 'dans', 'avec', 'sans', 'ou', 'entre', 'contre', 'vers', 'chez',
  'of', 'the', 'and', 'in', 'on', 'to', 'for', 'by', 'with', 'an',
]);

/** The words that carry the meaning, for the near-match score. */
export function contentTokens(normalised: string): string[] {
  const words = normalised.split(' ').filter((w) => w !== '');
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return content.length > 0 ? content : words;
}
