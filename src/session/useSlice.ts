import { useCallback } from 'react';
import { useStore } from 'zustand';
import { useMapSession } from './context';
import { sliceOf, type MapStore, type Slice } from './store';

/** The open map's store (see store.ts). */
export function useMapStore(): MapStore {
  return useMapSession().store;
}

/** Subscribes to part of a slice: the component renders again when the selected value changes. */
export function useSlice<T extends object, U>(slice: Slice<T>, select: (state: T) => U): U {
  const store = useMapStore();
  return useStore(store, (all) => select(all[slice.name] as T));
}

/** Reads a slice without subscribing: for event handlers and effects. */
export function useSliceGetter<T extends object>(slice: Slice<T>): () => T {
  const store = useMapStore();
  return useCallback(() => sliceOf(store, slice), [store, slice]);
}

const whole = <T>(state: T): T => state;

/**
 * A slice's hook, as zustand's `create` gives: `useX()` for the whole slice (a new object
 * only when the slice changed), `useX((s) => s.part)` for a part.
 */
export function sliceHook<T extends object>(slice: Slice<T>): { (): T; <U>(select: (state: T) => U): U } {
  function useBound<U>(select?: (state: T) => U): U | T {
    return useSlice<T, U | T>(slice, select ?? whole);
  }
  return useBound as { (): T; <U>(select: (state: T) => U): U };
}
