import { useTranslation } from 'react-i18next';
import { useMapSession, useRoot, useSliceGetter } from '../../../session';
import { readViews, VIEWS_ROOT } from '../../../model';
import '../i18n';
import { enterProjector } from '../projector/projector';
import { useWorkshop, workshopSlice } from '../store';
import '../workshop.css';
import { useViewPlayer } from './player';
import { SaveViewForm } from './SaveViewForm';
import { ViewRow } from './ViewRow';

/** Saved views, in order: the steps of a step-by-step reveal of the map. */
export default function ViewsPanel() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const views = useRoot(VIEWS_ROOT, readViews);
  const showing = useWorkshop((s) => s.showing);
  const following = useWorkshop((s) => s.following);
  const { show, step } = useViewPlayer();
  const getWorkshop = useSliceGetter(workshopSlice);
  const current = following === null ? showing : null;
  const at = views.findIndex((v) => v.id === current);

  return (
    <div className="ws-panel" data-testid="views-panel">
      {canEdit ? <SaveViewForm count={views.length} /> : <p className="muted">{t('workshop.views.readOnly')}</p>}
      {views.length === 0 ? (
        <p className="muted">{t('workshop.views.empty')}</p>
      ) : (
        <>
          <div className="ws-player">
            <button type="button" onClick={() => step(-1)} disabled={at <= 0}>← {t('workshop.views.prev')}</button>
            <button type="button" onClick={() => step(1)} disabled={at === views.length - 1} data-testid="next-view">
              {t('workshop.views.next')} →
            </button>
            <button type="button" onClick={() => show(null)} disabled={current === null} data-testid="show-all">{t('workshop.views.stop')}</button>
            <button type="button" onClick={() => enterProjector(getWorkshop)}>{t('workshop.projector.button')}</button>
          </div>
          <ol className="ws-list">
            {views.map((v, i) => (
              <ViewRow key={v.id} view={v} index={i} count={views.length} current={v.id === current} onShow={() => show(v)} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
