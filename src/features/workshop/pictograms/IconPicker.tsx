import { useTranslation } from 'react-i18next';
import { useMapSession, useSession, useSliceGetter, useSnapshot } from '../../../session';
import { ICONS, iconLabel, setFactorField } from '../../../model';
import { Dialog } from '../../../ui/Dialog';
import { useWorkshop, workshopSlice } from '../store';
import { Pictogram } from './Pictogram';

/** A grid of the bundled pictograms, each with its name, for the one selected factor. */
export function IconPicker() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t, i18n } = useTranslation();
  const { doc, canEdit } = useMapSession();
  const open = useWorkshop((s) => s.pickerOpen);
  const selected = useSession((s) => s.selectedFactorIds);
  const snap = useSnapshot();
  const factor = selected.length === 1 && selected[0] ? snap.factorById.get(selected[0]) : undefined;
  if (!open || !factor || !canEdit) return null;
  const close = () => getWorkshop().setPicker(false);
  const choose = (name: string | undefined) => {
    setFactorField(doc, factor.id, 'icon', name);
    close();
  };
  return (
    <Dialog title={t('workshop.icons.chooseFor', { label: factor.label })} onClose={close} className="ws-picker" testId="icon-picker">
      <div className="ws-icon-grid" role="group" aria-label={t('workshop.icons.choose')}>
        {ICONS.map((icon) => {
          const label = iconLabel(icon.name, i18n.language) ?? icon.name;
          return (
            <button key={icon.name} type="button" className="ws-icon-choice" aria-pressed={factor.icon === icon.name}
              data-autofocus={factor.icon === icon.name ? true : undefined} onClick={() => choose(icon.name)} data-testid={`icon-${icon.name}`}>
              <Pictogram name={icon.name} />
              <span>{label}</span>
            </button>
          );
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => choose(undefined)} disabled={!factor.icon}>{t('workshop.icons.none')}</button>
        <button type="button" onClick={close}>{t('workshop.icons.close')}</button>
      </div>
    </Dialog>
  );
}

/** A context button under the map when one factor is selected: opens the picker. */
export function PictogramButton() {
  const getWorkshop = useSliceGetter(workshopSlice);
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const one = useSession((s) => s.selectedFactorIds.length === 1 && s.selectedLinkIds.length === 0);
  const projector = useWorkshop((s) => s.projector);
  if (!canEdit || !one || projector) return null;
  return (
    <div className="ws-context">
      <button type="button" onClick={() => getWorkshop().setPicker(true)} data-testid="open-icon-picker">
        <Pictogram name="house" className="ws-button-icon" /> {t('workshop.icons.button')}
      </button>
    </div>
  );
}
