import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, removeFactors, renameFactor, setFactorField, setPolarity, setTitle, createUndoManager,
} from '../../../src/model';
import { HistoryTracker, type HistoryEntry } from '../../../src/model/history';
import { docWithClient, Peers } from './peers';

const names = new Map([[10, 'Moussa'], [20, 'Aminata'], [30, 'Fatou']]);

function tracked(doc: Y.Doc, present: Map<number, string> = names) {
  const t = new HistoryTracker(doc, {
    isMine: (c) => c === doc.clientID, nameOf: (c) => present.get(c), now: () => 1_000,
  });
  t.start();
  return t;
}

const brief = (e: HistoryEntry) => [e.person, e.action, e.kind, e.label, e.field, e.before, e.after].filter((x) => x !== undefined);

describe('the history of a map', () => {
  it('names who added, renamed and removed, from presence', () => {
    const moussa = docWithClient(10);
    const aminata = docWithClient(20);
    new Peers([moussa, aminata]);
    const history = tracked(moussa);
    const a = addFactor(aminata, { label: 'Sécheresse', x: 0, y: 0 });
    const b = addFactor(moussa, { label: 'Conflits', x: 0, y: 0 });
    addLink(aminata, { source: a, target: b, polarity: '+' });
    renameFactor(aminata, a, 'Sécheresses');
    removeFactors(aminata, [b]);
    expect(history.list.map(brief)).toEqual([
      ['Aminata', 'added', 'factor', 'Sécheresse'],
      ['Moussa', 'added', 'factor', 'Conflits'],
      ['Aminata', 'added', 'link', 'Sécheresse → Conflits'],
      ['Aminata', 'edited', 'factor', 'Sécheresse', 'label', 'Sécheresse', 'Sécheresses'],
      ['Aminata', 'removed', 'factor', 'Conflits'],
    ]);
    expect(history.list[4]!.along).toBe(1);
    expect(history.list.map((e) => e.mine)).toEqual([false, true, false, false, false]);
  });

  it('puts a removal down to whoever removed it, not to whoever created the factor', () => {
    const moussa = docWithClient(10);
    const aminata = docWithClient(20);
    const fatou = docWithClient(30);
    new Peers([moussa, aminata, fatou]);
    const history = tracked(fatou);
    const f = addFactor(moussa, { label: 'Vols de bétail', x: 0, y: 0 });
    setFactorField(moussa, f, 'notes', 'Surtout en saison sèche');
    setFactorField(aminata, f, 'notes', undefined);
    removeFactors(aminata, [f]);
    expect(history.list.map(brief).slice(2)).toEqual([
      ['Aminata', 'edited', 'factor', 'Vols de bétail', 'notes', 'Surtout en saison sèche'],
      ['Aminata', 'removed', 'factor', 'Vols de bétail'],
    ]);
  });

  it('gives a name learned later to edits made offline', () => {
    const moussa = docWithClient(10);
    const aminata = docWithClient(20);
    const peers = new Peers([moussa, aminata]);
    const present = new Map([[10, 'Moussa']]);
    const history = tracked(moussa, present);
    peers.offline(aminata);
    addFactor(aminata, { label: 'Banditisme', x: 0, y: 0 });
    setTitle(aminata, 'Mopti, cycle 2');
    peers.reconnect(aminata);
    expect(history.list.map((e) => e.person)).toEqual([null, null]);
    expect(history.list.map((e) => e.client)).toEqual([20, 20]);
    history.learnName(20, 'Aminata');
    expect(history.list.map((e) => e.person)).toEqual(['Aminata', 'Aminata']);
    expect(history.people()).toEqual(['Aminata']);
  });

  it('lists nothing before start, then filters by person, newest first', () => {
    const moussa = docWithClient(10);
    const aminata = docWithClient(20);
    new Peers([moussa, aminata]);
    const history = new HistoryTracker(moussa, { isMine: () => false, nameOf: (c) => names.get(c) });
    const a = addFactor(aminata, { label: 'Avant', x: 0, y: 0 });
    expect(history.list).toEqual([]);
    history.start();
    const b = addFactor(moussa, { label: 'Conflits', x: 0, y: 0 });
    const l = addLink(aminata, { source: a, target: b });
    setPolarity(aminata, l, '-');
    renameFactor(moussa, a, 'Après');
    expect(history.byPerson('Aminata').map((e) => e.action)).toEqual(['edited', 'added']);
    expect(history.byPerson('Aminata')[0]).toMatchObject({ field: 'polarity', before: '+', after: '-', label: 'Avant → Conflits' });
    expect(history.byPerson(null)).toHaveLength(4);
  });

  it('does not list moves, and lists an undo as a change of its own', () => {
    const moussa = docWithClient(10);
    const history = tracked(moussa);
    const undo = createUndoManager(moussa);
    const f = addFactor(moussa, { label: 'Insécurité', x: 0, y: 0 });
    undo.stopCapturing();
    renameFactor(moussa, f, 'Insécurité croissante');
    moussa.transact(() => (moussa.getMap('factors').get(f) as Y.Map<unknown>).set('x', 50));
    undo.undo();
    undo.undo();
    expect(history.list.map((e) => [e.action, e.field ?? '', e.after ?? ''])).toEqual([
      ['added', '', ''], ['edited', 'label', 'Insécurité croissante'], ['edited', 'label', 'Insécurité'], ['removed', '', ''],
    ]);
  });

  it('keeps the most recent entries only', () => {
    const doc = docWithClient(10);
    const history = new HistoryTracker(doc, { isMine: () => true, nameOf: () => 'Moussa', max: 3 });
    history.start();
    for (let i = 0; i < 5; i++) addFactor(doc, { label: `F${i}`, x: 0, y: 0 });
    expect(history.list.map((e) => e.label)).toEqual(['F2', 'F3', 'F4']);
  });
});
