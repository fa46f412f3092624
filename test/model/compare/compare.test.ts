import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, addTheme, findLink, removeFactors, renameFactor, renameTheme, setFactorTheme,
  setPolarity, setStrength, removeLinks,
} from '../../../src/model';
import {
  compareMaps, compareReport, isEmptyDiff, mapStateOf, overlayOf, type MapState, type Matching,
} from '../../../src/model/compare';
import { factorId, maliDoc } from './mali';

function copy(doc: Y.Doc): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
}

describe('comparing two states of one map', () => {
  it('finds nothing between a map and a copy of it', () => {
    const doc = maliDoc();
    const diff = compareMaps(mapStateOf(doc), mapStateOf(copy(doc)));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.factors.unchanged).toBe(30);
    expect(diff.links.unchanged).toBe(55);
    expect(diff.loops?.unchanged).toBeGreaterThan(0);
  });

  it('lists factors added, removed and renamed, by label', () => {
    const before = maliDoc();
    const after = copy(before);
    const orpaillage = factorId(after, 'Trafics illicites');
    const secheresse = factorId(after, 'Sécheresses et pluies irrégulières');
    renameFactor(after, orpaillage, 'Trafics illicites (or, armes)');
    removeFactors(after, [secheresse]);
    addFactor(after, { label: 'Caisses de résilience villageoises', x: 0, y: 0 });
    const diff = compareMaps(mapStateOf(before), mapStateOf(after));
    expect(diff.factors.added.map((f) => f.label)).toEqual(['Caisses de résilience villageoises']);
    expect(diff.factors.removed.map((f) => f.label)).toEqual(['Sécheresses et pluies irrégulières']);
    expect(diff.factors.changed).toHaveLength(1);
    expect(diff.factors.changed[0]).toMatchObject({
      from: { label: 'Trafics illicites' }, to: { label: 'Trafics illicites (or, armes)' }, fields: ['label'],
    });
    // The removed factor took its links along: each is reported removed, none changed.
    const gone = readLinksTouching(before, secheresse);
    expect(diff.links.removed.map((l) => l.id).sort()).toEqual(gone.sort());
    expect(diff.links.added).toEqual([]);
  });

  it('reports polarity and strength changes of a link, and links added', () => {
    const before = maliDoc();
    const after = copy(before);
    const state = mapStateOf(after);
    const link = state.links.find((l) => l.polarity === '+' && l.strength === 2)!;
    setPolarity(after, link.id, '-');
    setStrength(after, link.id, 3);
    const a = factorId(after, 'Trafics illicites');
    const b = factorId(after, 'Pression sur les terres agricoles');
    const fresh = findLink(after, a, b) ?? addLink(after, { source: a, target: b, polarity: '+' });
    const diff = compareMaps(mapStateOf(before), mapStateOf(after));
    expect(diff.links.changed).toEqual([expect.objectContaining({ fields: ['polarity', 'strength'] })]);
    expect(diff.links.changed[0]!.from.polarity).toBe('+');
    expect(diff.links.changed[0]!.to.polarity).toBe('-');
    expect(diff.links.added.map((l) => l.id)).toEqual([fresh]);
  });

  it('treats a link deleted and drawn again between the same factors as the same link', () => {
    const before = maliDoc();
    const after = copy(before);
    const l = mapStateOf(after).links[0]!;
    removeLinks(after, [l.id]);
    const again = addLink(after, { source: l.source, target: l.target, polarity: l.polarity, strength: l.strength });
    expect(again).not.toBe(l.id);
    const diff = compareMaps(mapStateOf(before), mapStateOf(after));
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('tells a factor given another theme from its theme renamed', () => {
    const before = maliDoc();
    const after = copy(before);
    const state = mapStateOf(after);
    const env = state.themes!.find((t) => t.name === 'Environnement')!;
    renameTheme(after, env.id, 'Climat et environnement');
    const moved = factorId(after, 'Trafics illicites');
    const other = addTheme(after, 'Mines');
    setFactorTheme(after, moved, other);
    const diff = compareMaps(mapStateOf(before), mapStateOf(after));
    expect(diff.factors.changed.map((c) => c.to.label)).toEqual(['Trafics illicites']);
    expect(diff.factors.changed[0]!.fields).toEqual(['theme']);
    const report = compareReport(mapStateOf(before), mapStateOf(after), diff);
    expect(report.factors.changed[0]!.to.theme).toBe('Mines');
    expect(report.factors.changed[0]!.from.theme).not.toBe(other);
  });

  it('finds the loops that a removed link broke and a new link closed', () => {
    const before = maliDoc();
    const after = copy(before);
    // A new loop of two: Orpaillage ⇄ Pression, if not already linked both ways.
    const a = factorId(after, 'Trafics illicites');
    const b = factorId(after, 'Pression sur les terres agricoles');
    if (!findLink(after, a, b)) addLink(after, { source: a, target: b, polarity: '+' });
    if (!findLink(after, b, a)) addLink(after, { source: b, target: a, polarity: '+' });
    // Break every loop through one link that is part of at least one loop of the fixture.
    const diff0 = compareMaps(mapStateOf(before), mapStateOf(before));
    const someLoopLink = mapStateOf(before).links.find((l) =>
      diff0.loops !== undefined && findLoopsThrough(before, l.source, l.target))!;
    removeLinks(after, [someLoopLink.id]);
    const diff = compareMaps(mapStateOf(before), mapStateOf(after));
    const loops = diff.loops!;
    expect(loops.appeared.some((l) => l.factors.length === 2 && l.factors.includes(a) && l.factors.includes(b))).toBe(true);
    expect(loops.disappeared.length).toBeGreaterThan(0);
    for (const l of loops.disappeared) {
      const i = l.factors.indexOf(someLoopLink.source);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(l.factors[(i + 1) % l.factors.length]).toBe(someLoopLink.target);
    }
  });

  it('sees a loop change kind when one of its links changes sign', () => {
    const before = maliDoc();
    const after = copy(before);
    const a = factorId(after, 'Trafics illicites');
    const b = factorId(after, 'Pression sur les terres agricoles');
    const ab = findLink(after, a, b) ?? addLink(after, { source: a, target: b, polarity: '+' });
    const ba = findLink(after, b, a) ?? addLink(after, { source: b, target: a, polarity: '+' });
    setPolarity(after, ab, '+');
    setPolarity(after, ba, '+');
    const mid = copy(after);
    setPolarity(after, ba, '-');
    const diff = compareMaps(mapStateOf(mid), mapStateOf(after));
    expect(diff.loops!.changedKind.some((c) => c.from.kind === 'reinforcing' && c.to.kind === 'balancing'
      && c.to.factors.length === 2)).toBe(true);
  });

  it('can leave loops out', () => {
    const doc = maliDoc();
    expect(compareMaps(mapStateOf(doc), mapStateOf(doc), { loops: false }).loops).toBeUndefined();
  });
});

describe('comparing two maps through a matching', () => {
  const a: MapState = {
    factors: [
      { id: 'a1', label: 'Sécheresse', x: 0, y: 0 },
      { id: 'a2', label: 'Conflits', x: 0, y: 0 },
      { id: 'a3', label: 'Migration', x: 0, y: 0 },
    ],
    links: [
      { id: 'la', source: 'a1', target: 'a2', polarity: '+' },
      { id: 'lb', source: 'a2', target: 'a3', polarity: '+' },
      { id: 'lc', source: 'a3', target: 'a2', polarity: '+' },
    ],
  };
  const b: MapState = {
    factors: [
      { id: 'b1', label: 'sécheresse', x: 5, y: 5 },
      { id: 'b2', label: 'Conflits', x: 0, y: 0 },
      { id: 'b4', label: 'Banditisme', x: 0, y: 0 },
    ],
    links: [
      { id: 'lx', source: 'b1', target: 'b2', polarity: '-' },
      { id: 'ly', source: 'b4', target: 'b2', polarity: '+' },
    ],
  };
  const matching: Matching = { factors: new Map([['a1', 'b1'], ['a2', 'b2']]) };

  it('pairs elements through the matching, links through their ends', () => {
    const diff = compareMaps(a, b, { matching });
    expect(diff.factors.removed.map((f) => f.id)).toEqual(['a3']);
    expect(diff.factors.added.map((f) => f.id)).toEqual(['b4']);
    expect(diff.factors.changed.map((c) => [c.from.id, c.to.id, c.fields])).toEqual([['a1', 'b1', ['label']]]);
    expect(diff.links.changed.map((c) => [c.from.id, c.to.id, c.fields])).toEqual([['la', 'lx', ['polarity']]]);
    expect(diff.links.removed.map((l) => l.id).sort()).toEqual(['lb', 'lc']);
    expect(diff.links.added.map((l) => l.id)).toEqual(['ly']);
    expect(diff.loops!.disappeared.map((l) => l.id)).toEqual(['a2>a3']);
    expect(diff.loops!.appeared).toEqual([]);
  });

  it('counts a factor matched twice only once, the second as removed', () => {
    const twice: Matching = { factors: new Map([['a1', 'b2'], ['a2', 'b2']]) };
    const diff = compareMaps(a, b, { matching: twice, loops: false });
    expect(diff.factors.removed.map((f) => f.id)).toEqual(['a2', 'a3']);
    expect(diff.factors.changed.map((c) => c.from.id)).toEqual(['a1']);
  });

  it('overlays both: removed factors keep their place, removed links join what is still there', () => {
    const diff = compareMaps(a, b, { matching, loops: false });
    const o = overlayOf(b, diff);
    const status = Object.fromEntries(o.factors.map((f) => [f.key, f.status]));
    expect(status).toEqual({ b1: 'changed', b2: 'unchanged', b4: 'added', a3: 'removed' });
    const links = Object.fromEntries(o.links.map((l) => [l.key, [l.source, l.target, l.status]]));
    expect(links).toEqual({
      lx: ['b1', 'b2', 'changed'], ly: ['b4', 'b2', 'added'], lb: ['b2', 'a3', 'removed'], lc: ['a3', 'b2', 'removed'],
    });
  });

  it('names everything in the report, links with both labels and polarity', () => {
    const diff = compareMaps(a, b, { matching });
    const r = compareReport(a, b, diff);
    expect(r.links.removed).toContainEqual({
      id: 'lb', source: 'a2', target: 'a3', sourceLabel: 'Conflits', targetLabel: 'Migration', polarity: '+',
    });
    expect(r.factors.changed[0]).toMatchObject({ id: 'b1', from: { label: 'Sécheresse' }, to: { label: 'sécheresse' } });
    expect(r.loops!.disappeared[0]!.labels).toEqual(['Conflits', 'Migration']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

function readLinksTouching(doc: Y.Doc, factor: string): string[] {
  return mapStateOf(doc).links.filter((l) => l.source === factor || l.target === factor).map((l) => l.id);
}

function findLoopsThrough(doc: Y.Doc, source: string, target: string): boolean {
  const diff = compareMaps(mapStateOf(doc), { factors: [], links: [] });
  return diff.loops!.disappeared.some((l) => {
    const i = l.factors.indexOf(source);
    return i >= 0 && l.factors[(i + 1) % l.factors.length] === target;
  });
}
