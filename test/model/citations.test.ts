import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addFactor, addLink, createMapDoc, createUndoManager, linksOf, readSnapshot, removeFactors,
  removeLinks,
} from '../../src/model';
import {
  citationsOf, citationsRoot, citeStory, elementsOfStory, readCitations, storyCount, unciteStory,
} from '../../src/model/citations';
import { addStory, readStories, removeStory } from '../../src/model/stories';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function index(doc: Y.Doc) {
  return readCitations(doc, readSnapshot(doc), readStories(doc));
}

function setup() {
  const doc = createMapDoc();
  const a = addFactor(doc, { label: 'Vol de bétail', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'Représailles', x: 200, y: 0 });
  const ab = addLink(doc, { source: a, target: b });
  const r1 = addStory(doc, { code: 'R-1' });
  const r2 = addStory(doc, { code: 'R-2' });
  return { doc, a, b, ab, r1, r2 };
}

describe('citing stories', () => {
  it('cites stories on a factor and a link and reads them back both ways', () => {
    const { doc, a, ab, r1, r2 } = setup();
    citeStory(doc, r2, { kind: 'factor', id: a });
    citeStory(doc, r1, { kind: 'factor', id: a });
    citeStory(doc, r1, { kind: 'link', id: ab });
    const idx = index(doc);
    expect(citationsOf(idx, { kind: 'factor', id: a })).toEqual([r1, r2]);
    expect(storyCount(idx, { kind: 'link', id: ab })).toBe(1);
    expect(elementsOfStory(idx, r1)).toEqual({ factors: [a], links: [ab] });
    expect(elementsOfStory(idx, 'unknown')).toEqual({ factors: [], links: [] });
  });

  it('citing twice keeps one citation; un-citing removes it', () => {
    const { doc, a, r1 } = setup();
    citeStory(doc, r1, { kind: 'factor', id: a });
    citeStory(doc, r1, { kind: 'factor', id: a });
    expect(citationsRoot(doc).size).toBe(1);
    expect(unciteStory(doc, r1, { kind: 'factor', id: a })).toBe(true);
    expect(unciteStory(doc, r1, { kind: 'factor', id: a })).toBe(false);
    expect(storyCount(index(doc), { kind: 'factor', id: a })).toBe(0);
  });

  it('refuses to cite a missing story or on a missing element', () => {
    const { doc, a, r1 } = setup();
    expect(citeStory(doc, 'missing', { kind: 'factor', id: a })).toBe(false);
    expect(citeStory(doc, r1, { kind: 'link', id: 'missing' })).toBe(false);
    expect(() => citeStory(doc, r1, { kind: 'loop' as never, id: a })).toThrow(/factors or links/);
    expect(citationsRoot(doc).size).toBe(0);
  });

  it('two people citing the same story at once converge to one citation', () => {
    const { doc: one, a, r1 } = setup();
    const two = new Y.Doc();
    sync(one, two);
    citeStory(one, r1, { kind: 'factor', id: a });
    citeStory(two, r1, { kind: 'factor', id: a });
    sync(one, two);
    expect(citationsRoot(one).size).toBe(1);
    expect(citationsOf(index(two), { kind: 'factor', id: a })).toEqual([r1]);
  });
});

describe('no dangling citation is shown', () => {
  it('removing a story removes its citations, and one undo brings both back', () => {
    const { doc, a, ab, r1 } = setup();
    const undo = createUndoManager(doc);
    citeStory(doc, r1, { kind: 'factor', id: a });
    citeStory(doc, r1, { kind: 'link', id: ab });
    undo.stopCapturing();
    removeStory(doc, r1);
    expect(citationsRoot(doc).size).toBe(0);
    undo.undo();
    expect(elementsOfStory(index(doc), r1)).toEqual({ factors: [a], links: [ab] });
  });

  it('removing a cited factor drops its citations and those of its links; undo restores them', () => {
    const { doc, a, b, ab, r1, r2 } = setup();
    const undo = createUndoManager(doc);
    citeStory(doc, r1, { kind: 'factor', id: a });
    citeStory(doc, r2, { kind: 'factor', id: b });
    citeStory(doc, r1, { kind: 'link', id: ab });
    undo.stopCapturing();
    removeFactors(doc, [a]);
    expect([...citationsRoot(doc).keys()]).toEqual([`factor:${b}:${r2}`]);
    expect(elementsOfStory(index(doc), r1)).toEqual({ factors: [], links: [] });
    undo.undo();
    const idx = index(doc);
    expect(citationsOf(idx, { kind: 'factor', id: a })).toEqual([r1]);
    expect(citationsOf(idx, { kind: 'link', id: ab })).toEqual([r1]);
  });

  it('removing a cited link drops its citations', () => {
    const { doc, ab, r1 } = setup();
    citeStory(doc, r1, { kind: 'link', id: ab });
    removeLinks(doc, [ab]);
    expect(citationsRoot(doc).size).toBe(0);
  });

  it('a citation a peer made on a factor deleted meanwhile is not counted', () => {
    const { doc: one, a, r1 } = setup();
    const two = new Y.Doc();
    sync(one, two);
    removeFactors(one, [a]);
    citeStory(two, r1, { kind: 'factor', id: a });
    sync(one, two);
    expect(citationsRoot(one).size).toBe(1);
    const idx = index(one);
    expect(idx.hidden).toBe(1);
    expect(elementsOfStory(idx, r1)).toEqual({ factors: [], links: [] });
  });

  it('a story cited on a hidden twin link is shown on the visible one, and un-citing removes it', () => {
    const { doc: one, a, r1 } = setup();
    const two = new Y.Doc();
    sync(one, two);
    const c1 = addFactor(one, { label: 'C', x: 0, y: 0, id: 'c' });
    sync(one, two);
    const x = addLink(one, { source: c1, target: a, id: 'aaaa' });
    const y = addLink(two, { source: c1, target: a, id: 'zzzz' });
    citeStory(two, r1, { kind: 'link', id: y });
    sync(one, two);
    expect(readSnapshot(one).links.map((l) => l.id)).toContain(x);
    expect(citationsOf(index(one), { kind: 'link', id: x })).toEqual([r1]);
    expect(unciteStory(one, r1, { kind: 'link', id: x })).toBe(true);
    expect(storyCount(index(one), { kind: 'link', id: x })).toBe(0);
    expect(linksOf(one).size).toBe(3);
  });
});

describe('reading citations written by peers', () => {
  it('skips malformed keys and values with a warning', () => {
    const { doc, a, r1 } = setup();
    citeStory(doc, r1, { kind: 'factor', id: a });
    doc.transact(() => {
      const root = citationsRoot(doc);
      root.set('nonsense', true);
      root.set(`loop:${a}:${r1}`, true);
      root.set(`factor:${a}:bad:id!`, true);
      root.set(`link:${a}:${r1}`, 'yes');
    });
    const warn = vi.fn();
    const idx = readCitations(doc, readSnapshot(doc), readStories(doc), warn);
    expect(warn).toHaveBeenCalledTimes(4);
    expect(idx.hidden).toBe(4);
    expect(citationsOf(idx, { kind: 'factor', id: a })).toEqual([r1]);
  });
});
