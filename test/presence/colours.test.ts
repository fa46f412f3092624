import { describe, expect, it } from 'vitest';
import { defaultColour } from '../../src/presence/colours';
import { USER_COLOURS } from '../../src/session/identity';

describe('the colour offered to a newcomer', () => {
  it('is one nobody on the map wears', () => {
    const worn = USER_COLOURS.slice(0, 7);
    expect(defaultColour(worn, 'anyone')).toBe(USER_COLOURS[7]);
    for (const seed of ['a', 'b', 'c', 'd', 'e']) expect(defaultColour([USER_COLOURS[0]!], seed)).not.toBe(USER_COLOURS[0]);
  });

  it('starts at a place drawn from the id, so two people arriving together mostly differ', () => {
    const offers = new Set(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'u10'].map((id) => defaultColour([], id)));
    expect(offers.size).toBeGreaterThan(3);
    expect(defaultColour([], 'u1')).toBe(defaultColour([], 'u1'));
  });

  it('when all are worn, the least worn, whatever the case of the peers’ hex', () => {
    const worn = [...USER_COLOURS, ...USER_COLOURS.filter((c) => c !== USER_COLOURS[3]).map((c) => c.toUpperCase())];
    expect(defaultColour(worn, 'x')).toBe(USER_COLOURS[3]);
  });
});
