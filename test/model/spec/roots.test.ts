import { describe, expect, it } from 'vitest';
import {
  addAction, addFactor, addLink, addStory, addTheme, addView, citeStory, createGroup, createMapDoc, createUndoManager,
  CITATIONS_ROOT, GROUPS_ROOT, LOOPS_ROOT, nameLoop, openRound, placeDot, removeFactors, ROOT, STORIES_ROOT,
  THEMES_ROOT, UNDOABLE_ROOTS, VIEWS_ROOT, VOTES_ROOT,
} from '../../../src/model';
import { EDITORS_ROOT } from '../../../src/model/history';
import { ROOT_SPECS, SCHEMA_VERSION } from '../../../src/model/spec';

describe('one spec per root map', () => {
  it('names every root once, and ROOT names exactly the roots with a spec', () => {
    const names = ROOT_SPECS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.values(ROOT).sort());
    expect([THEMES_ROOT, LOOPS_ROOT, STORIES_ROOT, CITATIONS_ROOT, VIEWS_ROOT, VOTES_ROOT, GROUPS_ROOT, EDITORS_ROOT])
      .toEqual([ROOT.themes, ROOT.loops, ROOT.stories, ROOT.citations, ROOT.views, ROOT.votes, ROOT.groups, ROOT.editors]);
  });

  it('a document that every kind of operation wrote to has no root without a spec', () => {
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'Eau', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Puits', x: 200, y: 0 });
    addLink(doc, { source: a, target: b });
    addLink(doc, { source: b, target: a, polarity: '-' });
    addTheme(doc, 'Environnement');
    nameLoop(doc, [a, b].sort().join('>'), 'La boucle');
    const story = addStory(doc, { code: 'R-1' });
    citeStory(doc, story, { kind: 'factor', id: a });
    addView(doc, { title: 'Étape 1' });
    const round = openRound(doc, { title: 'Vote', dotsPerPerson: 2, openedBy: 'v1' });
    placeDot(doc, round, 'v1', { kind: 'factor', id: a });
    const group = createGroup(doc, { name: 'GRA', origin: { kind: 'factor', id: a } });
    addAction(doc, group, { text: 'Creuser' });
    removeFactors(doc, [b]);
    const roots = new Set<string>(Object.values(ROOT));
    expect([...doc.share.keys()].filter((k) => !roots.has(k))).toEqual([]);
  });

  it('undo covers the roots the spec marks undoable, never votes or the editors signature', () => {
    expect(UNDOABLE_ROOTS).toEqual(ROOT_SPECS.filter((s) => s.undoable).map((s) => s.name));
    expect(UNDOABLE_ROOTS).not.toContain(ROOT.votes);
    expect(UNDOABLE_ROOTS).not.toContain(ROOT.editors);
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    const round = openRound(doc, { title: 'Vote', dotsPerPerson: 1, openedBy: 'v1' });
    addTheme(doc, 'Sécurité');
    undo.undo();
    undo.undo();
    expect(doc.getMap(ROOT.themes).size).toBe(0);
    expect(doc.getMap(ROOT.votes).has(round)).toBe(true);
  });

  it('every migration leads, step by step, to the version this code writes', () => {
    for (const spec of ROOT_SPECS) {
      let at = 1;
      for (const m of spec.migrations) {
        expect(m.from).toBe(at);
        expect(m.to).toBe(at + 1);
        at = m.to;
      }
      expect(at).toBeLessThanOrEqual(SCHEMA_VERSION);
    }
  });
});
