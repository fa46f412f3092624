import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './i18n';
import './offline.css';
import { useStore } from 'zustand';
import { NOTICE_DOCK_ID } from '../../ui/noticeDock';
import type { OfflineAppStore } from './store';

/** Long enough to read twice; paused while the pointer or the focus is on the notice. */
export const READY_NOTICE_MS = 8000;

/**
 * The map page's toolbar dock (ui/noticeDock.ts), once it is in the page: the map page may
 * open after the notice is due. Watched only while a notice is shown.
 */
function useNoticeDock(active: boolean): HTMLElement | null {
  const [dock, setDock] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    const find = () => setDock(document.getElementById(NOTICE_DOCK_ID));
    find();
    const observer = new MutationObserver(find);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [active]);
  return active && dock?.isConnected ? dock : null;
}

/**
 * "Trame now works without a network": said once, in the map page's toolbar (never over the
 * map, where it would hide factors from the room), or at the bottom of a page without one. It
 * goes by itself after READY_NOTICE_MS, or at once with its close button.
 */
function ReadyNotice({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dock = useNoticeDock(true);
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return undefined;
    const timer = setTimeout(onClose, READY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [held, onClose]);
  const notice = (
    <div className={`offline-notice ready${dock ? ' docked' : ''}`} role="status" data-testid="offline-ready"
      onPointerEnter={() => setHeld(true)} onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)} onBlur={() => setHeld(false)}>
      <p>{t('offline.ready')}</p>
      <button type="button" className="offline-close" onClick={onClose} data-testid="offline-ready-close"
        aria-label={t('offline.close')} title={t('offline.close')}>×</button>
    </div>
  );
  return dock ? createPortal(notice, dock) : notice;
}

/**
 * "New version — reload", asked, never forced: reloading in the middle of a workshop would cut
 * a facilitator off mid-sentence. Also says once that the app now works without a network.
 */
export function UpdatePrompt({ store }: { store: OfflineAppStore }) {
  const { t } = useTranslation();
  const { needRefresh, offlineReady, update, set } = useStore(store);
  const closeReady = useCallback(() => set({ offlineReady: false }), [set]);

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
  return offlineReady ? <ReadyNotice onClose={closeReady} /> : null;
}
