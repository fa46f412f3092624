import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import './i18n';
import { enterProjector } from './projector/projector';
import { useWorkshop } from './store';

/** Toolbar buttons: projector mode, asking everyone to follow, the shortcuts help. */
export function WorkshopToolbar() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const leading = useWorkshop((s) => s.leading);
  return (
    <>
      <button type="button" onClick={enterProjector} title={t('workshop.projector.enter')} data-testid="projector">
        {t('workshop.projector.button')}
      </button>
      {canEdit && (
        <button type="button" aria-pressed={leading} onClick={() => useWorkshop.getState().setLeading(!leading)}
          title={t('workshop.follow.leadHint')} data-testid="lead">
          {t('workshop.follow.lead')}
        </button>
      )}
      <button type="button" onClick={() => useWorkshop.getState().setHelp(true)} aria-label={t('workshop.help.button')}
        title={t('workshop.help.button')} data-testid="shortcuts">?</button>
    </>
  );
}
