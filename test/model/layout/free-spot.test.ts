import { describe, expect, it } from 'vitest';
import { freeSpot, FREE_SPOT_GAP, type Rect } from '../../../src/model/layout/free-spot';

/**
 * New factors (issue 12): each goes to the free spot nearest where it was asked for, never on
 * top of another box, so factors added one after another stay apart and near the view's centre.
 */
const SIZE = { width: 160, height: 40 };

function apart(a: Rect, b: Rect, gap: number): boolean {
  return a.x + a.width + gap <= b.x || b.x + b.width + gap <= a.x || a.y + a.height + gap <= b.y || b.y + b.height + gap <= a.y;
}

describe('a new factor goes to free space', () => {
  it('on an empty map, centred on the point asked for', () => {
    expect(freeSpot([], SIZE, { x: 500, y: 300 })).toEqual({ x: 420, y: 280 });
  });

  it('three added at the same centre land apart from each other, all near it', () => {
    const boxes: Rect[] = [];
    for (let i = 0; i < 3; i++) boxes.push({ ...freeSpot(boxes, SIZE, { x: 0, y: 0 }), ...SIZE });
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(apart(boxes[i]!, boxes[j]!, FREE_SPOT_GAP)).toBe(true);
    for (const b of boxes) expect(Math.hypot(b.x + 80, b.y + 20)).toBeLessThan(300);
  });

  it('in a crowded view, never on top of a box, and as near as the crowd allows', () => {
    // A 9 × 9 block of boxes around the centre, one gap apart: the spot is outside it.
    const crowd: Rect[] = [];
    for (let i = -4; i <= 4; i++) for (let j = -4; j <= 4; j++) crowd.push({ x: i * 200, y: j * 70, width: 176, height: 46 });
    const at = { ...freeSpot(crowd, SIZE, { x: 88, y: 23 }), ...SIZE };
    for (const b of crowd) expect(apart(at, b, FREE_SPOT_GAP)).toBe(true);
    expect(Math.hypot(at.x, at.y)).toBeLessThan(1200);
  });

  it('finds a hole between boxes when there is one', () => {
    const ring: Rect[] = [];
    for (const [i, j] of [[-1, -1], [0, -1], [1, -1], [-1, 0], [1, 0], [-1, 1], [0, 1], [1, 1]] as const) {
      ring.push({ x: i * 300 - 80, y: j * 150 - 20, ...SIZE });
    }
    expect(freeSpot(ring, SIZE, { x: 10, y: 5 })).toEqual({ x: -70, y: -15 });
  });
});
