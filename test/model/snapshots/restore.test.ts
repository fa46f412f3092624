import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, addStory, addTheme, citeStory, createUndoManager, nameLoop, openRound, placeDot,
  citationsRoot, readLoopNotes, readStories, readSnapshot, removeFactors, renameFactor, setFactorField, setPolarity, setTitle,
  votesOf,
} from '../../../src/model';
import { findLoops } from '../../../src/model/analysis';
import { compareMaps, isEmptyDiff, mapStateOf } from '../../../src/model/compare';
import { exportJson } from '../../../src/model/io';
import { captureState, openSnapshotState, restoreSnapshot } from '../../../src/model/snapshots';
import { factorId, maliDoc } from '../compare/mali';

const quiet = () => undefined;

function opened(state: Uint8Array): Y.Doc {
  const o = openSnapshotState(state);
  if (!o.ok) throw new Error('unreadable');
  return o.doc;
}

/** Cycle 1 is saved, then the group reworks the map: renames, removals, additions, a story. */
function twoCycles() {
  const doc = maliDoc();
  const pression = factorId(doc, 'Pression sur les terres agricoles');
  const loop = findLoops(readSnapshot(doc, quiet)).loops[0]!;
  nameLoop(doc, loop.id, 'Spirale de la violence');
  const cycle1 = captureState(doc).state;
  renameFactor(doc, pression, 'Pression foncière');
  removeFactors(doc, [factorId(doc, 'Corruption')]);
  const caisses = addFactor(doc, { label: 'Caisses de résilience', x: 10, y: 10 });
  addLink(doc, { source: caisses, target: factorId(doc, 'Pauvreté des ménages'), polarity: '-' });
  setPolarity(doc, mapStateOf(doc).links[0]!.id, '?');
  setTitle(doc, 'Mali centre — cycle 2');
  addTheme(doc, 'Résilience');
  const s = addStory(doc, { code: 'C2-01', summary: 'Les caisses aident les veuves' });
  citeStory(doc, s, { kind: 'factor', id: caisses });
  return { doc, cycle1, pression, loopId: loop.id };
}

describe('restoring a snapshot', () => {
  it('makes the live map what the snapshot shows, every part', () => {
    const { doc, cycle1 } = twoCycles();
    const diff = restoreSnapshot(doc, opened(cycle1));
    expect(diff.factors.added.map((f) => f.label)).toEqual(['Corruption']);
    expect(diff.factors.removed.map((f) => f.label)).toEqual(['Caisses de résilience']);
    expect(isEmptyDiff(compareMaps(mapStateOf(doc), mapStateOf(opened(cycle1))))).toBe(true);
    expect(exportJson(doc)).toEqual(exportJson(opened(cycle1)));
  });

  it('brings back a removed factor with its links and loop name, under its own ids', () => {
    const { doc, cycle1, loopId } = twoCycles();
    const before = readSnapshot(opened(cycle1), quiet);
    const corruption = before.factors.find((f) => f.label === 'Corruption')!;
    restoreSnapshot(doc, opened(cycle1));
    const after = readSnapshot(doc, quiet);
    expect(after.factorById.get(corruption.id)?.label).toBe('Corruption');
    expect(after.links.map((l) => l.id).sort()).toEqual(before.links.map((l) => l.id).sort());
    expect(readLoopNotes(doc, quiet).get(loopId)?.name).toBe('Spirale de la violence');
    expect(citationsRoot(doc).size).toBe(0);
    expect(readStories(doc, quiet)).toEqual([]);
  });

  it('is one transaction, one update, and one undo step that brings cycle 2 back', () => {
    const { doc, cycle1 } = twoCycles();
    const cycle2 = exportJson(doc);
    const undo = createUndoManager(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    restoreSnapshot(doc, opened(cycle1));
    expect(updates).toBe(1);
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(exportJson(doc)).toEqual(cycle2);
    undo.redo();
    expect(exportJson(doc)).toEqual(exportJson(opened(cycle1)));
  });

  it('reaches a peer as a forward change and keeps the peer’s concurrent edit of another field', () => {
    const { doc, cycle1, pression } = twoCycles();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const seen = Y.encodeStateVector(doc);
    // While the facilitator restores, a participant writes notes on the renamed factor.
    setFactorField(peer, pression, 'notes', 'Surtout autour de Kangaba');
    restoreSnapshot(doc, opened(cycle1));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, seen));
    for (const d of [doc, peer]) {
      const f = readSnapshot(d, quiet).factorById.get(pression)!;
      expect(f.label).toBe('Pression sur les terres agricoles');
      expect(f.notes).toBe('Surtout autour de Kangaba');
    }
    expect(exportJson(peer)).toEqual(exportJson(doc));
  });

  it('writes nothing when the map already is the snapshot', () => {
    const doc = maliDoc();
    const snap = opened(captureState(doc).state);
    const size = Y.encodeStateAsUpdate(doc).length;
    restoreSnapshot(doc, snap);
    expect(Y.encodeStateAsUpdate(doc).length).toBe(size);
  });

  it('leaves the votes: a dot is a participant’s act', () => {
    const { doc, cycle1 } = twoCycles();
    const round = openRound(doc, { title: 'Priorités', dotsPerPerson: 3, openedBy: 'fac' });
    placeDot(doc, round, 'voter-1', { kind: 'factor', id: factorId(doc, 'Insécurité') });
    const votes = votesOf(doc).toJSON();
    restoreSnapshot(doc, opened(cycle1));
    expect(votesOf(doc).toJSON()).toEqual(votes);
  });
});
