import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapSession } from '../../session';
import './i18n';
import './import.css';
import { ImportReportView } from './ImportReport';
import { useImportActions } from './useImportActions';

/** The drag has ended when no dragover came for this long (dragleave fires on every child). */
const DRAG_IDLE_MS = 200;

/**
 * Beside the canvas: files dropped on the map join it, and the last import's outcome shows.
 * A file dropped anywhere else in the page is refused rather than opened by the browser in
 * place of the app; drops someone else took (a story's file) are left alone.
 */
export default function ImportMount() {
  const { t } = useTranslation();
  const { canEdit } = useMapSession();
  const { addFiles } = useImportActions();
  const [over, setOver] = useState(false);

  useEffect(() => {
    let timer = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
    const onCanvas = (e: DragEvent) => e.target instanceof Element && !!e.target.closest('[data-testid="canvas"]');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const ok = canEdit && onCanvas(e);
      if (e.dataTransfer) e.dataTransfer.dropEffect = ok ? 'copy' : 'none';
      setOver(ok);
      clearTimeout(timer);
      timer = window.setTimeout(() => setOver(false), DRAG_IDLE_MS);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      clearTimeout(timer);
      setOver(false);
      if (canEdit && onCanvas(e)) void addFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [canEdit, addFiles]);

  return (
    <>
      {over && <div className="import-drop" aria-hidden="true"><span>{t('import.drop')}</span></div>}
      {/* This mount loads lazily: tests (and tools) wait for it before they drop a file. */}
      {canEdit && <span hidden data-testid="import-drop-ready" />}
      <ImportReportView />
    </>
  );
}
