import type { InternalNode } from '@xyflow/react';
import type { Box } from './geometry';

/**
 * Level of detail. Below about 6.5 px on screen a label is a grey smear nobody reads, while
 * its glyphs, the polarity markers and arrowheads cost most of the paint and raster of every
 * frame (docs/benchmarks.md, browser: React renders nothing while panning). A map at least
 * LOD_MIN_FACTORS large then draws the overview: boxes without labels, links on one 2D
 * canvas. Smaller maps paint fast enough at full detail, and keep it.
 */
export const MIN_READABLE_PX = 6.5;
export const LOD_MIN_FACTORS = 100;
/** .factor's font size when no --factor-font is set (projector mode sets 24 px). */
export const DEFAULT_FACTOR_FONT_PX = 15;

export function labelsReadable(zoom: number, fontPx: number): boolean {
  return zoom * fontPx >= MIN_READABLE_PX;
}

/**
 * A factor's box in map units. Before the DOM has measured it (a large map's first frames),
 * a guess from the label's length within .factor's min and max widths, so links can be drawn
 * with the boxes rather than after every box is measured.
 */
export function nodeBox(n: InternalNode): Box {
  const label = (n.data as { factor?: { label?: string } }).factor?.label ?? '';
  return {
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width || Math.min(240, Math.max(120, 26 + label.length * 8)),
    height: n.measured.height || (label.length > 26 ? 60 : 41),
  };
}

/** The factor font size the canvas inherits, in CSS pixels. */
export function factorFontPx(el: Element | null): number {
  if (!el) return DEFAULT_FACTOR_FONT_PX;
  const v = parseFloat(getComputedStyle(el).getPropertyValue('--factor-font'));
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_FACTOR_FONT_PX;
}
