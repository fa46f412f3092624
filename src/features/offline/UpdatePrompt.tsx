import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import './offline.css';
import { useStore } from 'zustand';
import type { OfflineAppStore } from './store';

const READY_NOTICE_MS = 6000;

/**
 * "New version — reload", asked, never forced: reloading in the middle of a workshop would cut
 * a facilitator off mid-sentence. Also says once that the app now works without a network.
 */
export function UpdatePrompt({ store }: { store: OfflineAppStore }) {
  const { t } = useTranslation();
  const { needRefresh, offlineReady, update, set } = useStore(store);

  useEffect(() => {
    if (!offlineReady) return undefined;
    const timer = setTimeout(() => set({ offlineReady: false }), READY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, set]);

  if (needRefresh) {
    return (
      <div className="offline-notice" role="alertdialog" aria-labelledby="offline-new-version" data-testid="update-prompt">
        <p id="offline-new-version">{t('offline.newVersion')}</p>
        <div className="offline-notice-actions">
          <button type="button" className="primary" onClick={() => void update?.()}>{t('offline.reload')}</button>
          <button type="button" title={t('offline.laterHint')} onClick={() => set({ needRefresh: false })}>
            {t('offline.later')}
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    // Click-through and self-dismissing: it must never sit on a button someone needs.
    return (
      <div className="offline-notice passive" role="status" data-testid="offline-ready">
        <p>{t('offline.ready')}</p>
      </div>
    );
  }
  return null;
}
