import { useTranslation } from 'react-i18next';
import { useMapSession, useSliceGetter } from '../../session';
import './i18n';
import { enterProjector } from './projector/projector';
import { useWorkshop, workshopSlice } from './store';

/** Toolbar buttons: projector mode, asking everyone to follow. */
export default function WorkshopToolbar() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const leading = useWorkshop((s) => s.leading);
  return (
    <>
      <button type="button" onClick={() => enterProjector(getWorkshop)} title={t('workshop.projector.enter')} data-testid="projector">
        {t('workshop.projector.button')}
      </button>
      {canEdit && (
        <button type="button" aria-pressed={leading} onClick={() => getWorkshop().setLeading(!leading)}
          title={t('workshop.follow.leadHint')} data-testid="lead">
          {t('workshop.follow.lead')}
        </button>
      )}
    </>
  );
}
