import { describe, expect, it } from 'vitest';
import { estimateFactorSize, layoutMap, type Position } from '../../../src/model/layout';

const chain = (n: number) => ({
  factors: Array.from({ length: n }, (_, i) => ({ id: `f${i}`, label: `Facteur ${i}` })),
  links: Array.from({ length: n - 1 }, (_, i) => ({ source: `f${i}`, target: `f${i + 1}` })),
});

function extent(pos: ReadonlyMap<string, Position>, labels: ReadonlyMap<string, string>) {
  const xs = [...pos].map(([id, p]) => [p.x, p.x + estimateFactorSize(labels.get(id)).width]);
  const ys = [...pos].map(([id, p]) => [p.y, p.y + estimateFactorSize(labels.get(id)).height]);
  const w = Math.max(...xs.map((x) => x[1]!)) - Math.min(...xs.map((x) => x[0]!));
  const h = Math.max(...ys.map((y) => y[1]!)) - Math.min(...ys.map((y) => y[0]!));
  return { w, h };
}

describe('wrapping long layouts', () => {
  it('a 30-factor chain is folded into bands that fit a screen, each reading left to right', () => {
    const { factors, links } = chain(30);
    const labels = new Map(factors.map((f) => [f.id, f.label]));
    const pos = layoutMap(factors, links, { engine: 'dagre' });
    const { w, h } = extent(pos, labels);
    expect(w / h).toBeLessThan(4);
    // Within a band (same y) causes stay left of their effects; a new band starts below.
    for (const l of links) {
      const a = pos.get(l.source)!;
      const b = pos.get(l.target)!;
      if (a.y === b.y) expect(a.x).toBeLessThan(b.x);
      else expect(b.y).toBeGreaterThan(a.y);
    }
  });

  it('keeps one long strip when asked, and a short chain on one line', () => {
    const long = chain(30);
    const strip = layoutMap(long.factors, long.links, { engine: 'dagre', maxAspect: Infinity });
    expect(new Set([...strip.values()].map((p) => p.y)).size).toBe(1);
    const short = chain(4);
    const line = layoutMap(short.factors, short.links, { engine: 'dagre' });
    expect(new Set([...line.values()].map((p) => p.y)).size).toBe(1);
  });
});
