import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, createMapDoc, createUndoManager, cyclePolarity, factorsOf, linksOf,
  MapReader, ModelError, moveFactors, readSnapshot, removeElements, removeFactors, renameFactor,
  setDelay, setFactorField, setPolarity, setStrength, setTitle,
} from '../../src/model';

function twoFactors(doc: Y.Doc) {
  const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Pression foncière', x: 200, y: 0 });
  return { a, b };
}

describe('factors', () => {
  it('a new map has schema version 1 and its title', () => {
    const doc = createMapDoc({ title: 'Mali centre' });
    expect(readSnapshot(doc).meta).toEqual({ schemaVersion: 1, title: 'Mali centre', language: 'fr' });
  });

  it('adds, renames and moves a factor in place', () => {
    const doc = createMapDoc();
    const id = addFactor(doc, { label: '  Vol de bétail ', x: 10, y: 20, theme: 'Sécurité' });
    const before = factorsOf(doc).get(id);
    renameFactor(doc, id, 'Vol de bétail et représailles');
    moveFactors(doc, [{ id, x: 50, y: 60 }]);
    expect(factorsOf(doc).get(id)).toBe(before);
    expect(readSnapshot(doc).factorById.get(id)).toEqual({
      id, label: 'Vol de bétail et représailles', x: 50, y: 60, theme: 'Sécurité', placed: true,
    });
  });

  it('setting an optional field to empty removes it', () => {
    const doc = createMapDoc();
    const id = addFactor(doc, { label: 'A', x: 0, y: 0, notes: 'n' });
    setFactorField(doc, id, 'notes', '');
    expect(readSnapshot(doc).factorById.get(id)?.notes).toBeUndefined();
  });

  it('renaming a factor a peer deleted is a no-op', () => {
    const doc = createMapDoc();
    const id = addFactor(doc, { label: 'A', x: 0, y: 0 });
    removeFactors(doc, [id]);
    expect(renameFactor(doc, id, 'B')).toBe(false);
    expect(factorsOf(doc).size).toBe(0);
  });

  it('removing a factor removes its links in the same transaction', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    const c = addFactor(doc, { label: 'C', x: 0, y: 100 });
    addLink(doc, { source: a, target: b });
    addLink(doc, { source: b, target: c });
    addLink(doc, { source: c, target: a });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    removeFactors(doc, [a]);
    expect(transactions).toBe(1);
    expect(linksOf(doc).size).toBe(1);
  });

  it('rejects non-finite positions', () => {
    const doc = createMapDoc();
    expect(() => addFactor(doc, { label: 'A', x: NaN, y: 0 })).toThrow(ModelError);
    expect(factorsOf(doc).size).toBe(0);
  });
});

describe('links', () => {
  it('refuses a self-link and a second link with the same source and target', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    expect(() => addLink(doc, { source: a, target: a })).toThrow(/cause itself/);
    addLink(doc, { source: a, target: b });
    expect(() => addLink(doc, { source: a, target: b })).toThrow(ModelError);
    addLink(doc, { source: b, target: a });
    expect(linksOf(doc).size).toBe(2);
  });

  it('cycles polarity + → − → ? → + and sets strength and delay', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    const l = addLink(doc, { source: a, target: b });
    expect([cyclePolarity(doc, l), cyclePolarity(doc, l), cyclePolarity(doc, l)]).toEqual(['-', '?', '+']);
    setStrength(doc, l, 3);
    setDelay(doc, l, true);
    setPolarity(doc, l, '-');
    expect(readSnapshot(doc).links[0]).toEqual({ id: l, source: a, target: b, polarity: '-', strength: 3, delay: true });
    expect(() => setStrength(doc, l, 7)).toThrow(ModelError);
  });
});

describe('readers', () => {
  it('skips malformed entries from a peer with a warning and never throws', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    const factors = factorsOf(doc) as unknown as Y.Map<unknown>;
    factors.set('junk1', 'not a map');
    const noLabel = new Y.Map<unknown>();
    noLabel.set('x', 1);
    noLabel.set('y', 1);
    factors.set('junk2', noLabel);
    const badPos = new Y.Map<unknown>();
    badPos.set('label', 'x');
    badPos.set('x', 'far');
    badPos.set('y', 0);
    factors.set('junk3', badPos);
    const badLink = new Y.Map<unknown>();
    badLink.set('source', a);
    badLink.set('target', b);
    badLink.set('polarity', '++');
    (linksOf(doc) as unknown as Y.Map<unknown>).set('junk4', badLink);
    const warn = vi.fn();
    const snap = readSnapshot(doc, warn);
    expect(snap.factors.map((f) => f.id).sort()).toEqual([a, b].sort());
    expect(snap.links).toHaveLength(0);
    expect(snap.hidden).toBe(4);
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('drops a bad optional field but keeps the factor', () => {
    const doc = createMapDoc();
    const id = addFactor(doc, { label: 'A', x: 0, y: 0 });
    factorsOf(doc).get(id)?.set('theme', 42);
    expect(readSnapshot(doc).factorById.get(id)).toEqual({ id, label: 'A', x: 0, y: 0 });
  });

  it('hides a link whose factor is gone', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    addLink(doc, { source: a, target: b });
    // A peer deletes b without touching the link (an older client, or a concurrent add).
    factorsOf(doc).delete(b);
    const snap = readSnapshot(doc);
    expect(snap.links).toHaveLength(0);
    expect(snap.hidden).toBe(1);
  });

  it('the live reader keeps unchanged factors identical and publishes once per transaction', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    const reader = new MapReader(doc);
    const before = reader.current;
    let published = 0;
    reader.subscribe(() => published++);
    removeElements(doc, [], []);
    moveFactors(doc, [{ id: a, x: 5, y: 5 }]);
    const after = reader.current;
    expect(published).toBe(1);
    expect(after.factorById.get(b)).toBe(before.factorById.get(b));
    expect(after.factorById.get(a)).toMatchObject({ x: 5, y: 5 });
    setTitle(doc, 'Titre');
    expect(reader.current.meta.title).toBe('Titre');
    reader.destroy();
  });

  it('the live reader matches a fresh read after many mixed changes', () => {
    const doc = createMapDoc();
    const reader = new MapReader(doc);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(addFactor(doc, { label: `F${i}`, x: i, y: i }));
    for (let i = 0; i < 19; i++) addLink(doc, { source: ids[i]!, target: ids[i + 1]! });
    removeFactors(doc, [ids[3]!, ids[7]!]);
    renameFactor(doc, ids[4]!, 'renamed');
    factorsOf(doc).delete(ids[10]!);
    const fresh = readSnapshot(doc);
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((p, q) => p.id.localeCompare(q.id));
    expect(byId(reader.current.factors)).toEqual(byId(fresh.factors));
    expect(byId(reader.current.links)).toEqual(byId(fresh.links));
  });
});

describe('undo and convergence', () => {
  it('undo reverts only the local user\'s change', () => {
    const alice = createMapDoc();
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice), 'remote');
    alice.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(bob, u, 'remote'));
    bob.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(alice, u, 'remote'));
    const undo = createUndoManager(alice);
    const a = addFactor(alice, { label: 'Alice', x: 0, y: 0 });
    undo.stopCapturing();
    addFactor(bob, { label: 'Bob', x: 0, y: 0 });
    undo.undo();
    expect(readSnapshot(alice).factors.map((f) => f.label)).toEqual(['Bob']);
    expect(readSnapshot(bob).factors.map((f) => f.label)).toEqual(['Bob']);
    undo.redo();
    expect(readSnapshot(bob).factorById.get(a)?.label).toBe('Alice');
  });

  it('undoing a factor removal brings back its links', () => {
    const doc = createMapDoc();
    const { a, b } = twoFactors(doc);
    addLink(doc, { source: a, target: b });
    const undo = createUndoManager(doc);
    removeFactors(doc, [a]);
    undo.undo();
    expect(readSnapshot(doc).links).toHaveLength(1);
  });

  it('two docs exchanging updates converge after concurrent edits', () => {
    const one = createMapDoc();
    const two = new Y.Doc();
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    const a = addFactor(one, { label: 'A', x: 0, y: 0 });
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    // Concurrently: one renames a, two moves a, links it, and both draw the same arrow.
    const b1 = addFactor(one, { label: 'B1', x: 1, y: 1 });
    renameFactor(one, a, 'A renamed');
    moveFactors(two, [{ id: a, x: 99, y: 98 }]);
    const b2 = addFactor(two, { label: 'B2', x: 1, y: 1 });
    addLink(two, { source: a, target: b2 });
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    const s1 = readSnapshot(one);
    const s2 = readSnapshot(two);
    expect(s1.factorById.get(a)).toEqual({ id: a, label: 'A renamed', x: 99, y: 98, placed: true });
    expect(new Set(s1.factors.map((f) => f.id))).toEqual(new Set([a, b1, b2]));
    expect(s1.links).toEqual(s2.links);
    expect(Y.encodeStateVector(one)).toEqual(Y.encodeStateVector(two));
  });

  it('a link drawn to a factor a peer deleted meanwhile stays hidden on both sides', () => {
    const one = createMapDoc();
    const two = new Y.Doc();
    const { a, b } = twoFactors(one);
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    removeFactors(one, [b]);
    addLink(two, { source: a, target: b });
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    expect(readSnapshot(one).links).toEqual([]);
    expect(readSnapshot(two).links).toEqual([]);
  });

  it('of two identical arrows drawn apart, every peer shows the same one', () => {
    const one = createMapDoc();
    const two = new Y.Doc();
    const { a, b } = twoFactors(one);
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    addLink(one, { source: a, target: b, polarity: '+' });
    addLink(two, { source: a, target: b, polarity: '-' });
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
    expect(readSnapshot(one).links).toHaveLength(1);
    expect(readSnapshot(one).links).toEqual(readSnapshot(two).links);
  });
});
