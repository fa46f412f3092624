import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, createUndoManager, ModelError, removeFactors } from '../../src/model';
import {
  closeRound, dotsLeft, dotsOf, openRound, placeDot, readRounds, removeDot, removeRound,
  reopenRound, results, votesOf, type RoundResult,
} from '../../src/model/votes';

function syncAll(docs: Y.Doc[]) {
  for (const a of docs) {
    for (const b of docs) {
      if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    }
  }
}

const counts = (r: RoundResult | null) =>
  Object.fromEntries((r?.counts ?? []).map((c) => [`${c.target.kind}:${c.target.id}`, c.count]));

function setup(dotsPerPerson = 3) {
  const doc = createMapDoc();
  const water = addFactor(doc, { label: 'Eau', x: 0, y: 0, id: 'water' });
  const land = addFactor(doc, { label: 'Foncier', x: 0, y: 0, id: 'land' });
  const round = openRound(doc, { title: 'Priorités', dotsPerPerson, openedBy: 'fac', now: 1000 });
  return { doc, water, land, round };
}

describe('dot voting', () => {
  it('opens a round and counts dots per target, most first', () => {
    const { doc, water, land, round } = setup();
    placeDot(doc, round, 'ana', { kind: 'factor', id: land });
    placeDot(doc, round, 'ana', { kind: 'factor', id: water });
    placeDot(doc, round, 'ben', { kind: 'factor', id: water });
    placeDot(doc, round, 'ben', { kind: 'loop', id: 'land>water' });
    expect(readRounds(doc)).toEqual([{
      id: round, title: 'Priorités', dotsPerPerson: 3, status: 'open', openedBy: 'fac', createdAt: 1000,
    }]);
    const r = results(doc, round);
    expect(r?.counts[0]).toEqual({ target: { kind: 'factor', id: water }, count: 2 });
    expect(counts(r)).toEqual({ 'factor:water': 2, 'factor:land': 1, 'loop:land>water': 1 });
    expect(r).toMatchObject({ voters: 2, dots: 4, closed: false, fromSnapshot: false });
  });

  it('refuses more than N dots per voter per round, and a dot taken back can be placed again', () => {
    const { doc, water, round } = setup(2);
    placeDot(doc, round, 'ana', { kind: 'factor', id: water });
    placeDot(doc, round, 'ana', { kind: 'factor', id: water });
    expect(dotsLeft(doc, round, 'ana')).toBe(0);
    expect(() => placeDot(doc, round, 'ana', { kind: 'factor', id: water })).toThrow(/No dots left/);
    expect(removeDot(doc, round, 'ana', { kind: 'factor', id: water })).toBe(true);
    expect(dotsLeft(doc, round, 'ana')).toBe(1);
    placeDot(doc, round, 'ana', { kind: 'loop', id: 'land>water' });
    expect(dotsOf(doc, round, 'ana').map((d) => d.target.kind).sort()).toEqual(['factor', 'loop']);
    expect(removeDot(doc, round, 'ana', { kind: 'factor', id: 'land' })).toBe(false);
  });

  it('refuses dots on a closed round, a missing factor, or with a bad voter id', () => {
    const { doc, water, round } = setup();
    expect(() => placeDot(doc, round, 'ana', { kind: 'factor', id: 'nope' })).toThrow(ModelError);
    expect(() => placeDot(doc, round, 'a:b', { kind: 'factor', id: water })).toThrow(/voter/);
    closeRound(doc, round, { now: 2000 });
    expect(() => placeDot(doc, round, 'ana', { kind: 'factor', id: water })).toThrow(/closed/);
    expect(dotsLeft(doc, round, 'ana')).toBe(0);
    expect(() => openRound(doc, { title: 'x', dotsPerPerson: 0, openedBy: 'f' })).toThrow(/Dots per person/);
  });

  it('concurrent votes from three clients converge to the right counts', () => {
    const { doc: one, round } = setup(3);
    const two = new Y.Doc();
    const three = new Y.Doc();
    syncAll([one, two, three]);
    placeDot(one, round, 'ana', { kind: 'factor', id: 'water' });
    placeDot(one, round, 'ana', { kind: 'factor', id: 'water' });
    placeDot(two, round, 'ben', { kind: 'factor', id: 'water' });
    placeDot(two, round, 'ben', { kind: 'factor', id: 'land' });
    placeDot(two, round, 'ben', { kind: 'loop', id: 'land>water' });
    placeDot(three, round, 'chloe', { kind: 'factor', id: 'land' });
    placeDot(three, round, 'chloe', { kind: 'factor', id: 'land' });
    syncAll([one, two, three]);
    const expected = { 'factor:water': 3, 'factor:land': 3, 'loop:land>water': 1 };
    for (const d of [one, two, three]) {
      expect(counts(results(d, round))).toEqual(expected);
      expect(results(d, round)?.voters).toBe(3);
    }
    expect(results(two, round)?.counts).toEqual(results(three, round)?.counts);
  });

  it('a dot placed offline before it heard of the close does not change the closed result', () => {
    const { doc: one, round } = setup(3);
    const two = new Y.Doc();
    syncAll([one, two]);
    placeDot(one, round, 'ana', { kind: 'factor', id: 'water' });
    syncAll([one, two]);
    closeRound(one, round, { closedBy: 'fac', now: 5000 });
    placeDot(two, round, 'ben', { kind: 'factor', id: 'land' });
    syncAll([one, two]);
    for (const d of [one, two]) {
      const r = results(d, round);
      expect(counts(r)).toEqual({ 'factor:water': 1 });
      expect(r).toMatchObject({ closed: true, fromSnapshot: true, closedAt: 5000, voters: 1 });
    }
    reopenRound(one, round);
    expect(counts(results(one, round))).toEqual({ 'factor:water': 1, 'factor:land': 1 });
  });

  it('dots on a removed factor, or on a loop through it, stop counting and are given back', () => {
    const { doc, water, land, round } = setup(2);
    placeDot(doc, round, 'ana', { kind: 'factor', id: water });
    placeDot(doc, round, 'ana', { kind: 'loop', id: 'land>water' });
    removeFactors(doc, [water]);
    expect(results(doc, round)?.counts).toEqual([]);
    expect(dotsLeft(doc, round, 'ana')).toBe(2);
    expect(() => placeDot(doc, round, 'ana', { kind: 'loop', id: 'land>water' })).toThrow(ModelError);
    expect(placeDot(doc, round, 'ana', { kind: 'factor', id: land })).toBe(0);
    expect(counts(results(doc, round))).toEqual({ 'factor:land': 1 });
  });

  it('votes are not undone by the map undo', () => {
    const { doc, water, round } = setup();
    const undo = createUndoManager(doc);
    placeDot(doc, round, 'ana', { kind: 'factor', id: water });
    undo.undo();
    expect(dotsOf(doc, round, 'ana')).toHaveLength(1);
  });

  it('removes a round', () => {
    const { doc, round } = setup();
    expect(removeRound(doc, round)).toBe(true);
    expect(readRounds(doc)).toEqual([]);
    expect(results(doc, round)).toBeNull();
  });
});

describe('reading votes written by peers', () => {
  it('skips dots beyond N, malformed dots and malformed rounds, with a warning', () => {
    const { doc, round } = setup(2);
    placeDot(doc, round, 'ana', { kind: 'factor', id: 'water' });
    doc.transact(() => {
      const dots = votesOf(doc).get(round)!.get('dots') as Y.Map<unknown>;
      dots.set('ana:2', { kind: 'factor', id: 'water' });
      dots.set('ana:7', { kind: 'factor', id: 'water' });
      dots.set('nocolon', { kind: 'factor', id: 'water' });
      dots.set('ana:', { kind: 'factor', id: 'water' });
      dots.set('ben:0', { kind: 'shrine', id: 'x' });
      votesOf(doc).set('junk', 'x' as never);
      const bad = new Y.Map<unknown>();
      votesOf(doc).set('bad', bad);
      bad.set('status', 'maybe');
    });
    const warn = vi.fn();
    expect(counts(results(doc, round, warn))).toEqual({ 'factor:water': 1 });
    expect(warn).toHaveBeenCalledTimes(5);
    warn.mockClear();
    expect(readRounds(doc, warn)).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('a closed round with a broken stored result is counted from its dots', () => {
    const { doc, round } = setup();
    placeDot(doc, round, 'ana', { kind: 'factor', id: 'water' });
    closeRound(doc, round);
    doc.transact(() => votesOf(doc).get(round)!.set('result', { counts: 'lots' }));
    const warn = vi.fn();
    expect(results(doc, round, warn)).toMatchObject({ closed: true, fromSnapshot: false, dots: 1 });
    expect(warn).toHaveBeenCalledOnce();
  });
});
