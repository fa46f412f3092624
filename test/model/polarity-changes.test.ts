import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, createUndoManager, cyclePolarity, setPolarity, watchLocalPolarity, type PolarityChange } from '../../src/model';

function twoLinks() {
  const doc = new Y.Doc();
  const a = addFactor(doc, { label: 'A', x: 0, y: 0 });
  const b = addFactor(doc, { label: 'B', x: 200, y: 0 });
  const ab = addLink(doc, { source: a, target: b, polarity: '+' });
  const ba = addLink(doc, { source: b, target: a, polarity: '-' });
  return { doc, ab, ba };
}

describe('watchLocalPolarity', () => {
  it('reports each polarity this user changes, with what it was', () => {
    const { doc, ab, ba } = twoLinks();
    const seen: PolarityChange[][] = [];
    const stop = watchLocalPolarity(doc, (c) => seen.push([...c]));
    cyclePolarity(doc, ab);
    setPolarity(doc, ba, '?');
    // Setting the polarity a link already has changes nothing and says nothing.
    setPolarity(doc, ba, '?');
    expect(seen).toEqual([[{ linkId: ab, from: '+', to: '-' }], [{ linkId: ba, from: '-', to: '?' }]]);
    stop();
    cyclePolarity(doc, ab);
    expect(seen).toHaveLength(2);
  });

  it('says nothing of a peer\'s change, nor of undo and redo', () => {
    const { doc, ab } = twoLinks();
    const undo = createUndoManager(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const seen: PolarityChange[][] = [];
    watchLocalPolarity(doc, (c) => seen.push([...c]));
    setPolarity(peer, ab, '?');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(doc.getMap('links').toJSON()[ab].polarity).toBe('?');
    expect(seen).toEqual([]);
    setPolarity(doc, ab, '-');
    undo.undo();
    undo.redo();
    expect(seen).toEqual([[{ linkId: ab, from: '?', to: '-' }]]);
  });
});
