import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, createUndoManager, ModelError, removeFactors } from '../../src/model';
import {
  addView, moveView, readViews, removeView, shownFactors, updateView, viewsOf,
} from '../../src/model/views';

const titles = (doc: Y.Doc) => readViews(doc).map((v) => v.title);

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('saved views', () => {
  it('adds views at the end with their factors, viewport and loop', () => {
    const doc = createMapDoc();
    const f = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const one = addView(doc, { title: 'Le début', factors: [f], viewport: { x: 1, y: 2, zoom: 1.5 } });
    addView(doc, { title: 'Tout', loop: 'loop-1' });
    const [v1, v2] = readViews(doc);
    expect(v1).toEqual({
      id: one, title: 'Le début', factors: [f], viewport: { x: 1, y: 2, zoom: 1.5 }, loop: null, position: 1,
    });
    expect(v2).toMatchObject({ title: 'Tout', factors: null, viewport: null, loop: 'loop-1' });
  });

  it('updates fields in place; null shows all factors again and clears the loop', () => {
    const doc = createMapDoc();
    const id = addView(doc, { title: 'A', factors: ['x', 'y'], loop: 'l' });
    const m = viewsOf(doc).get(id);
    updateView(doc, id, { factors: ['y', 'z'] });
    expect(readViews(doc)[0]?.factors).toEqual(['y', 'z']);
    updateView(doc, id, { factors: null, loop: null, title: 'B' });
    expect(viewsOf(doc).get(id)).toBe(m);
    expect(readViews(doc)[0]).toMatchObject({ title: 'B', factors: null, loop: null });
    expect(updateView(doc, 'gone', { title: 'C' })).toBe(false);
  });

  it('refuses a bad viewport without writing anything', () => {
    const doc = createMapDoc();
    const id = addView(doc, { title: 'A' });
    expect(() => updateView(doc, id, { title: 'B', viewport: { x: 0, y: 0, zoom: 0 } })).toThrow(ModelError);
    expect(() => addView(doc, { title: 'C', viewport: { x: NaN, y: 0, zoom: 1 } })).toThrow(ModelError);
    expect(titles(doc)).toEqual(['A']);
  });

  it('moves a view to an index, and removes one', () => {
    const doc = createMapDoc();
    const [a, , c] = ['A', 'B', 'C', 'D'].map((title) => addView(doc, { title }));
    moveView(doc, c!, 0);
    expect(titles(doc)).toEqual(['C', 'A', 'B', 'D']);
    moveView(doc, c!, 99);
    expect(titles(doc)).toEqual(['A', 'B', 'D', 'C']);
    moveView(doc, a!, 2);
    expect(titles(doc)).toEqual(['B', 'D', 'A', 'C']);
    removeView(doc, a!);
    expect(titles(doc)).toEqual(['B', 'D', 'C']);
  });

  it('keeps its order after many moves into the same gap', () => {
    const doc = createMapDoc();
    const ids = ['A', 'B', 'C'].map((title) => addView(doc, { title }));
    // Each move halves the gap after A: 80 halvings are more than a double can hold.
    for (let n = 0; n < 80; n++) {
      const even = n % 2 === 0;
      moveView(doc, ids[even ? 2 : 1]!, 1);
      expect(titles(doc)).toEqual(even ? ['A', 'C', 'B'] : ['A', 'B', 'C']);
    }
  });

  it('concurrent adds both survive, in the same order on every peer', () => {
    const one = createMapDoc();
    addView(one, { title: 'A' });
    const two = new Y.Doc();
    sync(one, two);
    addView(one, { title: 'B1' });
    addView(two, { title: 'B2' });
    sync(one, two);
    expect(titles(one)).toHaveLength(3);
    expect(titles(one)).toEqual(titles(two));
    expect(new Set(titles(one))).toEqual(new Set(['A', 'B1', 'B2']));
  });

  it('two people moving the same view at once do not duplicate it', () => {
    const one = createMapDoc();
    const ids = ['A', 'B', 'C', 'D'].map((title) => addView(one, { title }));
    const two = new Y.Doc();
    sync(one, two);
    moveView(one, ids[3]!, 0);
    moveView(two, ids[3]!, 2);
    moveView(two, ids[0]!, 3);
    sync(one, two);
    expect(titles(one)).toEqual(titles(two));
    expect([...titles(one)].sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a move concurrent with a removal leaves the view removed', () => {
    const one = createMapDoc();
    const ids = ['A', 'B'].map((title) => addView(one, { title }));
    const two = new Y.Doc();
    sync(one, two);
    removeView(one, ids[0]!);
    moveView(two, ids[0]!, 1);
    sync(one, two);
    expect(titles(one)).toEqual(['B']);
    expect(titles(two)).toEqual(['B']);
  });

  it('removing a factor takes it out of every view, and undo puts it back', () => {
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    const f = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const g = addFactor(doc, { label: 'Mil', x: 0, y: 0 });
    addView(doc, { title: 'A', factors: [f, g] });
    undo.stopCapturing();
    removeFactors(doc, [f]);
    const [view] = readViews(doc);
    expect(view?.factors).toEqual([g]);
    expect(shownFactors(view!, [g])).toEqual([g]);
    undo.undo();
    expect(readViews(doc)[0]?.factors).toEqual([f, g].sort());
  });
});

describe('reading views written by peers', () => {
  it('skips malformed views and drops malformed fields, with a warning', () => {
    const doc = createMapDoc();
    const good = addView(doc, { title: 'Bon' });
    doc.transact(() => {
      viewsOf(doc).set('junk', 3 as never);
      const noPos = new Y.Map<unknown>();
      viewsOf(doc).set('nopos', noPos);
      noPos.set('title', 'x');
      const m = viewsOf(doc).get(good)!;
      m.set('viewport', { x: 'a', y: 0, zoom: 1 });
      m.set('factors', ['a', 'b']);
      m.set('loop', 12);
    });
    const warn = vi.fn();
    expect(readViews(doc, warn)).toEqual([
      { id: good, title: 'Bon', factors: null, viewport: null, loop: null, position: 1 },
    ]);
    expect(warn).toHaveBeenCalledTimes(5);
  });
});
