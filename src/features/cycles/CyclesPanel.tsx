import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { restoreSnapshot } from '../../model/snapshots';
import { loadUser, sliceOf, useMapSession, type MapSession } from '../../session';
import { Dialog } from '../../ui/Dialog';
import { downloadExport, listSnapshots, saveSnapshot, SnapshotApiError, type SnapshotItem } from './api';
import { compareViewing, openSnapshot, snapshotViewing } from './open';
import { cyclesSlice, useCycles, type CyclesState } from './store';
import './cycles.css';
import './i18n';

type Notice = { kind: 'info' | 'error'; text: string } | null;

/** The live map's session, also from inside a snapshot being looked at (viewed.ts). */
function useLive(): MapSession {
  const own = useMapSession();
  return useCycles((s) => s.live) ?? own;
}

function useDate() {
  const { i18n } = useTranslation();
  return useCallback((ms: number, style: 'long' | 'day' = 'long') => new Intl.DateTimeFormat(i18n.language,
    style === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(ms), [i18n.language]);
}

export default function CyclesPanel() {
  const { t } = useTranslation();
  const live = useLive();
  const date = useDate();
  const cycles = useCallback(() => sliceOf(live.store, cyclesSlice), [live.store]);
  const version = useStore(live.store, (all) => (all.cycles as CyclesState).version);
  const [items, setItems] = useState<SnapshotItem[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<SnapshotItem | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('now');

  const explain = useCallback((e: unknown): string => {
    if (!(e instanceof SnapshotApiError)) return t('cycles.error', { code: String(e) });
    if (e.code === 'offline') return t('cycles.offline');
    if (e.code === 'snapshot-unreadable') return t('cycles.unreadable');
    if (e.code === 'too-many-requests') return t('cycles.tooMany');
    return t('cycles.error', { code: `${e.status} ${e.code}` });
  }, [t]);

  useEffect(() => {
    if (!live.connection) return;
    let alive = true;
    listSnapshots(live.mapId).then(
      (list) => alive && setItems(list),
      (e: unknown) => alive && setNotice({ kind: 'error', text: explain(e) }),
    );
    return () => {
      alive = false;
    };
  }, [live.mapId, live.connection, version, explain]);

  if (!live.connection) return <p className="cycles-intro">{t('cycles.localOnly')}</p>;

  const named = (items ?? []).filter((s) => s.auto === null);
  const defaultName = t('cycles.defaultName', { n: named.length + 1, date: date(Date.now(), 'day') });
  const shownName = name ?? defaultName;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setNotice({ kind: 'error', text: explain(e) });
    } finally {
      setBusy(false);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const saved = await saveSnapshot(live.mapId, { name: shownName, author: loadUser()?.name ?? '' });
      setName(null);
      setNotice({ kind: 'info', text: t('cycles.saved', { name: saved.name }) });
      cycles().bump();
    });
  };

  const view = (item: SnapshotItem) => run(async () => cycles().view(await snapshotViewing(live.mapId, item)));

  const compare = (a: SnapshotItem, b: SnapshotItem | null) =>
    run(async () => cycles().view(await compareViewing(live.mapId, a, b, live.doc, t('cycles.nowShort'))));

  const restore = (item: SnapshotItem) => run(async () => {
    setRestoring(null);
    // What the restore replaces is kept first; no restore without it.
    await saveSnapshot(live.mapId, { reason: 'restore', author: loadUser()?.name ?? '' });
    const doc = await openSnapshot(live.mapId, item);
    try {
      // One local transaction: one undo step for this user, one update to everyone.
      restoreSnapshot(live.doc, doc);
    } finally {
      doc.destroy();
    }
    cycles().view(null);
    cycles().bump();
    setNotice({ kind: 'info', text: t('cycles.restored', { name: item.name }) });
  });

  const byId = new Map((items ?? []).map((s) => [s.id, s]));
  const fromItem = byId.get(from) ?? items?.[items.length - 1];

  return (
    <div className="cycles-panel" data-testid="cycles-panel">
      <p className="cycles-intro">{t('cycles.intro')}</p>
      {live.canEdit ? (
        <form className="cycles-save" onSubmit={save} aria-label={t('cycles.saveTitle')}>
          <h3>{t('cycles.saveTitle')}</h3>
          <label>
            {t('cycles.name')}
            <input value={shownName} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="snapshot-name" />
          </label>
          <button type="submit" disabled={busy || shownName.trim() === ''} data-testid="snapshot-save">
            {busy ? t('cycles.saving') : t('cycles.save')}
          </button>
        </form>
      ) : (
        <p className="cycles-hint">{t('cycles.viewerCannot')}</p>
      )}
      {notice && (
        <p className={`cycles-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="cycles-notice">
          {notice.text}
        </p>
      )}

      <h3>{t('cycles.list')}</h3>
      {items === null ? (
        <p role="status">{t('cycles.loading')}</p>
      ) : items.length === 0 ? (
        <p className="cycles-empty">{t('cycles.none')}</p>
      ) : (
        <ul className="cycles-list" data-testid="snapshot-list">
          {items.map((s) => (
            <li key={s.id} className={s.auto ? 'auto' : ''} data-testid="snapshot-row">
              <div className="cycles-row-head">
                <strong>{s.name}</strong>
                <span className="cycles-meta">
                  {date(s.createdAt)}{s.author && ` · ${t('cycles.by', { author: s.author })}`}
                  {' · '}{t('cycles.counts', { factors: s.factors, links: s.links })}
                  {s.auto && ` · ${t(`cycles.auto.${s.auto}`)}`}
                </span>
              </div>
              <div className="cycles-actions">
                <button type="button" disabled={busy} onClick={() => void view(s)} aria-label={t('cycles.viewLabel', { name: s.name })}>
                  {t('cycles.view')}
                </button>
                <button type="button" disabled={busy} onClick={() => void compare(s, null)}
                  aria-label={t('cycles.compareNowLabel', { name: s.name })} data-testid="compare-now">
                  {t('cycles.compareNow')}
                </button>
                {live.canEdit && (
                  <button type="button" disabled={busy} onClick={() => setRestoring(s)} aria-label={t('cycles.restoreLabel', { name: s.name })}>
                    {t('cycles.restore')}
                  </button>
                )}
                {(['json', 'csv', 'graphml'] as const).map((ext) => (
                  <button key={ext} type="button" className="link" disabled={busy}
                    onClick={() => void run(() => downloadExport(live.mapId, s.id, ext))}
                    aria-label={t('cycles.exportAs', { name: s.name, format: ext.toUpperCase() })}>
                    {ext.toUpperCase()}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}

      {items && items.length > 0 && fromItem && (
        <fieldset className="cycles-compare">
          <legend>{t('cycles.compareTitle')}</legend>
          <label>
            {t('cycles.from')}
            <select value={fromItem.id} onChange={(e) => setFrom(e.target.value)}>
              {items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label>
            {t('cycles.to')}
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="now">{t('cycles.now')}</option>
              {items.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => void compare(fromItem, to === 'now' ? null : byId.get(to) ?? null)}>
            {busy ? t('cycles.comparing') : t('cycles.compare')}
          </button>
        </fieldset>
      )}

      {restoring && (
        <Dialog title={t('cycles.restoreLabel', { name: restoring.name })} onClose={() => setRestoring(null)} testId="restore-dialog">
          <p>{t('cycles.confirmRestore', { name: restoring.name })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setRestoring(null)}>{t('cycles.cancel')}</button>
            <button type="button" className="primary" data-autofocus onClick={() => void restore(restoring)} data-testid="restore-confirm">
              {t('cycles.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
