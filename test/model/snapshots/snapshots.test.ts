import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, ModelError, readSnapshot, renameFactor, addStory, citeStory } from '../../../src/model';
import { exportJson } from '../../../src/model/io';
import {
  autoSnapshotName, captureState, cleanSnapshotName, MAX_SNAPSHOT_NAME_CHARS, openSnapshotState,
} from '../../../src/model/snapshots';
import { factorId, maliDoc } from '../compare/mali';

const quiet = () => undefined;

describe('taking a snapshot', () => {
  it('keeps the whole document state with its counts', () => {
    const doc = maliDoc();
    const s = addStory(doc, { code: 'K-01', summary: 'À Kangaba, les couloirs sont fermés' });
    citeStory(doc, s, { kind: 'factor', id: factorId(doc, 'Pression sur les terres agricoles') });
    const { state, factors, links } = captureState(doc);
    expect([factors, links]).toEqual([30, 55]);
    const opened = openSnapshotState(state);
    if (!opened.ok) throw new Error('unreadable');
    expect(exportJson(opened.doc)).toEqual(exportJson(doc));
  });

  it('is a copy: later edits of the map do not reach it, nor edits of it the map', () => {
    const doc = maliDoc();
    const { state } = captureState(doc);
    const id = factorId(doc, 'Corruption');
    renameFactor(doc, id, 'Corruption et racket aux postes de contrôle');
    const opened = openSnapshotState(state);
    if (!opened.ok) throw new Error('unreadable');
    expect(opened.map.factorById.get(id)?.label).toBe('Corruption');
    addFactor(opened.doc, { label: 'Écrit dans la copie', x: 0, y: 0 });
    expect(readSnapshot(doc, quiet).factors.some((f) => f.label === 'Écrit dans la copie')).toBe(false);
  });

  it('reports a corrupted or cut-short state as unreadable, without throwing', () => {
    const { state } = captureState(maliDoc());
    expect(openSnapshotState(state.slice(0, Math.floor(state.length / 2))).ok).toBe(false);
    expect(openSnapshotState(new Uint8Array([1, 2, 3, 250, 251, 252, 7])).ok).toBe(false);
    const flipped = state.slice();
    for (let i = 10; i < flipped.length; i += 97) flipped[i] = (flipped[i]! ^ 0xff) & 0xff;
    const r = openSnapshotState(flipped, quiet);
    // Flipped bytes either fail to decode or decode into something the readers validate.
    if (r.ok) expect(() => readSnapshot(r.doc, quiet)).not.toThrow();
  });
});

describe('snapshot names', () => {
  it('are trimmed, on one line, and between 1 and 200 characters', () => {
    expect(cleanSnapshotName('  Cycle 1 — atelier de Kangaba,\nmars 2027 ')).toBe('Cycle 1 — atelier de Kangaba, mars 2027');
    expect(cleanSnapshotName('é'.repeat(MAX_SNAPSHOT_NAME_CHARS))).toHaveLength(200);
    for (const bad of ['', '   ', '\n', 'x'.repeat(201), 42, null]) {
      expect(() => cleanSnapshotName(bad)).toThrow(ModelError);
    }
  });

  it('of automatic snapshots follow the map language', () => {
    expect(autoSnapshotName('restore', 'fr')).toBe('Avant la restauration');
    expect(autoSnapshotName('import', 'en')).toBe('Before the import');
  });
});

describe('a snapshot document', () => {
  it('opens the same state on two peers into the same map', () => {
    const doc = maliDoc();
    const { state } = captureState(doc);
    const a = openSnapshotState(state);
    const b = openSnapshotState(Y.encodeStateAsUpdate(doc));
    if (!a.ok || !b.ok) throw new Error('unreadable');
    expect(exportJson(a.doc)).toEqual(exportJson(b.doc));
  });
});
