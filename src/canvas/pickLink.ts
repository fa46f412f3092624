import type { InternalNode } from '@xyflow/react';
import { distanceToCurve, linkCurve, type Point } from './geometry';
import { nodeBox } from './lod';
import type { LinkEdgeType } from './types';

/** How near a click must come to a link on the overview's canvas, in screen pixels. */
export const PICK_PX = 8;

/**
 * The link drawn on the overview's canvas nearest to a point of the map, if one is within
 * `radius` map units: the canvas has no elements to click, so a click on the pane looks here.
 */
export function pickLink(
  links: readonly LinkEdgeType[], lookup: ReadonlyMap<string, InternalNode>, p: Point, radius: number,
): string | null {
  let best: string | null = null;
  let bestD = radius;
  for (const e of links) {
    const a = lookup.get(e.source);
    const b = lookup.get(e.target);
    if (!a || !b || !e.data) continue;
    const ba = nodeBox(a);
    const bb = nodeBox(b);
    // Boxes far from the point cannot have their link near it (the bend is at most 28 units).
    const pad = radius + 40;
    if (p.x < Math.min(ba.x, bb.x) - pad || p.x > Math.max(ba.x + ba.width, bb.x + bb.width) + pad) continue;
    if (p.y < Math.min(ba.y, bb.y) - pad || p.y > Math.max(ba.y + ba.height, bb.y + bb.height) + pad) continue;
    const d = distanceToCurve(p, linkCurve(ba, bb, e.data.bend));
    if (d <= bestD) {
      bestD = d;
      best = e.id;
    }
  }
  return best;
}
