import { describe, expect, it } from 'vitest';
import { addFactor, addLink, createMapDoc, createUndoManager, readSnapshot } from '../../../src/model';
import { importIntoDoc, parseImportFiles, parseLinksCsv } from '../../../src/model/io';
import { estimateFactorSize, layoutMap, tidyUp, type Position } from '../../../src/model/layout';
import { fixture, parsedOrThrow, quiet } from '../io/helpers';

interface Box { id: string; x: number; y: number; w: number; h: number }

function boxes(factors: readonly { id: string; label: string }[], pos: ReadonlyMap<string, Position>): Box[] {
  return factors.map((f) => {
    const p = pos.get(f.id)!;
    const s = estimateFactorSize(f.label);
    return { id: f.id, x: p.x, y: p.y, w: s.width, h: s.height };
  });
}

/** Pairs of boxes that overlap (touching edges do not count). */
function overlaps(bs: readonly Box[]): [string, string][] {
  const out: [string, string][] = [];
  const sorted = [...bs].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.w; j++) {
      const b = sorted[j]!;
      if (a.y < b.y + b.h && b.y < a.y + a.h) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** A deterministic random map: a seeded generator, so a failure can be replayed. */
function randomMap(nFactors: number, nLinks: number, seed = 7) {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const factors = Array.from({ length: nFactors }, (_, i) => ({ id: `f${i}`, label: `Facteur ${i} ${'étendu '.repeat(Math.floor(rand() * 8))}` }));
  const links = new Map<string, { source: string; target: string }>();
  while (links.size < nLinks) {
    const a = Math.floor(rand() * nFactors);
    const b = Math.floor(rand() * nFactors);
    if (a !== b) links.set(`${a}>${b}`, { source: `f${a}`, target: `f${b}` });
  }
  return { factors, links: [...links.values()] };
}

function maliParsed() {
  return parsedOrThrow(parseImportFiles([
    { name: 'f.csv', data: fixture('mali-centre-factors.csv') },
    { name: 'l.csv', data: fixture('mali-centre-links.csv') },
  ]));
}

describe('layoutMap', () => {
  it('the layered pass lays out a 300-factor map with no overlapping factors, isolated factors included', () => {
    const { factors, links } = randomMap(300, 450);
    const pos = layoutMap(factors, links, { engine: 'layered' });
    expect(pos.size).toBe(300);
    expect(overlaps(boxes(factors, pos))).toEqual([]);
  });

  it('dagre, forced on a 50-factor map with loops, overlaps nothing either', () => {
    const { factors, links } = randomMap(50, 90, 11);
    const pos = layoutMap(factors, links, { engine: 'dagre' });
    expect(overlaps(boxes(factors, pos))).toEqual([]);
  });

  it('the quick layered pass keeps most links reading left to right on a map with loops', () => {
    const { factors, links } = randomMap(300, 450);
    const pos = layoutMap(factors, links, { engine: 'layered' });
    const forward = links.filter((l) => pos.get(l.source)!.x < pos.get(l.target)!.x).length;
    expect(forward / links.length).toBeGreaterThan(0.6);
  });

  it('the overlap check finds overlapping boxes', () => {
    const factors = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }];
    expect(overlaps(boxes(factors, new Map([['a', { x: 0, y: 0 }], ['b', { x: 100, y: 10 }]])))).toHaveLength(1);
  });

  for (const engine of ['dagre', 'layered'] as const) {
    it(`without loops, every cause is left of its effect (${engine})`, () => {
      const factors = Array.from({ length: 40 }, (_, i) => ({ id: `f${i}`, label: `F${i}` }));
      const links = factors.slice(1).flatMap((f, i) => [
        { source: `f${Math.floor(i / 2)}`, target: f.id },
        ...(i % 3 === 0 ? [{ source: `f${Math.floor(i / 3)}`, target: f.id }] : []),
      ]).filter((l) => l.source !== l.target);
      const pos = layoutMap(factors, links, { engine });
      for (const l of links) {
        expect(pos.get(l.source)!.x + estimateFactorSize('F').width, `${l.source}→${l.target}`).toBeLessThanOrEqual(pos.get(l.target)!.x);
      }
      expect(overlaps(boxes(factors.map((f) => ({ ...f, label: 'F' })), pos))).toEqual([]);
    });

    it(`top to bottom and right to left when asked (${engine})`, () => {
      const factors = [{ id: 'a' }, { id: 'b' }];
      const chain = [{ source: 'a', target: 'b' }];
      const down = layoutMap(factors, chain, { direction: 'TB', engine });
      expect(down.get('a')!.y).toBeLessThan(down.get('b')!.y);
      expect(down.get('a')!.x).toBe(down.get('b')!.x);
      const left = layoutMap(factors, chain, { direction: 'RL', engine });
      expect(left.get('a')!.x).toBeGreaterThan(left.get('b')!.x);
    });
  }

  it('the layered engines put factors no link touches on a grid below the linked ones', () => {
    const factors = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const pos = layoutMap(factors, [{ source: 'a', target: 'b' }, { source: 'x', target: 'a' }], { nodeSize: { width: 100, height: 40 }, engine: 'dagre' });
    const linkedBottom = Math.max(pos.get('a')!.y, pos.get('b')!.y) + 40;
    expect(pos.get('c')!.y).toBeGreaterThan(linkedBottom);
    expect(pos.get('d')!.y).toBe(pos.get('c')!.y);
  });
});

describe('layout on import', () => {
  it('a CSV import placed with layoutMap has no overlapping factors and a chain reads left to right', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, parsedOrThrow(parseLinksCsv('cause,effect\nA,B\nB,C\nC,D\n')), { mode: 'new', layout: layoutMap });
    const snap = readSnapshot(doc, quiet);
    const x = (label: string) => snap.factors.find((f) => f.label === label)!.x;
    // The loop layout may bend a chain to fit the screen, but it reads from A towards D.
    expect(x('A')).toBeLessThan(x('B'));
    expect(x('A')).toBeLessThan(x('D'));
    expect(overlaps(boxes(snap.factors, new Map(snap.factors.map((f) => [f.id, f]))))).toEqual([]);
  });

  it('without a layout function, factors go on a grid without overlapping', () => {
    const doc = createMapDoc();
    importIntoDoc(doc, maliParsed(), { mode: 'new' });
    const snap = readSnapshot(doc, quiet);
    expect(overlaps(boxes(snap.factors, new Map(snap.factors.map((f) => [f.id, f]))))).toEqual([]);
  });
});

describe('tidyUp', () => {
  function messy() {
    const doc = createMapDoc();
    const ids = ['A', 'B', 'C', 'D'].map((label) => addFactor(doc, { label, x: 500, y: 300 }));
    addLink(doc, { source: ids[0]!, target: ids[1]! });
    addLink(doc, { source: ids[1]!, target: ids[2]! });
    return { doc, ids };
  }

  it('separates stacked factors, keeps the top-left corner, and is one undo step', () => {
    const { doc } = messy();
    const undo = createUndoManager(doc);
    expect(tidyUp(doc)).toBe(4);
    const snap = readSnapshot(doc, quiet);
    expect(overlaps(boxes(snap.factors, new Map(snap.factors.map((f) => [f.id, f]))))).toEqual([]);
    expect(Math.min(...snap.factors.map((f) => f.x))).toBe(500);
    expect(Math.min(...snap.factors.map((f) => f.y))).toBe(300);
    undo.undo();
    expect(readSnapshot(doc, quiet).factors.every((f) => f.x === 500 && f.y === 300)).toBe(true);
  });

  it('moves only the factors it is given', () => {
    const { doc, ids } = messy();
    tidyUp(doc, [ids[0]!, ids[1]!]);
    const snap = readSnapshot(doc, quiet);
    expect(snap.factorById.get(ids[2]!)).toMatchObject({ x: 500, y: 300 });
    // The cause comes first, left of or above its effect.
    const [a, b] = [snap.factorById.get(ids[0]!)!, snap.factorById.get(ids[1]!)!];
    expect(a.x < b.x || a.y < b.y).toBe(true);
    expect(overlaps(boxes([a, b], new Map([[a.id, a], [b.id, b]])))).toEqual([]);
  });

  it('around what was placed: pinned factors stay exactly where they are, the others clear them', () => {
    const { doc, ids } = messy();
    addFactor(doc, { label: 'E', x: 500, y: 300 });
    const pinned = new Map([[ids[0]!, { x: 1000, y: 800 }], [ids[2]!, { x: 1600, y: 800 }]]);
    // Place the two pinned ones by hand first, as a person would.
    tidyUp(doc, [ids[0]!], { pinned: new Map([[ids[0]!, pinned.get(ids[0]!)!]]) });
    tidyUp(doc, [ids[2]!], { pinned: new Map([[ids[2]!, pinned.get(ids[2]!)!]]) });
    tidyUp(doc, undefined, { pinned });
    const snap = readSnapshot(doc, quiet);
    expect(snap.factorById.get(ids[0]!)).toMatchObject({ x: 1000, y: 800 });
    expect(snap.factorById.get(ids[2]!)).toMatchObject({ x: 1600, y: 800 });
    expect(overlaps(boxes(snap.factors, new Map(snap.factors.map((f) => [f.id, f]))))).toEqual([]);
    // B, linked to both pinned factors, lands near them rather than where the others were.
    const b = snap.factorById.get(ids[1]!)!;
    expect(Math.hypot(b.x - 1300, b.y - 800)).toBeLessThan(700);
  });

  it('does nothing for factors that are gone', () => {
    const { doc } = messy();
    expect(tidyUp(doc, ['ghost'])).toBe(0);
  });
});
