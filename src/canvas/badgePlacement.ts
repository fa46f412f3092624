import { intersects, type Rect, type Size } from '../ui/fit';

/**
 * Where a factor's badges go around its box, in the order they are tried: above it on the
 * right (where the eye looks for them), above on the left, below on either side, each with
 * its chips in rows no wider than the box; then the same four in one row however wide (a small
 * box in a dense part of the map has room for one short row sooner than for a tall stack); then
 * beside it. Every slot is outside the box's label; the first one clear of every other box
 * wins, so a chip is never drawn under (or over) a neighbouring factor. Badges.tsx applies the
 * slot, badges.css draws it.
 */
export const BADGE_SLOTS = [
  'above-right', 'above-left', 'below-right', 'below-left',
  'above-right-row', 'above-left-row', 'below-right-row', 'below-left-row',
  'right', 'left',
] as const;
export type BadgeSlot = (typeof BADGE_SLOTS)[number];

/** Must match badges.css: how far a band above or below reaches into the box's rim, the gap beside it, and between chips. */
export const BAND_INSET = 4;
export const BAND_SIDE_GAP = 2;
export const CHIP_GAP_X = 3;
export const CHIP_GAP_Y = 2;
/** A chip closer than this to another box reads as touching it. */
const CLEARANCE = 2;

/**
 * The band's size in a slot, laid out as badges.css lays it out: above or below, chips in rows
 * no wider than the box (rows wrap), or all in one row (`-row`); beside, one under the other.
 */
export function bandSize(chips: readonly Size[], slot: BadgeSlot, boxWidth: number): Size {
  if (chips.length === 0) return { width: 0, height: 0 };
  if (slot === 'right' || slot === 'left') {
    return {
      width: Math.max(...chips.map((c) => c.width)),
      height: chips.reduce((h, c) => h + c.height, 0) + CHIP_GAP_Y * (chips.length - 1),
    };
  }
  const maxWidth = slot.endsWith('-row') ? Infinity : boxWidth + 2 * BAND_INSET;
  let width = 0;
  let height = 0;
  let lineWidth = 0;
  let lineHeight = 0;
  for (const c of chips) {
    if (lineWidth > 0 && lineWidth + CHIP_GAP_X + c.width > maxWidth) {
      width = Math.max(width, lineWidth);
      height += lineHeight + CHIP_GAP_Y;
      lineWidth = 0;
      lineHeight = 0;
    }
    lineWidth += (lineWidth > 0 ? CHIP_GAP_X : 0) + c.width;
    lineHeight = Math.max(lineHeight, c.height);
  }
  return { width: Math.max(width, lineWidth), height: height + lineHeight };
}

/** The band's rectangle in map units, for a box and a band of that size. */
export function bandRect(box: Rect, band: Size, slot: BadgeSlot): Rect {
  const right = box.x + box.width + BAND_INSET - band.width;
  const left = box.x - BAND_INSET;
  const above = box.y + BAND_INSET - band.height;
  const below = box.y + box.height - BAND_INSET;
  switch (slot) {
    case 'above-right': case 'above-right-row': return { x: right, y: above, ...band };
    case 'above-left': case 'above-left-row': return { x: left, y: above, ...band };
    case 'below-right': case 'below-right-row': return { x: right, y: below, ...band };
    case 'below-left': case 'below-left-row': return { x: left, y: below, ...band };
    case 'right': return { x: box.x + box.width + BAND_SIDE_GAP, y: box.y - BAND_INSET, ...band };
    case 'left': return { x: box.x - BAND_SIDE_GAP - band.width, y: box.y - BAND_INSET, ...band };
  }
}

const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The first slot whose band meets no other box (with a little clearance); when every slot
 * meets one, the slot that covers the least of them. `others` is walked once, and only the
 * boxes within reach of some slot are kept: a factor with badges on a thousand-factor map
 * costs one pass over the positions React Flow already holds.
 */
export function chooseBadgeSlot(box: Rect, chips: readonly Size[], others: Iterable<Rect>): BadgeSlot {
  if (chips.length === 0) return BADGE_SLOTS[0];
  const bands = BADGE_SLOTS.map((slot) => ({ slot, rect: grow(bandRect(box, bandSize(chips, slot, box.width), slot), CLEARANCE) }));
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { rect } of bands) {
    x0 = Math.min(x0, rect.x);
    y0 = Math.min(y0, rect.y);
    x1 = Math.max(x1, rect.x + rect.width);
    y1 = Math.max(y1, rect.y + rect.height);
  }
  const reach = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const near: Rect[] = [];
  for (const o of others) if (intersects(o, reach)) near.push(o);
  let best: BadgeSlot = BADGE_SLOTS[0];
  let bestArea = Infinity;
  for (const { slot, rect } of bands) {
    let area = 0;
    for (const o of near) area += overlapArea(rect, o);
    if (area === 0) return slot;
    if (area < bestArea) {
      best = slot;
      bestArea = area;
    }
  }
  return best;
}
