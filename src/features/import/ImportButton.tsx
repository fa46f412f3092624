import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import './i18n';
import './import.css';
import { ImportDialog } from './ImportDialog';
import { useImport } from './store';
import { TidyButton } from './TidyButton';

/** Toolbar: Import (a dialog: add files to this map, or open a map file) and Tidy up. */
export default function ImportButton() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const open = useImport((s) => s.dialogOpen);
  const set = useImport((s) => s.set);
  return (
    <>
      <button type="button" onClick={() => set({ dialogOpen: true })} data-testid="open-import">{t('import.button')}</button>
      {canEdit && <TidyButton />}
      {open && <ImportDialog />}
    </>
  );
}
