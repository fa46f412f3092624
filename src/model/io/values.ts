import type { Polarity } from '../schema';

/**
 * Cell values as people type them in spreadsheets, in English and French. Matching ignores
 * case, accents and surrounding spaces.
 */
function fold(v: string): string {
  return v.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const POLARITY_WORDS: Readonly<Record<string, Polarity>> = {
  '+': '+', '+1': '+', '1': '+', plus: '+', positive: '+', positif: '+', same: '+', s: '+', meme: '+',
  '-': '-', '\u2212': '-', '\u2013': '-', '-1': '-', minus: '-', moins: '-', negative: '-', negatif: '-',
  opposite: '-', o: '-', oppose: '-', inverse: '-',
  '?': '?', '0': '?', unknown: '?', inconnu: '?', inconnue: '?', undecided: '?', indecis: '?',
};

/**
 * An empty cell is `?` (not decided): a missing sign is not evidence of a reinforcing link,
 * and reading it as `+` would quietly change which loops the map shows as reinforcing.
 * Returns null for a value we do not understand.
 */
export function parsePolarity(raw: string): Polarity | null {
  const v = fold(raw);
  if (v === '') return '?';
  return POLARITY_WORDS[v] ?? null;
}

const STRENGTH_WORDS: Readonly<Record<string, number>> = {
  weak: 1, faible: 1, medium: 2, moyen: 2, moyenne: 2, strong: 3, fort: 3, forte: 3,
};

/** undefined for an empty cell, null for a value we do not understand. */
export function parseStrength(raw: string): number | undefined | null {
  const v = fold(raw);
  if (v === '') return undefined;
  const word = STRENGTH_WORDS[v];
  if (word !== undefined) return word;
  if (!/^\d+(\.0+)?$/.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= 3 ? n : null;
}

const DELAY_WORDS: Readonly<Record<string, boolean>> = {
  true: true, yes: true, y: true, '1': true, oui: true, o: true, vrai: true, x: true, delay: true, delai: true,
  false: false, no: false, n: false, '0': false, non: false, faux: false,
};

/** An empty cell means no delay; null for a value we do not understand. */
export function parseDelay(raw: string): boolean | null {
  const v = fold(raw);
  if (v === '') return false;
  return DELAY_WORDS[v] ?? null;
}

/** Header names in English and French, folded like cells. */
export function foldHeader(raw: string): string {
  return fold(raw).replace(/[\s_-]+/g, ' ');
}
