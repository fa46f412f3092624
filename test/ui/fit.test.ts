import { describe, expect, it } from 'vitest';
import {
  boundsOf, fitBoxes, fitWithLargeLabels, intersects, isShown, newOverlaps, overlapFreeScale, scaleBoxes, toScreen, type Rect,
} from '../../src/ui/fit';

const box = (x: number, y: number, width = 100, height = 40): Rect => ({ x, y, width, height });
const pane = { width: 1000, height: 600 };

describe('fitBoxes', () => {
  it('shows every box whole, centred, within the margin', () => {
    const boxes = [box(0, 0), box(1900, 0), box(0, 1000), box(1900, 1000)];
    const vp = fitBoxes(boxes, pane, { marginPx: 20, maxZoom: 1 });
    for (const b of boxes) expect(isShown(b, vp, pane)).toBe(true);
    const s = boxes.map((b) => toScreen(b, vp));
    // Width is the tighter side here: 2000 map units into 960 px.
    expect(vp.zoom).toBeCloseTo(960 / 2000, 5);
    expect(Math.min(...s.map((r) => r.x))).toBeCloseTo(20, 5);
    const top = Math.min(...s.map((r) => r.y));
    const bottom = Math.max(...s.map((r) => r.y + r.height));
    expect(top).toBeCloseTo(pane.height - bottom, 5);
  });

  it('never zooms past maxZoom nor below minZoom', () => {
    expect(fitBoxes([box(0, 0)], pane, { maxZoom: 2 }).zoom).toBe(2);
    expect(fitBoxes([box(0, 0), box(100_000, 0)], pane, { minZoom: 0.1 }).zoom).toBe(0.1);
  });

  it('keeps boxes from under an overlay, shifting the map first and zooming out only if it must', () => {
    // A small map: there is slack, so it moves away from the minimap in the bottom-right corner.
    const small = [box(0, 0), box(300, 200)];
    const minimap = { x: 780, y: 430, width: 220, height: 170 };
    const vp = fitBoxes(small, pane, { maxZoom: 1, obstacles: [minimap] });
    expect(vp.zoom).toBe(1);
    for (const b of small) expect(isShown(b, vp, pane, [minimap])).toBe(true);

    // A map filling the pane: a box in its bottom-right corner would be under the minimap.
    const full = [box(0, 0), box(1900, 1100), box(0, 1100), box(1900, 0)];
    const plain = fitBoxes(full, pane);
    expect(full.some((b) => !isShown(b, plain, pane, [minimap]))).toBe(true);
    const clear = fitBoxes(full, pane, { obstacles: [minimap] });
    for (const b of full) expect(isShown(b, clear, pane, [minimap])).toBe(true);
    expect(clear.zoom).toBeLessThan(plain.zoom);
  });

  it('keeps a full-width band (a step title) clear', () => {
    const boxes = [box(0, 0), box(500, 300)];
    const band = { x: 0, y: 0, width: pane.width, height: 80 };
    const vp = fitBoxes(boxes, pane, { maxZoom: 4, obstacles: [band] });
    for (const b of boxes) expect(isShown(b, vp, pane, [band])).toBe(true);
  });
});

describe('overlapFreeScale', () => {
  it('is how far boxes grow from their top-left corner before two touch', () => {
    // 100 wide, next one 110 further right: 1.1.
    expect(overlapFreeScale([box(0, 0), box(110, 0)], 2)).toBeCloseTo(1.1, 9);
    // 40 high, next row 60 lower: 1.5; they are not side by side, so only rows matter.
    expect(overlapFreeScale([box(0, 0), box(0, 60)], 2)).toBeCloseTo(1.5, 9);
    // Diagonal neighbours meet once both gaps close: the larger of the two.
    expect(overlapFreeScale([box(0, 0), box(120, 50)], 2)).toBeCloseTo(1.25, 9);
  });

  it('is capped, and 1 for boxes already touching; overlapping ones are left out', () => {
    expect(overlapFreeScale([box(0, 0), box(1000, 1000)], 1.6)).toBe(1.6);
    expect(overlapFreeScale([box(0, 0), box(100, 0)], 2)).toBe(1);
    expect(overlapFreeScale([box(0, 0), box(50, 10), box(300, 0)], 2)).toBe(2);
  });

  it('agrees with a brute-force check on a scattered map', () => {
    const boxes: Rect[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    while (boxes.length < 60) {
      const b = box(Math.round(rnd() * 3000), Math.round(rnd() * 2000), 120 + Math.round(rnd() * 120), 36 + Math.round(rnd() * 30));
      if (!boxes.some((o) => intersects(o, b))) boxes.push(b);
    }
    const k = overlapFreeScale(boxes, 3);
    const overlapping = (s: number) => {
      const grown = scaleBoxes(boxes, s);
      return grown.some((a, i) => grown.some((b, j) => i < j && intersects(a, b)));
    };
    expect(overlapping(k * 0.999)).toBe(false);
    expect(k === 3 || overlapping(k * 1.001)).toBe(true);
  });
});

describe('fitWithLargeLabels', () => {
  it('gives a sparse map the full projector size, and a dense one as much as keeps boxes apart', () => {
    const sparse = fitWithLargeLabels([box(0, 0), box(400, 0), box(0, 300)], pane, 1.6, { maxZoom: 2 });
    expect(sparse.scale).toBe(1.6);
    const dense = fitWithLargeLabels([box(0, 0), box(110, 0), box(0, 50)], pane, 1.6, { maxZoom: 2 });
    expect(dense.scale).toBeGreaterThan(1);
    expect(dense.scale).toBeLessThan(1.1);
    const grown = scaleBoxes([box(0, 0), box(110, 0), box(0, 50)], dense.scale);
    expect(intersects(grown[0]!, grown[1]!) || intersects(grown[0]!, grown[2]!)).toBe(false);
    for (const b of grown) expect(isShown(b, dense.viewport, pane)).toBe(true);
    expect(boundsOf(grown).width * dense.viewport.zoom).toBeLessThanOrEqual(pane.width);
  });
});

describe('newOverlaps', () => {
  it('counts pairs that were apart and now overlap, not those that already did', () => {
    const before = [box(0, 0), box(110, 0), box(50, 10)];
    expect(newOverlaps(before, before)).toBe(0);
    expect(newOverlaps(before, scaleBoxes(before, 1.2))).toBe(1);
    // 10 apart: a gap of 12 asked counts them too.
    expect(newOverlaps(before, before, 12)).toBe(1);
  });
});
