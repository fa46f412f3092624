import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { createOfflineAppStore } from './store';
import { UpdatePrompt } from './UpdatePrompt';

/**
 * Registers the service worker that keeps the app on this device, and mounts the small
 * update prompt in a root of its own so it shows on every page. Loaded with import() after
 * the first render: nothing here is needed to draw the first map.
 */
export function registerOffline(): void {
  const store = createOfflineAppStore();
  const { set } = store.getState();
  const update = registerSW({
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
  });
  set({ update: () => update(true) });

  const host = document.createElement('div');
  host.id = 'offline-root';
  document.body.appendChild(host);
  createRoot(host).render(
    <StrictMode>
      <UpdatePrompt store={store} />
    </StrictMode>,
  );
}
