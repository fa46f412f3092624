import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, ModelError } from '../../src/model';
import {
  addStory, duplicateCodes, readStories, removeStory, searchStories, storiesOf,
  STORY_PRIVACY_REMINDER, updateStory,
} from '../../src/model/stories';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('stories', () => {
  it('adds a story with its fields trimmed and tags sorted without duplicates', () => {
    const doc = createMapDoc();
    const id = addStory(doc, {
      code: ' R-012 ', summary: 'Les éleveurs ne passent plus par le couloir.', place: 'Mopti',
      date: '2024-03-12', group: 'Équipe B', language: 'ff', tags: ['transhumance', 'eau', 'eau', ' '],
    });
    expect(readStories(doc)).toEqual([{
      id, code: 'R-012', summary: 'Les éleveurs ne passent plus par le couloir.', place: 'Mopti',
      date: '2024-03-12', group: 'Équipe B', language: 'ff', tags: ['eau', 'transhumance'],
    }]);
  });

  it('refuses a missing code and a code already used, whatever its case', () => {
    const doc = createMapDoc();
    expect(() => addStory(doc, { code: '  ' })).toThrow(ModelError);
    addStory(doc, { code: 'R-1' });
    expect(() => addStory(doc, { code: 'r-1' })).toThrow(/already used/);
    const other = addStory(doc, { code: 'R-2' });
    expect(() => updateStory(doc, other, { code: 'R-1' })).toThrow(/already used/);
    expect(readStories(doc).map((s) => s.code)).toEqual(['R-1', 'R-2']);
  });

  it('has no field for a real name, and reminds in French and English to use codes', () => {
    expect(STORY_PRIVACY_REMINDER.fr).toMatch(/codes/);
    expect(STORY_PRIVACY_REMINDER.en).toMatch(/never real names/);
    const doc = createMapDoc();
    const id = addStory(doc, { code: 'R-1', name: 'Amadou' } as never);
    expect(storiesOf(doc).get(id)?.has('name')).toBe(false);
  });

  it('updates only the given fields, in place, and empty text clears a field', () => {
    const doc = createMapDoc();
    const id = addStory(doc, { code: 'R-1', summary: 'a', place: 'Mopti' });
    const m = storiesOf(doc).get(id);
    updateStory(doc, id, { place: '', date: 'saison des pluies 2023' });
    expect(storiesOf(doc).get(id)).toBe(m);
    const [s] = readStories(doc);
    expect(s).toMatchObject({ summary: 'a', place: '', date: 'saison des pluies 2023' });
    expect(m?.has('place')).toBe(false);
  });

  it('two people tagging the same story at once keep both tags', () => {
    const a = createMapDoc();
    const id = addStory(a, { code: 'R-1', tags: ['eau'] });
    const b = new Y.Doc();
    sync(a, b);
    updateStory(a, id, { tags: ['eau', 'foncier'] });
    updateStory(b, id, { tags: ['eau', 'sécurité'] });
    sync(a, b);
    expect(readStories(a)[0]?.tags).toEqual(['eau', 'foncier', 'sécurité']);
    expect(readStories(b)[0]?.tags).toEqual(['eau', 'foncier', 'sécurité']);
  });

  it('sorts by code with numbers in order', () => {
    const doc = createMapDoc();
    for (const code of ['R-10', 'R-2', 'A-1']) addStory(doc, { code });
    expect(readStories(doc).map((s) => s.code)).toEqual(['A-1', 'R-2', 'R-10']);
  });

  it('removing a story is one undo step', () => {
    const doc = createMapDoc();
    const undo = createUndoManager(doc);
    const id = addStory(doc, { code: 'R-1', tags: ['eau'] });
    undo.stopCapturing();
    expect(removeStory(doc, id)).toBe(true);
    expect(readStories(doc)).toEqual([]);
    undo.undo();
    expect(readStories(doc)).toMatchObject([{ id, code: 'R-1', tags: ['eau'] }]);
    expect(removeStory(doc, 'nope')).toBe(false);
  });

  it('flags codes two peers chose while apart', () => {
    const a = createMapDoc();
    const b = new Y.Doc();
    sync(a, b);
    addStory(a, { code: 'R-7' });
    addStory(b, { code: 'r-7' });
    sync(a, b);
    expect(readStories(a)).toHaveLength(2);
    expect(duplicateCodes(readStories(a))).toEqual(new Set(['R-7']));
  });
});

describe('reading stories written by peers', () => {
  it('skips malformed stories and drops malformed fields, with a warning', () => {
    const doc = createMapDoc();
    const good = addStory(doc, { code: 'R-1', summary: 'ok' });
    doc.transact(() => {
      const stories = storiesOf(doc);
      stories.set('notmap', 'hello' as never);
      const noCode = new Y.Map<unknown>();
      stories.set('nocode', noCode);
      noCode.set('summary', 'x');
      const m = stories.get(good)!;
      m.set('place', 42);
      m.set('tags', 'eau,foncier');
    });
    const warn = vi.fn();
    const stories = readStories(doc, warn);
    expect(stories).toEqual([{
      id: good, code: 'R-1', summary: 'ok', place: '', date: '', group: '', language: '', tags: [],
    }]);
    expect(warn).toHaveBeenCalledTimes(4);
  });
});

describe('searching stories', () => {
  const doc = createMapDoc();
  addStory(doc, { code: 'R-1', summary: 'La sécurité des routes', place: 'Ségou' });
  addStory(doc, { code: 'R-2', summary: 'Le prix du mil', tags: ['Marché'] });
  addStory(doc, { code: 'X-3', summary: 'Un cœur de village', place: 'Mopti' });
  const stories = readStories(doc);
  const codes = (q: string) => searchStories(stories, q).map((s) => s.code);

  it('ignores accents and case', () => {
    expect(codes('securite')).toEqual(['R-1']);
    expect(codes('SEGOU')).toEqual(['R-1']);
    expect(codes('marche')).toEqual(['R-2']);
    expect(codes('coeur')).toEqual(['X-3']);
  });

  it('matches code, place and tags, every word of the query', () => {
    expect(codes('r-')).toEqual(['R-1', 'R-2']);
    expect(codes('mopti village')).toEqual(['X-3']);
    expect(codes('mopti mil')).toEqual([]);
    expect(codes('  ')).toEqual(['R-1', 'R-2', 'X-3']);
  });
});
