import { USER_COLOURS } from '../session';

/**
 * The colour offered to someone who has not chosen one: the first of the palette nobody on
 * the map wears yet, starting at a place drawn from their id, so two people who open the
 * map in the same second (each not yet seeing the other) still start apart. When all eight
 * are worn, the least worn.
 */
export function defaultColour(worn: readonly string[], seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  const count = new Map<string, number>();
  for (const c of worn) count.set(c.toLowerCase(), (count.get(c.toLowerCase()) ?? 0) + 1);
  let best = USER_COLOURS[h % USER_COLOURS.length]!;
  let fewest = Infinity;
  for (let k = 0; k < USER_COLOURS.length; k++) {
    const c = USER_COLOURS[(h + k) % USER_COLOURS.length]!;
    const n = count.get(c.toLowerCase()) ?? 0;
    if (n < fewest) {
      best = c;
      fewest = n;
    }
  }
  return best;
}

/** The palette's colours by name, for the swatches' labels (a screen reader would read "#d32f2f"). */
export const COLOUR_NAMES: Readonly<Record<string, string>> = {
  '#d32f2f': 'red', '#7b1fa2': 'purple', '#303f9f': 'indigo', '#0288d1': 'blue',
  '#00796b': 'teal', '#689f38': 'green', '#f57c00': 'orange', '#5d4037': 'brown',
};
