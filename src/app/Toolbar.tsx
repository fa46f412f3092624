import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addFactorAtCentre } from '../canvas/newFactor';
import { removeElements } from '../model';
import { sessionSlice, useMapSession, useSession, useSliceGetter, useUndoState } from '../session';
import { LanguageSwitch } from './LanguageSwitch';
import { TitleField } from './TitleField';
import { frameFactors } from '../ui/flowFrame';
import { Icon } from '../ui/Icon';

interface Props {
  /** Extra controls other parts of the app put in the bar (sync status, export, panels…). */
  children?: ReactNode;
}

export function Toolbar({ children }: Props) {
  const getSession = useSliceGetter(sessionSlice);
  const { t } = useTranslation();
  const { doc, undo, canEdit } = useMapSession();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  // Phones: the bar is one row; this opens it onto several, every action in reach (touch.css).
  const [open, setOpen] = useState(false);
  const { canUndo, canRedo } = useUndoState(undo);
  const selected = useSession((s) => s.selectedFactorIds.length + s.selectedLinkIds.length > 0);
  const setEditing = useSession((s) => s.setEditing);

  const add = () => setEditing(addFactorAtCentre(doc, flow, t('canvas.newFactor')));
  const remove = () => {
    const { selectedFactorIds, selectedLinkIds } = getSession();
    removeElements(doc, selectedFactorIds, selectedLinkIds);
  };

  return (
    <header className={`toolbar${open ? ' open' : ''}`} role="toolbar" aria-label="Trame">
      <a className="brand" href="/" title={t('toolbar.home')}>Trame</a>
      <TitleField />
      <button type="button" className="toolbar-more" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="toolbar-more"
        title={t(open ? 'toolbar.less' : 'toolbar.more')} aria-label={t(open ? 'toolbar.less' : 'toolbar.more')}>{open ? '✕' : '⋯'}</button>
      {canEdit ? (
        <>
          <button type="button" onClick={add} title={`${t('toolbar.addFactor')} (N)`} aria-label={t('toolbar.addFactor')}><Icon name="plus" /> {t('toolbar.factor')}</button>
          <button type="button" onClick={() => undo.undo()} disabled={!canUndo} title={`${t('toolbar.undo')} (Ctrl+Z)`} aria-label={t('toolbar.undo')}><Icon name="undo" /></button>
          <button type="button" onClick={() => undo.redo()} disabled={!canRedo} title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`} aria-label={t('toolbar.redo')}><Icon name="redo" /></button>
          <button type="button" onClick={remove} disabled={!selected} title={`${t('toolbar.delete')} (Suppr)`} aria-label={t('toolbar.delete')}><Icon name="trash" /></button>
        </>
      ) : (
        <span className="badge">{t('canvas.readOnly')}</span>
      )}
      <button type="button" onClick={() => void frameFactors(flow, flowStore, undefined, { durationMs: 300 })} title={t('toolbar.fitView')} aria-label={t('toolbar.fitView')}><Icon name="fit" /></button>
      <span className="spacer" />
      {children}
      <LanguageSwitch />
    </header>
  );
}
