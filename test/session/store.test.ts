import { describe, expect, it } from 'vitest';
import { SLICES } from '../../src/app/wiring';
import { workshopSlice } from '../../src/features/workshop/store';
import { createMapStore, defineSlice, sessionSlice, sliceOf, subscribeSlice } from '../../src/session';

describe('one store per open map', () => {
  it('a slice merges patches, and a no-op change notifies no one', () => {
    const counter = defineSlice<{ n: number; bump: () => void; same: () => void }>('counter', (set) => ({
      n: 0, bump: () => set((s) => ({ n: s.n + 1 })), same: () => set((s) => s),
    }));
    const store = createMapStore([counter]);
    const seen: number[] = [];
    subscribeSlice(store, counter, (s) => seen.push(s.n));
    sliceOf(store, counter).bump();
    sliceOf(store, counter).same();
    sliceOf(store, counter).bump();
    expect(seen).toEqual([1, 2]);
    expect(sliceOf(store, counter).n).toBe(2);
  });

  it('refuses a slice listed twice, and names a slice that is not wired', () => {
    expect(() => createMapStore([sessionSlice, sessionSlice])).toThrow(/listed twice/);
    expect(() => sliceOf(createMapStore([]), workshopSlice)).toThrow(/"workshop" is not in this map's store/);
  });

  it('the next map starts clean: no leading, no selection, no followed person carried over', () => {
    const first = createMapStore(SLICES);
    sliceOf(first, workshopSlice).setLeading(true);
    sliceOf(first, workshopSlice).follow(42);
    sliceOf(first, workshopSlice).setLeading(true);
    sliceOf(first, sessionSlice).setSelection(['f1'], ['l1']);
    expect(sliceOf(first, workshopSlice).leading).toBe(true);

    const next = createMapStore(SLICES);
    expect(sliceOf(next, workshopSlice)).toMatchObject({ leading: false, following: null, showing: null, round: null });
    expect(sliceOf(next, sessionSlice)).toMatchObject({ selectedFactorIds: [], selectedLinkIds: [], panel: null, editingFactorId: null });
    // And the first map's state is its own, untouched by the second.
    expect(sliceOf(first, sessionSlice).selectedFactorIds).toEqual(['f1']);
  });
});
