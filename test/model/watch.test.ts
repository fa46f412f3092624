import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, createMapDoc, renameFactor, RootWatcher, setTitle } from '../../src/model';

describe('the root watcher', () => {
  it('tells only the roots a transaction touched, nested edits included', () => {
    const doc = createMapDoc();
    const w = new RootWatcher(doc);
    const seen: string[] = [];
    w.subscribe('factors', () => seen.push('factors'));
    w.subscribe('meta', () => seen.push('meta'));
    w.subscribe('stories', () => seen.push('stories'));
    const id = addFactor(doc, { label: 'A', x: 0, y: 0 });
    renameFactor(doc, id, 'B');
    setTitle(doc, 'T');
    expect(seen).toEqual(['factors', 'factors', 'meta']);
    expect(w.version('factors')).toBe(2);
    expect(w.version('stories')).toBe(0);
  });

  it('sees updates applied from a peer', () => {
    const doc = new Y.Doc();
    const w = new RootWatcher(doc);
    let n = 0;
    w.subscribe('factors', () => n++);
    const peer = createMapDoc();
    addFactor(peer, { label: 'A', x: 0, y: 0 });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer), 'remote');
    expect(n).toBe(1);
    w.destroy();
  });
});
