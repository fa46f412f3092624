import { useTranslation } from 'react-i18next';
import { useRoot, useSliceGetter } from '../../../session';
import { readViews, VIEWS_ROOT } from '../../../model';
import { useWorkshop, workshopSlice } from '../store';
import { useViewPlayer } from '../views/player';
import { useShownViewId } from '../views/ViewOverlay';
import { PartialIndicator } from './PartialIndicator';
import { leaveProjector } from './projector';

/** On the projected map: the step's title for the room, and discreet step and exit buttons. */
export function ProjectorHud() {
  const { t } = useTranslation();
  const on = useWorkshop((s) => s.projector);
  const refused = useWorkshop((s) => s.fullscreenRefused);
  const following = useWorkshop((s) => s.following);
  const views = useRoot(VIEWS_ROOT, readViews);
  const shownId = useShownViewId();
  const { step } = useViewPlayer();
  const getWorkshop = useSliceGetter(workshopSlice);
  if (!on) return null;
  const at = views.findIndex((v) => v.id === shownId);
  const view = views[at];
  return (
    <>
      {view && <h2 className="ws-step-title" data-testid="projector-step-title" data-fit-obstacle="band">{view.title}</h2>}
      <div className="ws-projector-controls" role="toolbar" aria-label={t('workshop.projector.controls')} data-testid="projector-controls" data-fit-obstacle="">
        {refused && <span className="ws-note">{t('workshop.projector.noFullscreen')}</span>}
        {views.length > 0 && following === null && (
          <>
            <button type="button" onClick={() => step(-1)} disabled={at === 0} aria-label={t('workshop.projector.prev')} title={t('workshop.projector.prev')}>←</button>
            <span className="ws-step-count">
              {at === -1 ? `– / ${views.length}` : t('workshop.projector.step', { n: at + 1, total: views.length })}
            </span>
            <button type="button" onClick={() => step(1)} disabled={at === views.length - 1} aria-label={t('workshop.projector.next')} title={t('workshop.projector.next')}>→</button>
          </>
        )}
        <PartialIndicator />
        <button type="button" onClick={() => leaveProjector(getWorkshop)} data-testid="projector-exit" title={t('workshop.projector.exit')} aria-label={t('workshop.projector.exit')}>✕</button>
      </div>
    </>
  );
}
