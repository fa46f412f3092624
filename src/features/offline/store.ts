import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * What the service worker has told this page. Page-wide, not a map's: made by registerOffline
 * for the page's life and handed to the prompt it mounts.
 */
export interface OfflineAppState {
  /** A new version is installed and waiting for the user's go-ahead. */
  needRefresh: boolean;
  /** The app is cached: it now opens with no network. Shown once. */
  offlineReady: boolean;
  /** Activates the waiting version; the page reloads once it controls it. */
  update: (() => Promise<void>) | null;
  set: (patch: Partial<Omit<OfflineAppState, 'set'>>) => void;
}

export type OfflineAppStore = StoreApi<OfflineAppState>;

export function createOfflineAppStore(): OfflineAppStore {
  return createStore<OfflineAppState>((set) => ({
    needRefresh: false,
    offlineReady: false,
    update: null,
    set: (patch) => set(patch),
  }));
}
