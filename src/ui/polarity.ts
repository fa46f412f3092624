import type { Polarity } from '../model';

/** Colours chosen to stay apart for the common colour-blindnesses; the sign is drawn too. */
export const POLARITY_COLOUR: Record<Polarity, string> = {
  '+': '#1565c0',
  '-': '#c62828',
  '?': '#757575',
};

export const POLARITY_SIGN: Record<Polarity, string> = { '+': '+', '-': '−', '?': '?' };

export function strokeWidth(strength: number | undefined): number {
  return strength === undefined ? 2 : strength * 1.6;
}
