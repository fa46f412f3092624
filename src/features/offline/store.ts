import { create } from 'zustand';

/** What the service worker has told this page; session-only. */
interface OfflineAppState {
  /** A new version is installed and waiting for the user's go-ahead. */
  needRefresh: boolean;
  /** The app is cached: it now opens with no network. Shown once. */
  offlineReady: boolean;
  /** Activates the waiting version; the page reloads once it controls it. */
  update: (() => Promise<void>) | null;
  set: (patch: Partial<Omit<OfflineAppState, 'set'>>) => void;
}

export const useOfflineApp = create<OfflineAppState>((set) => ({
  needRefresh: false,
  offlineReady: false,
  update: null,
  set: (patch) => set(patch),
}));
