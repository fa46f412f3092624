import { describe, expect, it } from 'vitest';
import {
  canonicalLoopId, findLoops, type AnalysisInput, type LoopKind,
} from '../../../src/model/analysis';
import { complete, maliCentre, tiny } from './fixture';

/**
 * An independent enumeration: from each factor, depth-first through factors listed after it
 * only, so each loop is met once, from its first-listed factor.
 */
function bruteForceLoops(input: AnalysisInput): Map<string, { length: number; kind: LoopKind }> {
  const ids = input.factors.map((f) => f.id);
  const order = new Map(ids.map((id, i) => [id, i]));
  const out = new Map<string, { target: string; polarity: string }[]>();
  for (const l of input.links) out.set(l.source, [...(out.get(l.source) ?? []), l]);
  const found = new Map<string, { length: number; kind: LoopKind }>();
  for (const start of ids) {
    const path = [start];
    const signs: string[] = [];
    const visit = (v: string): void => {
      for (const { target, polarity } of out.get(v) ?? []) {
        if (target === start) {
          const all = [...signs, polarity];
          const kind: LoopKind = all.includes('?') ? 'unknown'
            : all.filter((p) => p === '-').length % 2 === 0 ? 'reinforcing' : 'balancing';
          const least = path.reduce((m, id, i) => (id < (path[m] as string) ? i : m), 0);
          found.set([...path.slice(least), ...path.slice(0, least)].join('>'), { length: path.length, kind });
        } else if ((order.get(target) ?? -1) > (order.get(start) ?? -1) && !path.includes(target)) {
          path.push(target);
          signs.push(polarity);
          visit(target);
          path.pop();
          signs.pop();
        }
      }
    };
    visit(start);
  }
  return found;
}

function count(kinds: Iterable<{ kind: LoopKind }>, kind: LoopKind): number {
  return [...kinds].filter((k) => k.kind === kind).length;
}

describe('loops of the Mali centre map', () => {
  const map = maliCentre();
  const expected = bruteForceLoops(map);
  const { loops, truncated } = findLoops(map);

  it('the brute-force enumeration finds 116 loops, 83 reinforcing and 33 balancing, of 2 to 15 factors', () => {
    expect(expected.size).toBe(116);
    expect(count(expected.values(), 'reinforcing')).toBe(83);
    expect(count(expected.values(), 'balancing')).toBe(33);
    const lengths = [...expected.values()].map((e) => e.length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBe(15);
  });

  it('finds the same loops with the same kinds, untruncated', () => {
    expect(truncated).toBe(false);
    expect(loops).toHaveLength(expected.size);
    expect(new Map(loops.map((l) => [l.id, { length: l.factors.length, kind: l.kind }]))).toEqual(expected);
  });

  it('lists loops shortest first, each link joining consecutive factors', () => {
    const lengths = loops.map((l) => l.factors.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    const byId = new Map(map.links.map((l) => [l.id, l]));
    for (const loop of loops) {
      loop.links.forEach((lid, i) => {
        expect(byId.get(lid)?.source).toBe(loop.factors[i]);
        expect(byId.get(lid)?.target).toBe(loop.factors[(i + 1) % loop.factors.length]);
      });
    }
  });

  it('gives the same ids whatever order the factors and links come in', () => {
    const shuffled = { factors: [...map.factors].reverse(), links: [...map.links].reverse() };
    expect(findLoops(shuffled).loops.map((l) => l.id)).toEqual(loops.map((l) => l.id));
  });

  it('reports truncation when the length bound leaves the 15-factor loop out', () => {
    expect(findLoops(map, { maxLength: 15 }).truncated).toBe(false);
    const bounded = findLoops(map, { maxLength: 14 });
    expect(bounded.truncated).toBe(true);
    expect(bounded.loops).toHaveLength([...expected.values()].filter((e) => e.length <= 14).length);
  });
});

describe('loops of small maps', () => {
  it('a two-factor loop with one negative link is balancing', () => {
    const { loops } = findLoops(tiny('a>b+', 'b>a-'));
    expect(loops).toEqual([{ id: 'a>b', factors: ['a', 'b'], links: ['ab', 'ba'], kind: 'balancing' }]);
  });

  it('a triangle is reinforcing with zero or two negative links, balancing with one or three', () => {
    const kind = (p: string) => findLoops(tiny(`a>b${p[0]}`, `b>c${p[1]}`, `c>a${p[2]}`)).loops[0]?.kind;
    expect(kind('+++')).toBe('reinforcing');
    expect(kind('+--')).toBe('reinforcing');
    expect(kind('-++')).toBe('balancing');
    expect(kind('---')).toBe('balancing');
  });

  it('an undecided link makes its loops unknown, and only those', () => {
    const { loops } = findLoops(tiny('a>b+', 'b>a?', 'b>c-', 'c>b-'));
    expect(loops.map((l) => [l.id, l.kind])).toEqual([['a>b', 'unknown'], ['b>c', 'reinforcing']]);
  });

  it('a map without feedback has no loops', () => {
    const result = findLoops(tiny('a>b+', 'b>c+', 'a>c-', 'd>c+'));
    expect(result).toEqual({ loops: [], truncated: false });
  });

  it('a hub on many loops appears in each', () => {
    const { loops } = findLoops(tiny('h>a+', 'a>h+', 'h>b+', 'b>h-', 'h>c+', 'c>h+', 'a>b+'));
    expect(loops.map((l) => l.id)).toEqual(['a>h', 'b>h', 'c>h', 'a>b>h']);
    expect(loops.every((l) => l.factors.includes('h'))).toBe(true);
  });

  it('a loop has the same id whatever factor it is read from', () => {
    const ids = ['m', 'c', 'x', 'a', 'q'];
    const rotations = ids.map((_, i) => [...ids.slice(i), ...ids.slice(0, i)]);
    expect(new Set(rotations.map(canonicalLoopId))).toEqual(new Set(['a>q>m>c>x']));
  });

  it('ignores links to missing factors, self-links and duplicate links', () => {
    const base = tiny('a>b+', 'b>a+');
    const input = {
      factors: base.factors,
      links: [...base.links,
        { id: 'zz', source: 'b', target: 'a', polarity: '-' as const },
        { id: 'self', source: 'a', target: 'a', polarity: '+' as const },
        { id: 'gone', source: 'a', target: 'ghost', polarity: '+' as const }],
    };
    expect(findLoops(input).loops).toEqual([{ id: 'a>b', factors: ['a', 'b'], links: ['ab', 'ba'], kind: 'reinforcing' }]);
  });

  it('refuses bounds that are not whole numbers, naming the option', () => {
    expect(() => findLoops(tiny('a>b+'), { maxLength: 1 })).toThrow(/maxLength/);
    expect(() => findLoops(tiny('a>b+'), { maxCount: 2.5 })).toThrow(/maxCount/);
  });
});

describe('loop search bounds on a dense map', () => {
  // 12 factors all linked to each other: 119,481,284 loops, never to be listed in full.
  const dense = complete(12);

  it('stops at maxCount, keeping the shortest loops, and says so', () => {
    const { loops, truncated } = findLoops(dense, { maxCount: 100 });
    expect(truncated).toBe(true);
    expect(loops).toHaveLength(100);
    // 66 two-factor loops, then 34 of the 220 * 2 three-factor ones.
    expect(loops.filter((l) => l.factors.length === 2)).toHaveLength(66);
    expect(loops.filter((l) => l.factors.length === 3)).toHaveLength(34);
  });

  it('stops at maxLength and says so', () => {
    const { loops, truncated } = findLoops(dense, { maxLength: 3 });
    expect(truncated).toBe(true);
    expect(loops).toHaveLength(66 + 440);
  });

  it('finds every loop when the bounds allow it', () => {
    const { loops, truncated } = findLoops(complete(5), { maxLength: 5 });
    // Loops of k factors among 5: C(5,k)·(k−1)! → 10 + 20 + 30 + 24.
    expect(loops).toHaveLength(84);
    expect(truncated).toBe(false);
  });
});

describe('bounded search against brute force on random maps', () => {
  it('lists exactly the loops up to maxLength or the shortest maxCount, and flags the rest', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let t = 0; t < 60; t++) {
      const n = 4 + Math.floor(random() * 7);
      const links: string[] = [];
      for (let v = 0; v < n; v++) {
        for (let w = 0; w < n; w++) if (v !== w && random() < 0.3) links.push(`n${v}>n${w}${random() < 0.3 ? '-' : '+'}`);
      }
      if (links.length === 0) continue;
      const input = tiny(...links);
      const all = bruteForceLoops(input);
      for (const maxLength of [2, 3, 4, 6]) {
        const { loops, truncated } = findLoops(input, { maxLength });
        const within = [...all].filter(([, e]) => e.length <= maxLength);
        expect(new Map(loops.map((l) => [l.id, { length: l.factors.length, kind: l.kind }]))).toEqual(new Map(within));
        expect(truncated).toBe(within.length < all.size);
      }
      for (const maxCount of [1, 5, 20]) {
        const { loops, truncated } = findLoops(input, { maxCount });
        const lengths = [...all.values()].map((e) => e.length).sort((a, b) => a - b);
        // The shortest maxCount loops: all of them up to some length, then some of the next.
        expect(loops.map((l) => l.factors.length)).toEqual(lengths.slice(0, maxCount));
        for (const l of loops) expect(all.get(l.id)).toEqual({ length: l.factors.length, kind: l.kind });
        expect(truncated).toBe(all.size > maxCount);
      }
    }
  });
});
