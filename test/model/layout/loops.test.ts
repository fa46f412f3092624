import { describe, expect, it } from 'vitest';
import { importIntoDoc, parseImportFiles, parseJson } from '../../../src/model/io';
import { createMapDoc, readSnapshot } from '../../../src/model';
import { estimateFactorSize, layoutMap, measureLayout, type LayoutFactor, type Position } from '../../../src/model/layout';
import { fixture, parsedOrThrow, quiet } from '../io/helpers';

/**
 * The loop layout's promises (issue 12), checked on the drawings themselves: boxes sized from
 * their labels never overlap, no link's line runs through a box it does not end at, the same
 * map gives the same layout, pinned factors do not move, and bad input is laid out rather
 * than thrown at the caller.
 */
function placed(factors: readonly LayoutFactor[], pos: ReadonlyMap<string, Position>) {
  return factors.map((f) => ({ id: f.id, ...pos.get(f.id)!, ...estimateFactorSize(f.label) }));
}

function fromCsv(name: string) {
  const parsed = parsedOrThrow(parseImportFiles([{ name, data: fixture(name) }]));
  return { factors: parsed.factors.map((f) => ({ id: f.key, label: f.label })), links: parsed.links };
}

function clustered(n: number, perFactor: number, seed: number) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const factors = Array.from({ length: n }, (_, i) => ({ id: `f${i}`, label: `Facteur ${i}${i % 3 === 0 ? ' avec un libellé plus long' : ''}` }));
  const links: { source: string; target: string }[] = [];
  for (let i = 0; i < n * perFactor; i++) {
    const a = Math.floor(rand() * n);
    const b = rand() < 0.8 ? Math.min(n - 1, Math.floor(a / 10) * 10 + Math.floor(rand() * 10)) : Math.floor(rand() * n);
    links.push({ source: `f${a}`, target: `f${b}` });
  }
  return { factors, links };
}

describe('the loop layout on real maps', () => {
  for (const name of ['mali-centre-links.csv', 'senegal-podor-links.csv']) {
    it(`${name}: no overlapping boxes, no link through a box, every factor placed`, () => {
      const { factors, links } = fromCsv(name);
      const pos = layoutMap(factors, links);
      expect(pos.size).toBe(factors.length);
      const q = measureLayout(placed(factors, pos), links);
      expect(q.overlaps).toBe(0);
      expect(q.linksThroughBoxes).toBe(0);
      // Screen-shaped: not a strip (the layered layout of Mali was 10:1 before wrapping).
      expect(q.width / q.height).toBeGreaterThan(1);
      expect(q.width / q.height).toBeLessThan(3.2);
    });
  }

  it('gives the same layout for the same map, and another for another seed', () => {
    const { factors, links } = fromCsv('mali-centre-links.csv');
    const a = layoutMap(factors, links);
    const b = layoutMap(factors, links);
    expect([...b]).toEqual([...a]);
    const c = layoutMap(factors, links, { seed: 99 });
    expect([...c]).not.toEqual([...a]);
  });

  it('leaves room for projector mode when asked: larger boxes, still no overlap', () => {
    const { factors, links } = fromCsv('mali-centre-links.csv');
    const pos = layoutMap(factors, links, { boxStyle: 'projector' });
    const boxes = factors.map((f) => ({ id: f.id, ...pos.get(f.id)!, ...estimateFactorSize(f.label, 'projector') }));
    expect(measureLayout(boxes, links).overlaps).toBe(0);
    expect(estimateFactorSize(factors[0]!.label, 'projector').width).toBeGreaterThan(estimateFactorSize(factors[0]!.label).width);
  });

  it('a 300-factor map with loops: no overlaps, each theme kept together', () => {
    const { factors, links } = clustered(300, 3, 5);
    const pos = layoutMap(factors, links);
    const q = measureLayout(placed(factors, pos), links);
    expect(q.overlaps).toBe(0);
    // Links mostly join near neighbours: the mean link is far shorter than the map is wide.
    const centre = (id: string) => ({ x: pos.get(id)!.x + 100, y: pos.get(id)!.y + 20 });
    const mean = links.reduce((s, l) => s + Math.hypot(centre(l.source).x - centre(l.target).x, centre(l.source).y - centre(l.target).y), 0) / links.length;
    expect(mean).toBeLessThan(q.width / 4);
  });

  it('finishes on 5,000 factors, with no overlapping boxes', () => {
    const { factors, links } = clustered(5000, 2, 9);
    const pos = layoutMap(factors, links);
    expect(pos.size).toBe(5000);
    expect(measureLayout(placed(factors, pos), []).overlaps).toBe(0);
  }, 120_000);
});

describe('pinned factors ("tidy around what I placed")', () => {
  it('stay exactly where they are; the others are laid out around them without overlap', () => {
    const { factors, links } = fromCsv('mali-centre-links.csv');
    const pinned = new Map<string, Position>([
      [factors[0]!.id, { x: -400, y: 900 }],
      [factors[5]!.id, { x: 2000, y: -300 }],
      [factors[9]!.id, { x: 800, y: 400 }],
    ]);
    const pos = layoutMap(factors, links, { pinned });
    for (const [id, p] of pinned) expect(pos.get(id)).toEqual(p);
    expect(measureLayout(placed(factors, pos), links).overlaps).toBe(0);
  });

  it('a factor linked to two pinned ones sits between them', () => {
    const factors = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }];
    const links = [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }];
    const pinned = new Map([['a', { x: 0, y: 0 }], ['c', { x: 1200, y: 0 }]]);
    const b = layoutMap(factors, links, { pinned }).get('b')!;
    expect(b.x).toBeGreaterThan(100);
    expect(b.x).toBeLessThan(1100);
  });
});

describe('bad input is laid out, never thrown', () => {
  it('ids such as __proto__ and constructor, duplicates, empty labels, self-loops, isolated factors', () => {
    const factors = [
      { id: '__proto__', label: '' }, { id: 'constructor', label: 'constructor' }, { id: 'toString', label: '   ' },
      { id: 'hasOwnProperty', label: 'Même libellé' }, { id: 'x', label: 'Même libellé' }, { id: 'x', label: 'doublon' },
      { id: 'seul', label: 'Isolé' }, { id: 'boucle', label: 'Lié à lui-même' },
    ];
    const links = [
      { source: '__proto__', target: 'constructor' }, { source: 'constructor', target: 'toString' },
      { source: 'toString', target: '__proto__' }, { source: 'boucle', target: 'boucle' },
      { source: 'x', target: 'hasOwnProperty' }, { source: 'x', target: 'hasOwnProperty' }, { source: 'ghost', target: 'x' },
    ];
    for (const engine of ['loops', 'dagre', 'layered'] as const) {
      const pos = layoutMap(factors, links, { engine });
      expect(new Set(pos.keys())).toEqual(new Set(factors.map((f) => f.id)));
      for (const p of pos.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      const unique = [...new Map(factors.map((f) => [f.id, f])).values()];
      expect(measureLayout(placed(unique, pos), links).overlaps, engine).toBe(0);
    }
  });

  it('sizes that are not numbers fall back to the label-sized box', () => {
    const pos = layoutMap([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], [{ source: 'a', target: 'b' }], {
      nodeSize: () => ({ width: Number.NaN, height: -3 }),
    });
    for (const p of pos.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('no factors, one factor, factors and no links', () => {
    expect(layoutMap([], []).size).toBe(0);
    expect(layoutMap([{ id: 'a' }], [])).toEqual(new Map([['a', { x: 0, y: 0 }]]));
    const grid = layoutMap(Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, label: `F${i}` })), []);
    expect(measureLayout([...grid].map(([id, p]) => ({ id, ...p, ...estimateFactorSize(`F${id.slice(1)}`) })), []).overlaps).toBe(0);
  });

  it('a Trame JSON map whose factor ids are __proto__ and constructor imports with a layout', () => {
    const text = JSON.stringify({
      format: 'trame', schemaVersion: 1, meta: { title: 'ids' },
      factors: [{ id: '__proto__', label: 'A' }, { id: 'constructor', label: 'B' }, { id: 'prototype', label: 'C' }],
      links: [
        { id: 'l1', source: '__proto__', target: 'constructor', polarity: '+' },
        { id: 'l2', source: 'constructor', target: 'prototype', polarity: '-' },
      ],
    });
    const doc = createMapDoc();
    const r = importIntoDoc(doc, parsedOrThrow(parseJson(text)), { mode: 'new', layout: (f, l) => layoutMap(f, l) });
    expect(r.ok).toBe(true);
    expect(readSnapshot(doc, quiet).factors).toHaveLength(3);
  });
});
