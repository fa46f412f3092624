import { describe, expect, it } from 'vitest';
import { neighbourhood, pathsBetween } from '../../../src/model/analysis';
import { complete, tiny } from './fixture';

describe('focus on a factor', () => {
  // y → x → a → b → c → a, and z → b.
  const map = tiny('y>x+', 'x>a+', 'a>b+', 'b>c-', 'c>a+', 'z>b+');
  const sorted = (s: Set<string>) => [...s].sort();

  it('effects at depth 1 and 2 follow links forward', () => {
    const one = neighbourhood(map, 'a', { direction: 'effects', depth: 1 });
    expect(sorted(one.factors)).toEqual(['a', 'b']);
    expect(sorted(one.links)).toEqual(['ab']);
    const two = neighbourhood(map, 'a', { direction: 'effects', depth: 2 });
    expect(sorted(two.factors)).toEqual(['a', 'b', 'c']);
    expect(sorted(two.links)).toEqual(['ab', 'bc']);
  });

  it('causes at depth 1 and 2 follow links backward', () => {
    const one = neighbourhood(map, 'a', { direction: 'causes', depth: 1 });
    expect(sorted(one.factors)).toEqual(['a', 'c', 'x']);
    expect(sorted(one.links)).toEqual(['ca', 'xa']);
    const two = neighbourhood(map, 'a', { direction: 'causes', depth: 2 });
    expect(sorted(two.factors)).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(sorted(two.links)).toEqual(['bc', 'ca', 'xa', 'yx']);
  });

  it('both is causes and effects, not causes of effects', () => {
    const both = neighbourhood(map, 'b', { direction: 'both', depth: 1 });
    expect(sorted(both.factors)).toEqual(['a', 'b', 'c', 'z']);
    expect(sorted(both.links)).toEqual(['ab', 'bc', 'zb']);
    expect(both.factors.has('x')).toBe(false);
  });

  it('depth 0 is the factor alone; an unknown factor gives nothing', () => {
    expect(sorted(neighbourhood(map, 'a', { depth: 0 }).factors)).toEqual(['a']);
    const gone = neighbourhood(map, 'ghost');
    expect(gone.factors.size + gone.links.size).toBe(0);
  });

  it('refuses a negative depth or an unknown direction', () => {
    expect(() => neighbourhood(map, 'a', { depth: -1 })).toThrow(/depth/);
    expect(() => neighbourhood(map, 'a', { direction: 'sideways' as 'both' })).toThrow(/direction/);
  });
});

describe('paths between two factors', () => {
  // A small DAG from s to t, with t → s closing loops that must not add paths.
  const map = tiny('s>a+', 's>b+', 'a>b+', 'a>t+', 'b>t+', 'b>c+', 'c>t+', 't>s-');
  const chains = (r: ReturnType<typeof pathsBetween>) => r.paths.map((p) => p.factors.join(''));

  it('lists every simple path, shortest first, with its links', () => {
    const result = pathsBetween(map, 's', 't');
    expect(chains(result)).toEqual(['sat', 'sbt', 'sabt', 'sbct', 'sabct']);
    expect(result.paths[0]?.links).toEqual(['sa', 'at']);
    expect(result.truncated).toBe(false);
  });

  it('the length bound leaves longer paths out and says so', () => {
    const short = pathsBetween(map, 's', 't', { maxLength: 2 });
    expect(chains(short)).toEqual(['sat', 'sbt']);
    expect(short.truncated).toBe(true);
    expect(pathsBetween(map, 's', 't', { maxLength: 3 }).truncated).toBe(true);
    expect(pathsBetween(map, 's', 't', { maxLength: 4 }).truncated).toBe(false);
  });

  it('the count bound keeps the shortest paths and says so', () => {
    const few = pathsBetween(map, 's', 't', { maxCount: 3 });
    expect(chains(few).slice(0, 2)).toEqual(['sat', 'sbt']);
    expect(few.paths[2]?.factors).toHaveLength(4);
    expect(few.truncated).toBe(true);
  });

  it('a factor reached only through the bound is flagged even when no path fits', () => {
    const chain = tiny('p>q+', 'q>r+', 'r>s+');
    expect(pathsBetween(chain, 'p', 's', { maxLength: 2 })).toEqual({ paths: [], truncated: true });
  });

  it('no path to an unreachable or unknown factor, nor from a factor to itself', () => {
    expect(pathsBetween(map, 't', 'c')).toEqual({
      paths: [{ factors: ['t', 's', 'b', 'c'], links: ['ts', 'sb', 'bc'] },
        { factors: ['t', 's', 'a', 'b', 'c'], links: ['ts', 'sa', 'ab', 'bc'] }],
      truncated: false,
    });
    expect(pathsBetween(tiny('a>b+', 'c>d+'), 'a', 'd')).toEqual({ paths: [], truncated: false });
    expect(pathsBetween(map, 's', 'ghost')).toEqual({ paths: [], truncated: false });
    expect(pathsBetween(map, 's', 's')).toEqual({ paths: [], truncated: false });
  });

  it('stays bounded on a dense map', () => {
    const result = pathsBetween(complete(12), 'k00', 'k11', { maxCount: 50 });
    expect(result.paths).toHaveLength(50);
    expect(result.paths[0]?.factors).toEqual(['k00', 'k11']);
    expect(result.truncated).toBe(true);
  });
});

describe('paths against brute force on random maps', () => {
  function allSimplePaths(links: string[], from: string, to: string): string[] {
    const out = new Map<string, string[]>();
    for (const spec of links) {
      const [s = '', rest = ''] = spec.split('>');
      out.set(s, [...(out.get(s) ?? []), rest.slice(0, -1)]);
    }
    const found: string[] = [];
    const walk = (path: string[]): void => {
      const v = path[path.length - 1] as string;
      for (const w of out.get(v) ?? []) {
        if (w === to) found.push([...path, w].join(' '));
        else if (!path.includes(w)) walk([...path, w]);
      }
    };
    walk([from]);
    return found;
  }

  it('lists exactly the paths up to maxLength, and flags longer ones', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let t = 0; t < 60; t++) {
      const n = 4 + Math.floor(random() * 6);
      const links: string[] = [];
      for (let v = 0; v < n; v++) {
        for (let w = 0; w < n; w++) if (v !== w && random() < 0.3) links.push(`n${v}>n${w}+`);
      }
      if (!links.some((l) => l.startsWith('n0>')) || !links.some((l) => l.includes('>n1+'))) continue;
      const all = allSimplePaths(links, 'n0', 'n1');
      for (const maxLength of [1, 2, 3, 5]) {
        const result = pathsBetween(tiny(...links), 'n0', 'n1', { maxLength });
        const within = all.filter((p) => p.split(' ').length - 1 <= maxLength);
        expect(result.paths.map((p) => p.factors.join(' ')).sort()).toEqual(within.sort());
        expect(result.truncated).toBe(within.length < all.length);
      }
    }
  });
});
