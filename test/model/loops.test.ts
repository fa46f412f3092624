import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, createMapDoc, createUndoManager, loopLabels, loopsOf, ModelError, nameLoop,
  readLoopNotes, readSnapshot, removeFactors, removeLinks, setLoopKey, setLoopNotes,
} from '../../src/model';
import { findLoops } from '../../src/model/analysis';

/** Two loops sharing b: a⇄b (reinforcing) and b⇄c (balancing). */
function twoLoops() {
  const doc = createMapDoc();
  const a = addFactor(doc, { label: 'Pauvreté', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Vente du bétail', x: 0, y: 0 });
  const c = addFactor(doc, { label: 'Prix du bétail', x: 0, y: 0 });
  addLink(doc, { source: a, target: b, polarity: '+' });
  const ba = addLink(doc, { source: b, target: a, polarity: '+' });
  addLink(doc, { source: b, target: c, polarity: '-' });
  addLink(doc, { source: c, target: b, polarity: '+' });
  const loops = findLoops(readSnapshot(doc)).loops;
  const ab = loops.find((l) => l.factors.includes(a));
  const bc = loops.find((l) => l.factors.includes(c));
  if (!ab || !bc) throw new Error('fixture loops missing');
  return { doc, a, b, c, ba, ab: ab.id, bc: bc.id };
}

describe('loop annotations', () => {
  it('names, marks and annotates a loop, one transaction each', () => {
    const { doc, ab } = twoLoops();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    nameLoop(doc, ab, '  Piège de la pauvreté ');
    setLoopKey(doc, ab, true);
    setLoopNotes(doc, ab, 'Discuté le 2e jour');
    expect(transactions).toBe(3);
    expect(readLoopNotes(doc).get(ab)).toEqual({
      loopId: ab, name: 'Piège de la pauvreté', key: true, notes: 'Discuté le 2e jour',
    });
  });

  it('edits the entry in place and clearing a field removes only that field', () => {
    const { doc, ab } = twoLoops();
    nameLoop(doc, ab, 'Piège');
    const entry = loopsOf(doc).get(ab);
    setLoopKey(doc, ab, true);
    nameLoop(doc, ab, '');
    setLoopKey(doc, ab, false);
    expect(loopsOf(doc).get(ab)).toBe(entry);
    expect(readLoopNotes(doc).has(ab)).toBe(false);
    setLoopNotes(doc, ab, 'n');
    expect(readLoopNotes(doc).get(ab)).toEqual({ loopId: ab, notes: 'n' });
  });

  it('refuses an id that is not a canonical loop id, writing nothing', () => {
    const { doc, a, b } = twoLoops();
    expect(() => nameLoop(doc, `${[a, b].sort().reverse().join('>')}`, 'x')).toThrow(ModelError);
    expect(() => setLoopKey(doc, a, true)).toThrow(/loop id/);
    expect(() => setLoopNotes(doc, `${a}>${a}`, 'x')).toThrow(/loop id/);
    expect(loopsOf(doc).size).toBe(0);
  });

  it('keeps the annotation when a link of the loop is redrawn', () => {
    const { doc, a, b, ba, ab } = twoLoops();
    nameLoop(doc, ab, 'Piège');
    removeLinks(doc, [ba]);
    addLink(doc, { source: b, target: a, polarity: '+' });
    const loops = findLoops(readSnapshot(doc)).loops;
    expect(loops.map((l) => l.id)).toContain(ab);
    expect(readLoopNotes(doc).get(ab)?.name).toBe('Piège');
  });

  it('removing a factor drops the annotations of its loops in the same transaction; undo restores them', () => {
    const { doc, a, ab, bc } = twoLoops();
    nameLoop(doc, ab, 'Piège');
    nameLoop(doc, bc, 'Prix');
    const undo = createUndoManager(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    removeFactors(doc, [a]);
    expect(transactions).toBe(1);
    expect([...readLoopNotes(doc).keys()]).toEqual([bc]);
    undo.undo();
    expect(readLoopNotes(doc).get(ab)?.name).toBe('Piège');
  });

  it('annotations are undoable', () => {
    const { doc, ab } = twoLoops();
    const undo = createUndoManager(doc);
    nameLoop(doc, ab, 'Piège');
    undo.undo();
    expect(readLoopNotes(doc).size).toBe(0);
  });

  it('skips malformed entries from a peer and drops bad fields, with warnings', () => {
    const { doc, ab, bc } = twoLoops();
    doc.transact(() => {
      loopsOf(doc).set('not>canonical>z>a', new Y.Map());
      loopsOf(doc).set(bc, 'a string' as unknown as Y.Map<unknown>);
      const odd = new Y.Map<unknown>();
      odd.set('name', 42);
      odd.set('key', 'yes');
      odd.set('notes', 'gardée');
      loopsOf(doc).set(ab, odd);
    });
    const warn = vi.fn();
    const notes = readLoopNotes(doc, warn);
    expect([...notes.values()]).toEqual([{ loopId: ab, notes: 'gardée' }]);
    // Two entries skipped, and on the third the bad name and the bad key each dropped.
    expect(warn).toHaveBeenCalledTimes(4);
  });
});

describe('loop labels', () => {
  const loops = [
    { id: 'a>b', kind: 'reinforcing' as const },
    { id: 'b>c', kind: 'balancing' as const },
    { id: 'a>c', kind: 'reinforcing' as const },
    { id: 'c>d', kind: 'reinforcing' as const },
    { id: 'a>d', kind: 'unknown' as const },
  ];
  const named = (...ids: string[]) => new Map(ids.map((id) => [id, { loopId: id, name: `n ${id}` }]));

  it('numbers only named loops, per kind, in list order', () => {
    expect(loopLabels(loops, named('a>b', 'b>c', 'c>d', 'a>d'))).toEqual(new Map([
      ['a>b', 'R1'], ['b>c', 'B1'], ['c>d', 'R2'], ['a>d', '?1'],
    ]));
  });

  it('a loop marked key but unnamed gets no marker, and letters can be French', () => {
    const notes = new Map([['a>c', { loopId: 'a>c', key: true }], ['b>c', { loopId: 'b>c', name: 'Prix' }]]);
    expect(loopLabels(loops, notes, { reinforcing: 'R', balancing: 'E', unknown: '?' }))
      .toEqual(new Map([['b>c', 'E1']]));
  });
});
