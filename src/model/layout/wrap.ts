import type { Size } from './label-size';
import type { Position } from './position';

/**
 * A map with many layers and few factors per layer comes out of a left-to-right layout as a
 * long strip (the Mali fixture: about 10:1; 300 factors: 15:1), which fits neither a screen
 * nor a report page. Like a line of text that runs too long, the layers are wrapped into
 * bands stacked top to bottom; each band still reads left to right.
 */
const MIN_LAYERS_PER_BAND = 3;

export interface WrapOptions {
  /** Width over height above which the layout is wrapped. */
  readonly maxAspect: number;
  /** The shape a wrapped layout aims for (16:10 screens and projectors). */
  readonly targetAspect: number;
  readonly bandGap: number;
}

export function wrapLayers(
  positions: ReadonlyMap<string, Position>,
  sizes: ReadonlyMap<string, Size>,
  options: WrapOptions,
): Map<string, Position> {
  const ids = [...positions.keys()];
  if (ids.length === 0) return new Map(positions);
  const right = Math.max(...ids.map((id) => positions.get(id)!.x + sizes.get(id)!.width));
  const left = Math.min(...ids.map((id) => positions.get(id)!.x));
  const top = Math.min(...ids.map((id) => positions.get(id)!.y));
  const bottom = Math.max(...ids.map((id) => positions.get(id)!.y + sizes.get(id)!.height));
  const width = right - left;
  const height = Math.max(1, bottom - top);
  if (width / height <= options.maxAspect) return new Map(positions);

  // A layer (factors sharing a column) never straddles two bands: cut at layer starts only.
  const starts = [...new Set(ids.map((id) => Math.round(positions.get(id)!.x - left)))].sort((a, b) => a - b);
  // Stacking k bands divides the width by k and multiplies the height by about k; a band
  // keeps at least MIN_LAYERS_PER_BAND layers, so a short chain stays on one line.
  const bands = Math.min(
    Math.round(Math.sqrt(width / height / options.targetAspect)),
    Math.floor(starts.length / MIN_LAYERS_PER_BAND),
  );
  if (bands < 2) return new Map(positions);
  const bandWidth = width / bands;
  const bandOf = new Map<number, number>();
  let band = 0;
  let bandStart = 0;
  for (const x of starts) {
    if (x - bandStart >= bandWidth && band < bands - 1) {
      band++;
      bandStart = x;
    }
    bandOf.set(x, band);
  }
  const bandLeft = new Map<number, number>();
  for (const [x, b] of bandOf) bandLeft.set(b, Math.min(bandLeft.get(b) ?? Infinity, x));
  const out = new Map<string, Position>();
  for (const id of ids) {
    const p = positions.get(id)!;
    const x = Math.round(p.x - left);
    const b = bandOf.get(x) ?? 0;
    out.set(id, { x: left + x - (bandLeft.get(b) ?? 0), y: p.y + b * (height + options.bandGap) });
  }
  return out;
}
