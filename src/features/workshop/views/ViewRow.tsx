import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession, useSnapshot } from '../../../session';
import { moveView, removeView, updateView, type SavedView } from '../../../model';
import { loopParts } from '../loops/loopParts';

interface Props {
  view: SavedView;
  index: number;
  count: number;
  current: boolean;
  onShow: () => void;
}

/** One step of the reveal: show it, rename it in place, move it, delete it. */
export function ViewRow({ view, index, count, current, onShow }: Props) {
  const { t } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const snap = useSnapshot();
  const [draft, setDraft] = useState(view.title);
  useEffect(() => setDraft(view.title), [view.title]);
  const factors = view.factors === null
    ? t('workshop.views.allFactors')
    : t('workshop.views.factorsCount', { count: view.factors.filter((id) => snap.factorById.has(id)).length });
  const loop = view.loop ? (loopParts(view.loop, snap) ? t('workshop.views.withLoop') : t('workshop.views.loopGone')) : null;

  return (
    <li className={`ws-row${current ? ' current' : ''}`} data-testid="view-row" aria-current={current ? 'step' : undefined}>
      <span className="ws-row-index">{index + 1}</span>
      <div className="ws-row-main">
        {canEdit ? (
          <input className="ws-inline" value={draft} aria-label={t('workshop.views.rename')} maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => draft.trim() !== view.title && updateView(doc, view.id, { title: draft })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setDraft(view.title);
            }} />
        ) : (
          <strong>{view.title}</strong>
        )}
        <span className="muted ws-small">{[factors, loop].filter(Boolean).join(' · ')}</span>
      </div>
      <div className="ws-row-actions">
        <button type="button" onClick={onShow} aria-pressed={current} data-testid="show-view">{t('workshop.views.show')}</button>
        {canEdit && (
          <>
            <button type="button" disabled={index === 0} onClick={() => moveView(doc, view.id, index - 1)}
              aria-label={t('workshop.views.up')} title={t('workshop.views.up')}>↑</button>
            <button type="button" disabled={index === count - 1} onClick={() => moveView(doc, view.id, index + 1)}
              aria-label={t('workshop.views.down')} title={t('workshop.views.down')}>↓</button>
            <button type="button" aria-label={t('workshop.views.delete')} title={t('workshop.views.delete')}
              onClick={() => window.confirm(t('workshop.views.confirmDelete', { title: view.title })) && removeView(doc, view.id)}>✕</button>
          </>
        )}
      </div>
    </li>
  );
}
