import { describe, expect, it } from 'vitest';
import { createMapStore, presenceSlice, sliceOf, subscribeSlice, type Peer } from '../../src/session';

const peer = (over: Partial<Peer> = {}): Peer => ({
  clientId: 7, name: 'Awa', color: '#0072B2', cursor: null, selection: [], drag: null,
  viewport: null, leading: false, screen: null, showing: null, ...over,
});

describe('presence slice', () => {
  it('alone on the map, a new empty reading of awareness notifies no one', () => {
    const store = createMapStore([presenceSlice]);
    let notified = 0;
    subscribeSlice(store, presenceSlice, () => notified++);
    sliceOf(store, presenceSlice).set([]);
    sliceOf(store, presenceSlice).set([]);
    expect(notified).toBe(0);
    sliceOf(store, presenceSlice).set([peer()]);
    expect(notified).toBe(1);
    sliceOf(store, presenceSlice).set([]);
    expect(notified).toBe(2);
    expect(sliceOf(store, presenceSlice).peers).toEqual([]);
  });

  it('a peer whose cursor moves keeps the same selection and drag maps; a new selection makes new ones', () => {
    const store = createMapStore([presenceSlice]);
    const p = sliceOf(store, presenceSlice);
    p.set([peer({ selection: ['f1'], drag: { f2: { x: 1, y: 2 } } })]);
    const { remoteSelection, remoteDrag } = sliceOf(store, presenceSlice);
    expect(remoteSelection.get('f1')).toBe('#0072B2');
    p.set([peer({ cursor: { x: 5, y: 5 }, selection: ['f1'], drag: { f2: { x: 1, y: 2 } } })]);
    expect(sliceOf(store, presenceSlice).remoteSelection).toBe(remoteSelection);
    expect(sliceOf(store, presenceSlice).remoteDrag).toBe(remoteDrag);
    p.set([peer({ selection: ['f3'], drag: { f2: { x: 4, y: 2 } } })]);
    expect(sliceOf(store, presenceSlice).remoteSelection).not.toBe(remoteSelection);
    expect(sliceOf(store, presenceSlice).remoteSelection.has('f3')).toBe(true);
    expect(sliceOf(store, presenceSlice).remoteDrag.get('f2')).toEqual({ x: 4, y: 2 });
  });
});
