import { useSyncExternalStore } from 'react';

/**
 * In-page navigation (history.pushState): opening another map from a feature (a map file
 * opened as a new map) or from the home page swaps the page without a reload, and the app
 * re-renders for the new location.
 */
const listeners = new Set<() => void>();
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('popstate', () => listeners.forEach((l) => l()));
}

export function navigate(url: string): void {
  history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

/** Re-renders on every navigation, back and forward buttons and hash changes included. */
export function useLocationKey(): string {
  listen();
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      window.addEventListener('hashchange', cb);
      return () => {
        listeners.delete(cb);
        window.removeEventListener('hashchange', cb);
      };
    },
    () => location.pathname + location.hash,
  );
}
