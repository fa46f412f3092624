import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * The open map's session state: one zustand store per open map, made by useOpenMap beside
 * the map's reader, watcher and undo manager and dropped with them, so nothing chosen on one
 * map (a selection, the person followed, `leading`, the story being edited) reaches the next.
 * Each part of the app owns a slice of it, declared once with defineSlice; the app lists the
 * slices a map store holds in one place (src/app/wiring.ts).
 */
export interface Slice<T extends object> {
  readonly name: string;
  readonly init: (set: SliceSet<T>, get: () => T) => T;
}

/** Merges a patch into the slice (a function gets the current state); the same object is a no-op. */
export type SliceSet<T> = (patch: Partial<T> | ((state: T) => Partial<T> | T)) => void;

export function defineSlice<T extends object>(name: string, init: Slice<T>['init']): Slice<T> {
  return { name, init };
}

export type MapStoreState = Readonly<Record<string, object>>;
export type MapStore = StoreApi<MapStoreState>;

// Slices of any state type, as the app lists them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySlice = Slice<any>;

export function createMapStore(slices: readonly AnySlice[]): MapStore {
  const store = createStore<MapStoreState>(() => ({}));
  const initial: Record<string, object> = {};
  for (const slice of slices) {
    if (Object.hasOwn(initial, slice.name)) throw new Error(`slice "${slice.name}" is listed twice`);
    const get = () => store.getState()[slice.name] as object;
    const set: SliceSet<object> = (patch) =>
      store.setState((all) => {
        const current = all[slice.name] as object;
        const next = typeof patch === 'function' ? patch(current) : patch;
        return next === current ? all : { [slice.name]: { ...current, ...next } };
      });
    initial[slice.name] = slice.init(set, get);
  }
  store.setState(initial, true);
  return store;
}

/** A slice's state now, for event handlers and code outside React. */
export function sliceOf<T extends object>(store: MapStore, slice: Slice<T>): T {
  const state = store.getState()[slice.name];
  if (state === undefined) throw new Error(`slice "${slice.name}" is not in this map's store (src/app/wiring.ts lists them)`);
  return state as T;
}

/** Calls `listener` when the slice changes, until the returned function is called. */
export function subscribeSlice<T extends object>(store: MapStore, slice: Slice<T>, listener: (state: T, prev: T) => void): () => void {
  return store.subscribe((all, prev) => {
    const a = all[slice.name] as T;
    const b = prev[slice.name] as T;
    if (a !== b) listener(a, b);
  });
}
