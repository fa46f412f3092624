import { describe, expect, it } from 'vitest';
import { bandRect, bandSize, chooseBadgeSlot } from '../../src/canvas/badgePlacement';
import { intersects } from '../../src/ui/fit';

const box = { x: 0, y: 0, width: 160, height: 48 };
const vote = { width: 40, height: 17 };
const groups = { width: 80, height: 17 };

describe('badge placement', () => {
  it('lays chips out in rows as wide as the box above or below it, in a column beside it', () => {
    expect(bandSize([vote, groups], 'above-right', 160)).toEqual({ width: 123, height: 17 });
    // Too wide for one row of a narrow box: the second chip goes on a row of its own.
    expect(bandSize([vote, groups], 'above-right', 100)).toEqual({ width: 80, height: 36 });
    expect(bandSize([vote, groups], 'right', 160)).toEqual({ width: 80, height: 36 });
    expect(bandSize([], 'left', 160)).toEqual({ width: 0, height: 0 });
  });

  it('keeps the default slot, above on the right, when nothing is near', () => {
    const far = { x: 1000, y: 1000, width: 160, height: 48 };
    expect(chooseBadgeSlot(box, [vote, groups], [far])).toBe('above-right');
    expect(chooseBadgeSlot(box, [vote], [])).toBe('above-right');
  });

  it('moves the chips away from a box just above, to a slot that meets no other box', () => {
    // The neighbour sits right above, touching the top rim: the default band would lie under it.
    const above = { x: 20, y: -50, width: 160, height: 48 };
    const chips = [vote, groups];
    expect(intersects(bandRect(box, bandSize(chips, 'above-right', 160), 'above-right'), above)).toBe(true);
    const slot = chooseBadgeSlot(box, chips, [above]);
    expect(slot).toBe('below-right');
    expect(intersects(bandRect(box, bandSize(chips, slot, 160), slot), above)).toBe(false);
  });

  it('tries above on the left before going below', () => {
    const aboveRight = { x: 120, y: -60, width: 160, height: 48 };
    expect(chooseBadgeSlot(box, [vote], [aboveRight])).toBe('above-left');
  });

  it('a small box hemmed in above and below takes one short row before a tall stack', () => {
    const small = { x: 0, y: 0, width: 100, height: 48 };
    const above = { x: -50, y: -60, width: 200, height: 58 };
    // Room below for one row of chips (17 high), not for the two rows the box's width makes (36).
    const below = { x: -50, y: 74, width: 200, height: 48 };
    expect(bandSize([vote, groups], 'below-right', 100).height).toBe(36);
    expect(bandSize([vote, groups], 'below-right-row', 100)).toEqual({ width: 123, height: 17 });
    expect(chooseBadgeSlot(small, [vote, groups], [above, below])).toBe('below-right-row');
  });

  it('goes beside the box when boxes sit above and below it', () => {
    const above = { x: -10, y: -54, width: 180, height: 48 };
    const below = { x: -10, y: 52, width: 180, height: 48 };
    expect(chooseBadgeSlot(box, [vote, groups], [above, below])).toBe('right');
    const right = { x: 170, y: -20, width: 160, height: 90 };
    expect(chooseBadgeSlot(box, [vote, groups], [above, below, right])).toBe('left');
  });

  it('boxed in on every side, takes the slot that covers the least of the others', () => {
    const ring = [
      { x: -300, y: -60, width: 800, height: 57 }, // above, every slot's band under it
      { x: -300, y: 51, width: 800, height: 60 }, // below
      { x: 162, y: -20, width: 10, height: 90 }, // a thin box on the right
      { x: -300, y: -20, width: 298, height: 90 }, // a wide one on the left
    ];
    expect(chooseBadgeSlot(box, [vote, groups], ring)).toBe('right');
  });

  it('ignores boxes out of reach, however many there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ x: 400 + (i % 100) * 200, y: (Math.floor(i / 100) - 25) * 80, width: 160, height: 48 }));
    expect(chooseBadgeSlot(box, [vote, groups], many)).toBe('above-right');
  });
});
