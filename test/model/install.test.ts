import { describe, expect, it, vi } from 'vitest';
import {
  addFactor, addLink, addStory, addView, citeStory, createMapDoc, createUndoManager, installModel, JSON_SECTIONS,
  ModelRegistry, modelRegistry, nameLoop, readCitations, readSnapshot, readViews, removeFactors,
  readLoopNotes, readStories,
} from '../../src/model';

describe('installModel: the model is wired by one call, not by imports', () => {
  it('a registry that was never installed refuses to write or read a file, or to remove', () => {
    const fresh = new ModelRegistry();
    expect(() => fresh.jsonSections()).toThrow(/installModel/);
    expect(() => fresh.cascade()).toThrow(/installModel/);
  });

  it('registers the JSON sections in the order they are written and imported', () => {
    const registry = installModel({}, new ModelRegistry());
    expect([...registry.jsonSections().keys()]).toEqual(['themes', 'loops', 'stories', 'views', 'votes', 'groups']);
    expect([...registry.jsonSections().keys()]).toEqual(JSON_SECTIONS.map(([name]) => name));
  });

  it('registers the removal cascade once, however often it is called', () => {
    const registry = new ModelRegistry();
    installModel({}, registry);
    const first = registry.cascade();
    const counts = [first.factors.length, first.links.length, first.story.length];
    installModel({}, registry);
    const again = registry.cascade();
    expect([again.factors.length, again.links.length, again.story.length]).toEqual(counts);
    expect(counts).toEqual([3, 1, 1]);
  });

  it('a later call replaces only the logger, which readers use when given none', () => {
    const registry = installModel({}, new ModelRegistry());
    const warn = vi.fn();
    installModel({ warn }, registry);
    expect(registry.warn).toBe(warn);
  });

  it('the installed model drops loop notes, citations and view entries with a factor, in one step', () => {
    // test/setup.ts installed the shared registry, as the app and the relay do at their start.
    expect(modelRegistry.isInstalled).toBe(true);
    const doc = createMapDoc();
    const a = addFactor(doc, { label: 'A', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'B', x: 100, y: 0 });
    addLink(doc, { source: a, target: b });
    addLink(doc, { source: b, target: a });
    const loop = [a, b].sort().join('>');
    nameLoop(doc, loop, 'Spirale');
    const story = addStory(doc, { code: 'R-1' });
    citeStory(doc, story, { kind: 'factor', id: a });
    addView(doc, { title: 'Étape', factors: [a, b] });
    const cited = () => readCitations(doc, readSnapshot(doc), readStories(doc)).byStory.size;
    const undo = createUndoManager(doc);
    removeFactors(doc, [a]);
    expect(readLoopNotes(doc).size).toBe(0);
    expect(cited()).toBe(0);
    expect(readViews(doc)[0]?.factors).toEqual([b]);
    undo.undo();
    expect(readLoopNotes(doc).get(loop)?.name).toBe('Spirale');
    expect(cited()).toBe(1);
    expect(readViews(doc)[0]?.factors).toEqual([a, b].sort());
  });
});
