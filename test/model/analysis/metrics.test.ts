import { describe, expect, it } from 'vitest';
import { addFactor, addLink, createMapDoc, readSnapshot } from '../../../src/model';
import {
  analyse, drivers, leverageCandidates, outcomes, type FactorMetrics,
} from '../../../src/model/analysis';
import { maliCentre, tiny } from './fixture';

function byId(factors: readonly FactorMetrics[]): Map<string, FactorMetrics> {
  return new Map(factors.map((f) => [f.id, f]));
}

describe('key factors', () => {
  // a feeds b and c, both feed d, d feeds e.
  const diamond = tiny('a>b+', 'a>c+', 'b>d+', 'c>d-', 'd>e+');

  it('counts causes and effects', () => {
    const f = byId(analyse(diamond).factors);
    expect([...f.values()].map((m) => [m.id, m.inDegree, m.outDegree])).toEqual([
      ['a', 0, 2], ['b', 1, 1], ['c', 1, 1], ['d', 2, 1], ['e', 1, 0],
    ]);
  });

  it('betweenness is the share of shortest chains through a factor, over (n−1)(n−2)', () => {
    const f = byId(analyse(diamond).factors);
    // b carries half of a→d and half of a→e; d carries a→e, b→e and c→e. 4·3 ordered pairs.
    expect(f.get('b')?.betweenness).toBeCloseTo(1 / 12);
    expect(f.get('c')?.betweenness).toBeCloseTo(1 / 12);
    expect(f.get('d')?.betweenness).toBeCloseTo(3 / 12);
    expect(f.get('a')?.betweenness).toBe(0);
    expect(f.get('e')?.betweenness).toBe(0);
  });

  it('counts the loops through each factor', () => {
    const f = byId(analyse(tiny('h>a+', 'a>h+', 'h>b+', 'b>h-', 'a>b+', 'c>h+')).factors);
    // Loops: a>h, b>h, a>b>h.
    expect([...f.values()].map((m) => [m.id, m.loopCount])).toEqual([['a', 2], ['b', 2], ['c', 0], ['h', 3]]);
  });

  it('drivers cause more than they are caused, outcomes the reverse, most lopsided first', () => {
    const factors = analyse(diamond).factors;
    expect(drivers(factors).map((f) => f.id)).toEqual(['a']);
    expect(outcomes(factors).map((f) => f.id)).toEqual(['e', 'd']);
    expect(outcomes(factors, { limit: 1 }).map((f) => f.id)).toEqual(['e']);
  });

  it('leverage candidates are the factors most loops pass through', () => {
    const factors = analyse(tiny('h>a+', 'a>h+', 'h>b+', 'b>h-', 'a>b+', 'c>h+')).factors;
    expect(leverageCandidates(factors).map((f) => f.id)).toEqual(['h', 'a', 'b']);
  });

  it('on the Mali centre map, loop counts add up to the total length of the loops', () => {
    const result = analyse(maliCentre());
    const total = result.loops.reduce((n, l) => n + l.factors.length, 0);
    expect(result.factors.reduce((n, f) => n + f.loopCount, 0)).toBe(total);
    expect(result.factors).toHaveLength(30);
  });
});

describe('analyse', () => {
  it('returns exactly the shape of the analysis endpoint, as plain JSON', () => {
    const result = analyse(tiny('a>b+', 'b>a-'));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.keys(result).sort()).toEqual(['factors', 'loops', 'loopsTruncated']);
    expect(Object.keys(result.loops[0] ?? {}).sort()).toEqual(['factors', 'id', 'kind', 'links']);
    expect(Object.keys(result.factors[0] ?? {}).sort())
      .toEqual(['betweenness', 'id', 'inDegree', 'label', 'loopCount', 'outDegree']);
  });

  it('an empty map, or one factor alone, has no loops and nothing in between', () => {
    expect(analyse({ factors: [], links: [] })).toEqual({ loops: [], loopsTruncated: false, factors: [] });
    expect(analyse({ factors: [{ id: 'a', label: 'A' }], links: [] }).factors).toEqual([
      { id: 'a', label: 'A', inDegree: 0, outDegree: 0, betweenness: 0, loopCount: 0 },
    ]);
  });

  it('takes a snapshot read from a document', () => {
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Migration', x: 0, y: 0 });
    const ab = addLink(doc, { source: a, target: b, polarity: '+' });
    const ba = addLink(doc, { source: b, target: a, polarity: '-' });
    const result = analyse(readSnapshot(doc));
    expect(result.loops).toEqual([{
      id: [a, b].sort().join('>'),
      factors: a < b ? [a, b] : [b, a],
      links: a < b ? [ab, ba] : [ba, ab],
      kind: 'balancing',
    }]);
    expect(result.factors.map((f) => f.label).sort()).toEqual(['Migration', 'Sécheresse']);
  });
});
